package kz.hotline114.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;

/** The live queue state follows the recorded traffic event by event. */
class LiveModelIT extends TelephonyIT {

    @Autowired
    LiveModel live;

    @Test
    void members_added_paused_and_removed_show_as_the_pbx_reports_them() {
        var packets = Recordings.packets("sip-phones/queue-member-control", 0);
        int lunch = -1;
        int aliyaPaused = -1;
        for (int i = 0; i < packets.size(); i++) {
            var p = packets.get(i);
            if ("QueueMemberPause".equals(p.event()) && "lunch".equals(p.get("PausedReason"))) {
                lunch = i;
            }
            if ("QueueMemberPause".equals(p.event()) && "PJSIP/207".equals(p.get("Interface")) && "1".equals(p.get("Paused"))) {
                aliyaPaused = i;
            }
        }
        assertThat(lunch).isPositive();

        play(packets.subList(0, aliyaPaused + 1));
        var aliya = live.snapshot().queue("theologians").orElseThrow().members().stream()
                .filter(m -> m.iface().equals("PJSIP/207")).findFirst().orElseThrow();
        assertThat(aliya.paused()).isTrue();
        assertThat(aliya.pausedReason()).isEqualTo("break");

        play(packets.subList(aliyaPaused + 1, lunch + 1));
        var theologians = live.snapshot().queue("theologians").orElseThrow();
        assertThat(theologians.members()).extracting(MemberState::iface).doesNotContain("PJSIP/207");
        var yerlan = theologians.members().stream().filter(m -> m.iface().equals("PJSIP/203")).findFirst().orElseThrow();
        assertThat(yerlan.paused()).isTrue();
        assertThat(yerlan.pausedReason()).isEqualTo("lunch");

        play(packets.subList(lunch + 1, packets.size()));
        theologians = live.snapshot().queue("theologians").orElseThrow();
        assertThat(theologians.members()).filteredOn(m -> m.iface().equals("PJSIP/203")).singleElement()
                .satisfies(m -> assertThat(m.paused()).isFalse());
        assertThat(theologians.members()).filteredOn(m -> m.iface().equals("PJSIP/204")).singleElement()
                .satisfies(m -> {
                    assertThat(m.name()).isEqualTo("Olga (theologian)");
                    assertThat(m.status()).isEqualTo(MemberState.Status.AVAILABLE);
                });
    }

    @Test
    void a_caller_waits_in_the_queue_until_she_hangs_up() {
        var packets = Recordings.packets("abandoned-in-queue", 60);
        int joined = -1;
        for (int i = 0; i < packets.size(); i++) {
            if ("QueueCallerJoin".equals(packets.get(i).event())) {
                joined = i;
                break;
            }
        }
        var linkedid = packets.get(joined).get("Linkedid");
        play(packets.subList(0, joined + 1));
        assertThat(live.snapshot().queue("psychologists").orElseThrow().waiting())
                .extracting(WaitingCaller::linkedid).contains(linkedid);

        play(packets.subList(joined + 1, packets.size()));
        assertThat(live.snapshot().queue("psychologists").orElseThrow().waiting())
                .extracting(WaitingCaller::linkedid).doesNotContain(linkedid);
    }
}
