package kz.hotline114.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import kz.hotline114.calls.CallKey;
import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.Cases;
import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.RiskAcknowledged;
import kz.hotline114.risk.RiskFlagged;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.risk.RiskOverdue;
import kz.hotline114.risk.RiskProperties;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/**
 * A caller at risk on the real PostgreSQL: the specialist on the call flags it (another specialist may not), the
 * follow-up is due after the category's hours for the level, supervisors are told (an event) and one acknowledges;
 * the protocol's steps, the tries to call back and the outcome's rules; an overdue follow-up is told once; the case
 * opened from the call shows on the flag; the figures count it.
 */
@RecordApplicationEvents
class RiskFlagsIT extends TelephonyIT {

    @Autowired
    RiskFlags risk;
    @Autowired
    Cases cases;
    @Autowired
    ApplicationEvents events;
    @Autowired
    RiskWatch watch;

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a", "ROLE_" + role));
    }

    @AfterEach
    void time() {
        TestClock.reset();
    }

    /** An answered call of {@code specialist} in the psychologists' queue, 5 minutes ago; its specialist's user. */
    private CallKey call(String specialist, String user) {
        var key = new CallKey(PBX_ID, "risk-" + run + "-" + ThreadLocalRandom.current().nextInt(1_000_000));
        var at = TestClock.now().minusSeconds(300);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at)
                values (?, ?, ?, null, true, '{psychologists}', ?, '[]'::jsonb, 'IN_PROGRESS', false, ?)""", key.pbxId(),
                key.linkedid(), Timestamp.from(at), new String[] {specialist}, Timestamp.from(at));
        jdbc.update("insert into specialist (display_name, kind, interface, queues, username) values (?, 'PSYCHOLOGIST',"
                + " ?, '{psychologists}', ?) on conflict do nothing", specialist, "PJSIP/r" + user.hashCode(), user);
        return key;
    }

    @Test
    void the_specialist_flags_a_supervisor_acknowledges_and_the_follow_up_closes_by_its_rules() {
        String name = "Aigerim " + run;
        String user = "risk-spec-" + run;
        var key = call(name, user);

        as("risk-other-" + run, "SPECIALIST");
        assertThatThrownBy(() -> risk.flag(key, "SUICIDE_SELF_HARM", RiskFlags.Level.URGENT))
                .as("not on the call").isInstanceOf(AccessDeniedException.class);
        as(user, "SPECIALIST");
        assertThatThrownBy(() -> risk.flag(key, "NO_SUCH", RiskFlags.Level.URGENT))
                .isInstanceOfSatisfying(InvalidRisk.class, e -> assertThat(e.errors()).containsKey("category"));
        var before = TestClock.now();
        var flag = risk.flag(key, "SUICIDE_SELF_HARM", RiskFlags.Level.URGENT);
        assertThat(flag.specialist()).isEqualTo(name);
        assertThat(flag.queue()).isEqualTo("psychologists");
        assertThat(flag.followUpOwner()).isEqualTo(user);
        assertThat(Duration.between(before, flag.followUpDue())).as("urgent suicide risk: 4 hours")
                .isBetween(Duration.ofHours(4).minusSeconds(5), Duration.ofHours(4).plusSeconds(5));
        assertThat(flag.state(TestClock.now())).isEqualTo(RiskFlags.State.NEW);
        assertThat(events.stream(RiskFlagged.class)).extracting(e -> e.flag().id()).contains(flag.id());
        assertThatThrownBy(() -> risk.acknowledge(flag.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> risk.find(null, null, null)).isInstanceOf(AccessDeniedException.class);

        assertThat(risk.protocolStep(flag.id(), 0, true).protocolDone()).containsExactly(0);
        assertThat(risk.protocolStep(flag.id(), 2, true).protocolDone()).containsExactly(0, 2);
        assertThatThrownBy(() -> risk.protocolStep(flag.id(), 9, true)).isInstanceOf(InvalidRisk.class);

        as("risk-super", "SUPERVISOR");
        assertThat(risk.unacknowledged()).extracting(RiskFlags.Flag::id).contains(flag.id());
        var acked = risk.acknowledge(flag.id());
        assertThat(acked.acknowledgedBy()).isEqualTo("risk-super");
        assertThat(risk.acknowledge(flag.id()).acknowledgedAt()).as("once").isEqualTo(acked.acknowledgedAt());
        assertThat(events.stream(RiskAcknowledged.class).filter(e -> e.flag().id() == flag.id())).hasSize(1);
        assertThat(risk.unacknowledged()).extracting(RiskFlags.Flag::id).doesNotContain(flag.id());
        assertThat(risk.find(null, null, RiskFlags.State.ACKNOWLEDGED)).extracting(RiskFlags.Flag::id)
                .contains(flag.id());

        as(user, "SPECIALIST");
        assertThatThrownBy(() -> risk.close(flag.id(), RiskFlags.Outcome.NOT_REACHABLE, null, null))
                .isInstanceOfSatisfying(InvalidRisk.class, e -> assertThat(e.errors()).containsEntry("outcome",
                        "too-few-tries"));
        assertThatThrownBy(() -> risk.close(flag.id(), RiskFlags.Outcome.REFERRED, " ", null))
                .isInstanceOfSatisfying(InvalidRisk.class, e -> assertThat(e.errors()).containsKey("referralPartner"));
        for (int i = 0; i < 3; i++) {
            risk.attempt(flag.id(), "жауап бермеді " + (i + 1));
        }
        assertThat(risk.attempts(flag.id())).extracting(RiskFlags.Attempt::note).containsExactly("жауап бермеді 1",
                "жауап бермеді 2", "жауап бермеді 3");
        var closed = risk.close(flag.id(), RiskFlags.Outcome.NOT_REACHABLE, null, "үш рет хабарластық");
        assertThat(closed.state(TestClock.now())).isEqualTo(RiskFlags.State.CLOSED);
        assertThatThrownBy(() -> risk.attempt(flag.id(), null)).isInstanceOf(InvalidRisk.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where subject = ? and action like 'RISK_%'",
                Long.class, key.toString())).as("flagged, 2 steps, acknowledged, 3 tries, closed").isEqualTo(8);
    }

    @Test
    void an_overdue_follow_up_is_told_once_and_the_case_and_figures_show_the_flag() {
        TestClock.pin("1994-04-04T10:00:00"); // a moment of no other flag: the figures count this one alone
        String user = "risk-spec2-" + run;
        var key = call("Yerlan " + run, user);
        as(user, "SPECIALIST");
        var flag = risk.flag(key, "OTHER", RiskFlags.Level.CONCERN);
        var number = cases.open(new CaseDraft(key.pbxId(), key.linkedid(), "PSYCHOLOGICAL_SUPPORT", null,
                "Өмірдің мәні жоқ дейді", null, "kk", CallerProfile.UNKNOWN, null, false, null, null));
        assertThat(risk.get(flag.id()).caseNumber()).as("the case opened from the flagged call").isEqualTo(number);
        assertThat(risk.ofCall(key)).extracting(RiskFlags.Flag::id).containsExactly(flag.id());
        assertThat(risk.ofCase(number)).as("the flag goes with the case").extracting(RiskFlags.Flag::id)
                .containsExactly(flag.id());
        as("risk-nobody-" + run, "SPECIALIST");
        assertThatThrownBy(() -> risk.ofCase(number)).as("not their case").isInstanceOf(AccessDeniedException.class);
        as(user, "SPECIALIST");

        TestClock.pin(flag.followUpDue().plusSeconds(60));
        assertThat(watch.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(events.stream(RiskOverdue.class).filter(e -> e.flag().id() == flag.id())).hasSize(1);
        watch.overdue();
        assertThat(events.stream(RiskOverdue.class).filter(e -> e.flag().id() == flag.id())).as("once").hasSize(1);
        as("risk-super", "SUPERVISOR");
        assertThat(risk.find(null, null, RiskFlags.State.OVERDUE)).extracting(RiskFlags.Flag::id).contains(flag.id());
        risk.acknowledge(flag.id());
        var figures = risk.figures(flag.flaggedAt().minusSeconds(1), flag.flaggedAt().plusSeconds(1));
        assertThat(figures.byCategory()).containsEntry("OTHER", 1L);
        assertThat(figures.byLevel()).containsEntry(RiskFlags.Level.CONCERN, 1L);
        assertThat(figures.byOutcome()).containsEntry("OPEN", 1L);
        assertThat(figures.ackSecondsP50()).as("acknowledged a minute after the follow-up's due time")
                .isGreaterThan(72 * 3600.0);
        assertThat(figures.overdue()).isEqualTo(1);
        as("risk-op", "OPERATOR");
        assertThatThrownBy(() -> risk.figures(flag.flaggedAt(), flag.flaggedAt())).isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    JdbcRiskFlags flags;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    kz.hotline114.security.AuditLog audit;
    @Autowired
    kz.hotline114.pbx.PbxCommands pbx;
    @Autowired
    kz.hotline114.cluster.NodeLeases leases;

    @Test
    void an_urgent_flag_nobody_acknowledges_rings_the_on_call_contacts_one_after_another() {
        TestClock.pin("1994-05-05T03:00:00"); // a night of no other flag
        var watch = new RiskWatch(jdbc, flags, publisher, audit, TestClock.get(), new RiskProperties(3,
                Duration.ofSeconds(30), Duration.ofSeconds(30), java.util.List.of("PJSIP/301", "PJSIP/302")), pbx, leases);
        String user = "risk-spec3-" + run;
        var key = call("Nurlan " + run, user);
        as(user, "SPECIALIST");
        var urgent = risk.flag(key, "THREAT_TO_OTHERS", RiskFlags.Level.URGENT);
        var concern = risk.flag(key, "OTHER", RiskFlags.Level.CONCERN);
        var start = urgent.flaggedAt();
        java.util.function.Function<Long, Integer> at = seconds -> {
            TestClock.pin(start.plusSeconds(seconds));
            return watch.escalate();
        };
        assertThat(at.apply(10L)).as("within the 30 s").isZero();
        assertThat(at.apply(31L)).as("the first on-call contact").isEqualTo(1);
        var originate = PBX.server().actionsReceived().stream().filter(a -> "Originate".equals(a.get("Action")))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/301");
        assertThat(originate.get("Context")).isEqualTo("hotline-risk-alert");
        assertThat(originate.getAll("Variable")).contains("HOTLINE_RISK_ID=" + urgent.id());
        assertThat(at.apply(45L)).as("the next one only after another 30 s").isZero();
        assertThat(at.apply(62L)).isEqualTo(1);
        assertThat(PBX.server().actionsReceived().stream().filter(a -> "Originate".equals(a.get("Action")))
                .reduce((a, b) -> b).orElseThrow().get("Channel")).isEqualTo("PJSIP/302");
        assertThat(at.apply(200L)).as("the list has ended").isZero();
        assertThat(risk.get(urgent.id()).escalations()).isEqualTo(2);
        assertThat(risk.get(concern.id()).escalations()).as("a concern is not escalated").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RISK_ESCALATED' and subject = ?",
                Long.class, key.toString())).isEqualTo(2);

        var acked = risk.flag(key, "THREAT_TO_OTHERS", RiskFlags.Level.URGENT);
        as("risk-super", "SUPERVISOR");
        risk.acknowledge(acked.id());
        TestClock.pin(acked.flaggedAt().plusSeconds(40));
        assertThat(watch.escalate()).as("acknowledged in time: nobody is rung").isZero();
    }
}
