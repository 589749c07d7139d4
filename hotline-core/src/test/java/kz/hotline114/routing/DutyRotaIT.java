package kz.hotline114.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/** The rota puts phones into their queues at a shift's start and takes them out at its end, over AMI. */
class DutyRotaIT extends TelephonyIT {

    @Autowired
    SpecialistDirectory directory;
    @Autowired
    DutyRota rota;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static long actions(String action, String iface) {
        return PBX.server().actionsReceived().stream()
                .filter(a -> action.equalsIgnoreCase(a.get("Action")) && iface.equals(a.get("Interface"))).count();
    }

    @Test
    void a_shift_adds_the_phone_to_its_queues_at_the_start_and_removes_it_at_the_end() {
        var s = directory.save("Rota Psy", Specialist.Kind.PSYCHOLOGIST, List.of("kk"), "PJSIP/291",
                List.of("psychologists", "theologians"), true, null);
        var start = TestClock.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        var shift = rota.add(s.id(), start, start.plus(Duration.ofHours(8)), "түнгі", 1).getFirst();

        rota.applyDue(TestClock.now());
        var adds = PBX.server().actionsReceived().stream()
                .filter(a -> "QueueAdd".equals(a.get("Action")) && "PJSIP/291".equals(a.get("Interface"))).toList();
        assertThat(adds).extracting(a -> a.get("Queue")).containsExactlyInAnyOrder("psychologists", "theologians");
        assertThat(adds).allSatisfy(a -> assertThat(a.get("MemberName")).isEqualTo("Rota Psy"));
        var on = rota.between(start, start.plusSeconds(1)).stream().filter(x -> x.id() == shift.id()).findFirst().orElseThrow();
        assertThat(on.joinedAt()).isNotNull();
        assertThat(on.state(TestClock.now())).isEqualTo(Shift.State.ON_DUTY);

        rota.applyDue(TestClock.now());
        assertThat(actions("QueueAdd", "PJSIP/291")).as("started once").isEqualTo(2);

        rota.applyDue(start.plus(Duration.ofHours(8)).plusSeconds(1));
        var removes = PBX.server().actionsReceived().stream()
                .filter(a -> "QueueRemove".equals(a.get("Action")) && "PJSIP/291".equals(a.get("Interface"))).toList();
        assertThat(removes).extracting(a -> a.get("Queue")).containsExactlyInAnyOrder("psychologists", "theologians");
        assertThat(rota.between(start, start.plusSeconds(1))).filteredOn(x -> x.id() == shift.id())
                .singleElement().satisfies(x -> assertThat(x.leftAt()).isNotNull());
    }

    @Test
    void back_to_back_shifts_keep_the_phone_in_its_queues_and_overlapping_ones_are_refused() {
        var s = directory.save("Rota Theo", Specialist.Kind.THEOLOGIAN, List.of("ru"), "PJSIP/292", List.of("theologians"),
                true, null);
        var start = TestClock.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        rota.add(s.id(), start, start.plus(Duration.ofHours(1)), null, 1);
        rota.add(s.id(), start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)), null, 1);
        assertThatThrownBy(() -> rota.add(s.id(), start.plus(Duration.ofMinutes(90)), start.plus(Duration.ofHours(3)), null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> rota.add(s.id(), start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(3)).plusSeconds(1),
                null, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 hours");

        rota.applyDue(TestClock.now());
        rota.applyDue(start.plus(Duration.ofHours(1)).plusSeconds(5));
        assertThat(actions("QueueRemove", "PJSIP/292")).as("the second shift goes on").isZero();
        rota.applyDue(start.plus(Duration.ofHours(2)).plusSeconds(5));
        assertThat(actions("QueueRemove", "PJSIP/292")).isEqualTo(1);
    }

    @Test
    void a_weekly_shift_repeats_and_supervisors_can_move_a_phone_by_hand_but_specialists_cannot() {
        var s = directory.save("Rota Sch", Specialist.Kind.RELIGIOUS_SCHOLAR, List.of("kk"), "PJSIP/293",
                List.of("religious-scholars"), true, null);
        var start = TestClock.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        var weekly = rota.add(s.id(), start, start.plus(Duration.ofHours(4)), null, 4);
        assertThat(weekly).hasSize(4);
        assertThat(weekly.get(3).startsAt()).isEqualTo(start.plus(Duration.ofDays(21)));
        rota.remove(weekly.get(1).id());
        assertThat(rota.between(start, start.plus(Duration.ofDays(30)))).filteredOn(x -> x.specialistId() == s.id()).hasSize(3);

        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("sup", "n/a", "ROLE_SUPERVISOR"));
        rota.joinQueues(s.id());
        assertThat(actions("QueueAdd", "PJSIP/293")).isEqualTo(1);
        rota.leaveQueues(s.id());
        assertThat(actions("QueueRemove", "PJSIP/293")).isEqualTo(1);

        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("spec", "n/a", "ROLE_SPECIALIST"));
        assertThatThrownBy(() -> rota.joinQueues(s.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rota.add(s.id(), start, start.plusSeconds(60), null, 1)).isInstanceOf(AccessDeniedException.class);
    }
}
