package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The demo PBX transfers a call as Asterisk does (the demo said "transferred" while the call went on untransferred):
 * the first specialist's leg ends, the live caller goes on to the other queue and one of its members answers.
 */
class TransferSimulationTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
    private final PbxStateMirror mirror = new PbxStateMirror();

    private static List<AmiPacket> recording(String name) {
        return AmiTranscript.fromClasspath("/" + AmiTranscript.RECORDINGS + name + ".ami").packets();
    }

    /** Yerlan (PJSIP/203) is a free theologian; Aigerim (PJSIP/201) talks with +77001234501. */
    private void aigerimTalking() {
        recording("sip-phones/pjsip-answered-theologian").forEach(mirror::sent);
        var call = recording("sip-phones/pjsip-answered-psychologist");
        int connected = 0;
        while (!"AgentConnect".equals(call.get(connected).event())) {
            connected++;
        }
        call.subList(0, connected + 4).forEach(mirror::sent);
    }

    @Test
    void the_caller_goes_on_to_a_free_member_of_the_other_queue_and_the_first_leg_ends() {
        aigerimTalking();
        var from = mirror.transferSource("PJSIP/201-00000001");
        assertThat(from).isNotNull();
        assertThat(from.linkedid()).isEqualTo("1795440315.0");
        assertThat(from.queue()).isEqualTo("psychologists");
        assertThat(from.iface()).isEqualTo("PJSIP/201");
        var member = mirror.memberFor("theologians", "PJSIP/201");
        assertThat(member).containsEntry("Location", "PJSIP/203").containsEntry("Name", "Yerlan (theologian)");
        assertThat(mirror.transferSource("PJSIP/carrier-00000000")).as("the caller's own leg is no specialist's").isNull();

        var call = TransferSimulation.call(from, "theologians", member, clock);
        var packets = new ArrayList<AmiPacket>();
        call.forEach(t -> packets.add(t.packet()));
        assertThat(call).extracting(OriginateSimulation.Timed::afterMillis).isSorted();
        assertThat(packets.getFirst().event()).isEqualTo("BlindTransfer");
        assertThat(packets.getFirst().get("TransfereeLinkedid")).isEqualTo("1795440315.0");
        assertThat(packets.getFirst().get("TransfererChannel")).isEqualTo("PJSIP/201-00000001");
        assertThat(packets.getFirst().get("Extension")).isEqualTo("theologians");
        assertThat(packets).anySatisfy(p -> {
            assertThat(p.event()).isEqualTo("AgentComplete");
            assertThat(p.get("Reason")).isEqualTo("transfer");
            assertThat(p.get("Interface")).isEqualTo("PJSIP/201");
        }).anySatisfy(p -> {
            assertThat(p.event()).isEqualTo("Hangup");
            assertThat(p.get("Channel")).isEqualTo("PJSIP/201-00000001");
        }).anySatisfy(p -> {
            assertThat(p.get("UserEvent")).isEqualTo("HotlineTransfer");
            assertThat(p.get("From")).isEqualTo("psychologists");
            assertThat(p.get("To")).isEqualTo("theologians");
            assertThat(p.get("Channel")).isEqualTo("PJSIP/carrier-00000000");
        }).anySatisfy(p -> {
            assertThat(p.event()).isEqualTo("AgentConnect");
            assertThat(p.get("Queue")).isEqualTo("theologians");
            assertThat(p.get("Interface")).isEqualTo("PJSIP/203");
            assertThat(p.get("MemberName")).isEqualTo("Yerlan (theologian)");
            assertThat(p.get("CallerIDNum")).isEqualTo("+77001234501");
        });
        assertThat(packets).as("the caller hangs up in the end").anySatisfy(p -> {
            assertThat(p.event()).isEqualTo("Hangup");
            assertThat(p.get("Channel")).isEqualTo("PJSIP/carrier-00000000");
        });
        assertThat(packets).filteredOn(p -> p.get("Linkedid") != null)
                .allSatisfy(p -> assertThat(p.get("Linkedid")).isEqualTo("1795440315.0"));
        assertThat(packets).filteredOn(p -> "AgentComplete".equals(p.event())).as("no late completion of the first")
                .extracting(p -> p.get("Queue")).containsExactly("psychologists", "theologians");
        assertThat(packets).extracting(AmiPacket::toWireString)
                .noneMatch(w -> w.contains("psy2") || w.contains("Olga") || w.contains("1795437653.176"));
        assertThat(call.getLast().afterMillis()).as("they talk a few seconds").isBetween(3_000L, 60_000L);

        mirror.suppress(from.linkedid());
        assertThat(mirror.suppressed(recording("sip-phones/pjsip-answered-psychologist").getLast())).isTrue();
        assertThat(mirror.suppressed(recording("sip-phones/pjsip-answered-theologian").getLast())).isFalse();
    }

    @Test
    void a_queue_with_no_free_member_or_a_channel_on_no_call_has_nothing_to_transfer_to() {
        aigerimTalking();
        assertThat(mirror.memberFor("religious-scholars", "PJSIP/201")).isNull();
        assertThat(mirror.memberFor("psychologists", "PJSIP/201")).isNull();
        assertThat(mirror.transferSource("PJSIP/299-00000009")).isNull();
    }

    @Test
    void a_transfer_to_a_colleagues_phone_rings_that_colleague_with_no_queue_transfer_event() {
        aigerimTalking();
        var from = mirror.transferSource("PJSIP/201-00000001");
        var yerlan = mirror.memberWithInterface("PJSIP/203");
        assertThat(yerlan).containsEntry("Queue", "theologians");
        assertThat(mirror.memberWithInterface("PJSIP/299")).isNull();

        var packets = TransferSimulation.call(from, "hotline-transfer-phone", "203", "theologians", yerlan, clock)
                .stream().map(OriginateSimulation.Timed::packet).toList();
        assertThat(packets.getFirst().get("Context")).isEqualTo("hotline-transfer-phone");
        assertThat(packets.getFirst().get("Extension")).isEqualTo("203");
        assertThat(packets).noneMatch(p -> "HotlineTransfer".equals(p.get("UserEvent")));
        assertThat(packets).anySatisfy(p -> {
            assertThat(p.event()).isEqualTo("AgentConnect");
            assertThat(p.get("Interface")).isEqualTo("PJSIP/203");
        });
    }
}
