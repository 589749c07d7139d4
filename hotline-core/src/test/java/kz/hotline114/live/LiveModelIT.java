package kz.hotline114.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;

/** The live queue state follows the recorded traffic event by event. */
class LiveModelIT extends TelephonyIT {

    @Autowired
    LiveModel live;
    @Autowired
    org.springframework.context.ApplicationContext context;

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

    private static int first(List<AmiPacket> packets, String event, int from) {
        for (int i = from; i < packets.size(); i++) {
            if (event.equals(packets.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " after packet " + from);
    }

    private LiveCall callOf(String linkedid) {
        return live.snapshot().calls().stream().filter(c -> c.linkedid().equals(linkedid)).findFirst()
                .orElseThrow(() -> new AssertionError("no live call " + linkedid + " in " + live.snapshot().calls()));
    }

    @Test
    void a_call_goes_from_the_menu_to_the_queue_rings_a_phone_is_answered_and_leaves_the_member_in_wrap_up() {
        var packets = Recordings.packets("sip-phones/pjsip-answered-theologian", 61);
        int joined = first(packets, "QueueCallerJoin", 0);
        int called = first(packets, "AgentCalled", joined);
        int connected = first(packets, "AgentConnect", called);
        int completed = first(packets, "AgentComplete", connected);
        var linkedid = packets.get(joined).get("Linkedid");

        play(packets.subList(0, joined));
        assertThat(callOf(linkedid).stage()).isEqualTo(LiveCall.Stage.IVR);

        play(packets.subList(joined, called + 1));
        var ringing = callOf(linkedid);
        assertThat(ringing.stage()).isEqualTo(LiveCall.Stage.RINGING);
        assertThat(ringing.queue()).isEqualTo("theologians");
        assertThat(ringing.iface()).isEqualTo("PJSIP/203");
        assertThat(live.snapshot().callOn("PJSIP/203")).hasValueSatisfying(c -> {
            assertThat(c.linkedid()).isEqualTo(linkedid);
            assertThat(c.answered()).isFalse();
        });

        play(packets.subList(called + 1, connected + 1));
        assertThat(callOf(linkedid).stage()).isEqualTo(LiveCall.Stage.TALKING);
        assertThat(live.snapshot().queue("theologians").orElseThrow().waiting()).extracting(WaitingCaller::linkedid)
                .doesNotContain(linkedid);
        assertThat(live.snapshot().callOn("PJSIP/203")).hasValueSatisfying(c -> assertThat(c.answered()).isTrue());

        play(packets.subList(connected + 1, packets.size()));
        assertThat(live.snapshot().calls()).extracting(LiveCall::linkedid).doesNotContain(linkedid);
        assertThat(live.snapshot().callOn("PJSIP/203")).isEmpty();
        var yerlan = live.snapshot().queue("theologians").orElseThrow().members().stream()
                .filter(m -> m.iface().equals("PJSIP/203")).findFirst().orElseThrow();
        var completedAt = packets.get(completed).get("Timestamp");
        assertThat(yerlan.wrapUpUntil()).isNotNull();
        assertThat(yerlan.inWrapUp(yerlan.wrapUpUntil().minusSeconds(1))).isTrue();
        assertThat(yerlan.inWrapUp(yerlan.wrapUpUntil())).isFalse();
        assertThat(completedAt).isNotBlank();
    }

    @Test
    void a_phone_the_queue_rings_shows_its_call_even_when_no_member_status_was_seen_since_connecting() {
        var packets = Recordings.packets("repeat-caller", 62).stream()
                .filter(p -> !"QueueMemberStatus".equals(p.event())).toList();
        int called = first(packets, "AgentCalled", 0);
        var iface = packets.get(called).get("Interface");
        play(packets.subList(0, called + 1));
        assertThat(live.snapshot().callOn(iface)).hasValueSatisfying(c -> assertThat(c.answered()).isFalse());
        assertThat(live.snapshot().queue("psychologists").orElseThrow().members()).extracting(MemberState::iface)
                .contains(iface);
        play(packets.subList(called + 1, packets.size()));
        assertThat(live.snapshot().callOn(iface)).isEmpty();
    }

    @Test
    void after_a_redirect_the_first_specialist_is_free_and_the_caller_queues_again_for_the_second() {
        var packets = Recordings.packets("transfer", 61);
        int transferred = -1;
        for (int i = 0; i < packets.size(); i++) {
            if ("UserEvent".equals(packets.get(i).event()) && "HotlineTransfer".equals(packets.get(i).get("UserEvent"))) {
                transferred = i;
                break;
            }
        }
        int rejoined = first(packets, "QueueCallerJoin", transferred);
        var linkedid = packets.get(rejoined).get("Linkedid");
        var firstSpecialist = packets.get(first(packets, "AgentConnect", 0)).get("Interface");

        int secondCalled = first(packets, "AgentCalled", rejoined);
        try {
            play(packets.subList(0, rejoined + 1));
            var queued = callOf(linkedid);
            assertThat(queued.stage()).isEqualTo(LiveCall.Stage.QUEUED);
            assertThat(queued.queue()).isEqualTo("theologians");
            // app_queue sends no AgentComplete at a Redirect: the caller queueing elsewhere frees the first phone
            assertThat(live.snapshot().callOn(firstSpecialist)).isEmpty();

            play(packets.subList(rejoined + 1, secondCalled + 1));
            assertThat(callOf(linkedid).stage()).isEqualTo(LiveCall.Stage.RINGING);
            assertThat(callOf(linkedid).iface()).isNotEqualTo(firstSpecialist);
        } finally {
            play(packets.subList(Math.min(secondCalled + 1, packets.size()), packets.size()));
        }
        assertThat(live.snapshot().calls()).extracting(LiveCall::linkedid).doesNotContain(linkedid);
    }

    @Test
    void after_a_reconnection_the_pbx_tells_where_every_call_is_and_the_desk_can_still_reach_the_talking_one() throws Exception {
        var talking = Recordings.packets("sip-phones/pjsip-answered-theologian", 64);
        var waiting = Recordings.packets("abandoned-in-queue", 64);
        int connected = first(talking, "AgentConnect", 0);
        int bridged = first(talking, "BridgeEnter", connected) + 1;
        int joined = first(waiting, "QueueCallerJoin", 0);
        var talkingId = talking.get(connected).get("Linkedid");
        var specialistLeg = talking.get(connected).get("DestChannel");
        var waitingId = waiting.get(joined).get("Linkedid");
        var queue = waiting.get(joined).get("Queue");
        try {
            play(talking.subList(0, bridged + 1));
            play(waiting.subList(0, joined + 1));

            var linkService = context.getBean("amiLinks", org.springframework.context.SmartLifecycle.class);
            long asked = queueStatusActions();
            linkService.stop();
            awaitUntil(() -> link.status().state() != kz.hotline114.pbx.PbxLinkStatus.State.CONNECTED);
            linkService.start();
            // the model is emptied at the reconnection before it asks for the state, then refilled from the answers
            awaitUntil(() -> queueStatusActions() > asked);
            awaitUntil(() -> live.snapshot().calls().stream().anyMatch(c -> c.linkedid().equals(talkingId))
                    && live.snapshot().calls().stream().anyMatch(c -> c.linkedid().equals(waitingId)));

            var call = callOf(talkingId);
            assertThat(call.stage()).isEqualTo(LiveCall.Stage.TALKING);
            assertThat(call.queue()).isEqualTo("theologians");
            assertThat(call.iface()).isEqualTo("PJSIP/203");
            assertThat(live.snapshot().callOn("PJSIP/203")).hasValueSatisfying(c -> {
                assertThat(c.linkedid()).isEqualTo(talkingId);
                assertThat(c.answered()).isTrue();
                assertThat(c.channel()).as("the leg a transfer from the desk moves").isEqualTo(specialistLeg);
            });
            assertThat(live.snapshot().queue("theologians").orElseThrow().members()).filteredOn(m -> m.iface().equals("PJSIP/203"))
                    .singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("Yerlan (theologian)"));

            var queued = callOf(waitingId);
            assertThat(queued.stage()).isEqualTo(LiveCall.Stage.QUEUED);
            assertThat(queued.queue()).isEqualTo(queue);
            assertThat(queued.queuedAt()).isNotNull();
            assertThat(live.snapshot().queue(queue).orElseThrow().waiting()).extracting(WaitingCaller::linkedid)
                    .contains(waitingId);
        } finally {
            play(talking.subList(Math.min(bridged + 1, talking.size()), talking.size()));
            play(waiting.subList(Math.min(joined + 1, waiting.size()), waiting.size()));
        }
        assertThat(live.snapshot().calls()).extracting(LiveCall::linkedid).doesNotContain(talkingId, waitingId);
        assertThat(live.snapshot().callOn("PJSIP/203")).isEmpty();
        assertThat(live.snapshot().queue(queue).orElseThrow().waiting()).extracting(WaitingCaller::linkedid)
                .doesNotContain(waitingId);
    }

    private static long queueStatusActions() {
        return PBX.server().actionsReceived().stream().filter(a -> "QueueStatus".equalsIgnoreCase(a.get("Action")))
                .count();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
