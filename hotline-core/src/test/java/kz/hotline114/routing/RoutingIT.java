package kz.hotline114.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.CallKey;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/** Transfer from the desk and callbacks: the exact AMI actions, and the outbound call followed to its end. */
class RoutingIT extends TelephonyIT {

    @Autowired
    SpecialistDirectory directory;
    @Autowired
    Desk desk;
    @Autowired
    Callbacks callbacks;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a", "ROLE_" + role));
    }

    private static int first(List<AmiPacket> packets, int from, String event, String key, String value) {
        for (int i = from; i < packets.size(); i++) {
            var p = packets.get(i);
            if (event.equals(p.event()) && (key == null || value.equals(p.get(key)))) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " " + key + "=" + value);
    }

    private AmiPacket lastAction(String action) {
        return PBX.server().actionsReceived().stream().filter(a -> action.equalsIgnoreCase(a.get("Action")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + action + " received"));
    }

    private Callback awaitStatus(String linkedid, Callback.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Callback> all;
        do {
            all = callbacks.ofCall(new CallKey(PBX_ID, linkedid));
            if (all.stream().anyMatch(c -> c.status() == status && c.endedAt() != null)) {
                return all.stream().filter(c -> c.status() == status).findFirst().orElseThrow();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no ended " + status + " callback for " + linkedid + ": " + all);
    }

    @Test
    void a_specialist_hands_the_caller_on_with_a_blind_transfer_of_her_own_leg() {
        var packets = Recordings.packets("sip-phones/pjsip-answered-psychologist", 70);
        int connected = first(packets, 0, "AgentConnect", null, null);
        var iface = packets.get(connected).get("Interface");
        var leg = packets.get(connected).get("DestChannel");
        directory.save("Routing test", Specialist.Kind.PSYCHOLOGIST, List.of("kk"), iface, List.of("psychologists"), true,
                "rt-psy");
        try {
            play(packets.subList(0, connected + 1));
            as("rt-psy", "SPECIALIST");
            assertThatThrownBy(() -> desk.transfer("psychologists")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> desk.transfer("nowhere")).isInstanceOf(IllegalArgumentException.class);

            desk.transfer("theologians");

            var blind = lastAction("BlindTransfer");
            assertThat(blind.get("Channel")).isEqualTo(leg);
            assertThat(blind.get("Context")).isEqualTo("hotline-transfer");
            assertThat(blind.get("Exten")).isEqualTo("theologians");
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CALL_TRANSFERRED' and subject = ?",
                    Long.class, packets.get(connected).get("Linkedid"))).isEqualTo(1);
        } finally {
            as("it-admin", "ADMIN");
            play(packets.subList(connected + 1, packets.size()));
        }
        as("rt-psy", "SPECIALIST");
        assertThatThrownBy(() -> desk.transfer("theologians")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_scheduled_callback_is_originated_from_my_phone_and_its_outbound_call_is_followed_to_the_end() throws Exception {
        var packets = Recordings.packets("sip-phones/callback-originate", 71);
        int originated = first(packets, 0, "VarSet", "Variable", "HOTLINE_CALLBACK_FOR");
        // from the Newchannel of the specialist's originated leg on, the outbound call
        int outboundStart = first(packets, 0, "Newchannel", "Uniqueid", packets.get(originated).get("Linkedid"));
        var original = play(packets.subList(0, outboundStart)).getFirst();
        var fullNumber = original.callerNumber();
        assertThat(fullNumber).startsWith("+77");
        var iface = "PJSIP/201";
        directory.save("Aigerim (psychologist)", Specialist.Kind.PSYCHOLOGIST, List.of("kk", "ru"), iface,
                List.of("psychologists"), true, "rt-aigerim");

        as("rt-aigerim", "SPECIALIST");
        var scheduled = callbacks.schedule(original.key(), TestClock.now().plus(Duration.ofHours(1)),
                "қайта хабарласу", null);
        assertThat(scheduled.status()).isEqualTo(Callback.Status.SCHEDULED);
        assertThat(scheduled.assignee()).isEqualTo(iface);
        assertThat(scheduled.maskedNumber()).contains("*").doesNotContain(fullNumber);
        assertThat(callbacks.open()).extracting(Callback::id).contains(scheduled.id());

        PBX.server().failOriginates(false);
        Callback dialling;
        try {
            dialling = callbacks.dialNow(scheduled.id());
        } finally {
            PBX.server().failOriginates(true);
        }
        assertThat(dialling.status()).isEqualTo(Callback.Status.DIALLING);
        var originate = lastAction("Originate");
        assertThat(originate.get("Channel")).isEqualTo(iface);
        assertThat(originate.get("Context")).isEqualTo("hotline-callback");
        assertThat(originate.get("Exten")).isEqualTo(fullNumber);
        assertThat(originate.getAll("Variable")).contains("HOTLINE_CALLBACK_FOR=" + original.linkedid(),
                "HOTLINE_CALLBACK_ID=" + scheduled.id());
        assertThatThrownBy(() -> callbacks.dialNow(scheduled.id())).isInstanceOf(IllegalStateException.class);

        // the PBX rings her phone, dials the caller, they talk 5 s: the recorded outbound call
        as("it-admin", "ADMIN");
        play(packets.subList(outboundStart, packets.size()));
        var done = awaitStatus(original.linkedid(), Callback.Status.ANSWERED);
        assertThat(done.id()).isEqualTo(scheduled.id());
        assertThat(done.outboundLinkedid()).isEqualTo(packets.get(originated).get("Linkedid"));
        assertThat(done.talkSeconds()).isBetween(4, 6);
        // the callback is not an inbound call
        assertThat(calls.get(new CallKey(PBX_ID, done.outboundLinkedid()))).isEmpty();
    }

    @Test
    void a_callback_originated_at_the_pbx_by_hand_is_logged_against_its_call_too() throws Exception {
        var packets = Recordings.packets("sip-phones/callback-originate", 72);
        var original = play(packets).getFirst();
        var logged = awaitStatus(original.linkedid(), Callback.Status.ANSWERED);
        assertThat(logged.requestedBy()).isNull();
        assertThat(logged.assignee()).isEqualTo("PJSIP/201");
        assertThat(logged.talkSeconds()).isBetween(4, 6);
    }

    @Test
    void an_originate_the_pbx_cannot_place_fails_the_callback_with_the_reason_and_it_can_be_dialled_again() throws Exception {
        var packets = Recordings.packets("sip-phones/pjsip-answered-theologian", 73);
        var original = play(packets).getFirst();
        directory.save("Yerlan (theologian)", Specialist.Kind.THEOLOGIAN, List.of("kk", "ru"), "PJSIP/203",
                List.of("theologians"), true, "rt-yerlan");
        as("rt-yerlan", "SPECIALIST");
        var c = callbacks.schedule(original.key(), TestClock.now().plus(Duration.ofHours(2)), null, null);
        callbacks.dialNow(c.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Callback now;
        do {
            now = callbacks.ofCall(original.key()).getFirst();
            Thread.sleep(20);
        } while (now.status() != Callback.Status.FAILED && System.nanoTime() < deadline);
        assertThat(now.status()).isEqualTo(Callback.Status.FAILED);
        assertThat(now.failure()).contains("originate failed");
        long originates = PBX.server().actionsReceived().stream().filter(a -> "Originate".equals(a.get("Action"))).count();
        callbacks.dialNow(c.id());
        assertThat(PBX.server().actionsReceived().stream().filter(a -> "Originate".equals(a.get("Action"))).count())
                .as("dialled again").isEqualTo(originates + 1);
    }

    @Test
    void a_withheld_or_unknown_call_cannot_be_called_back() {
        as("rt-op", "OPERATOR");
        assertThatThrownBy(() -> callbacks.schedule(new CallKey(PBX_ID, "no-such-call"), TestClock.now(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
