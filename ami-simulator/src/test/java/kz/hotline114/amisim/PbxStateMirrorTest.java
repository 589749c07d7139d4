package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** What the replay server answers to CoreShowChannels and QueueStatus follows the recorded calls as Asterisk would. */
class PbxStateMirrorTest {

    final AtomicLong clock = new AtomicLong();
    final PbxStateMirror mirror = new PbxStateMirror(clock::get);

    /** A bundled recording's event packets, as recorded. */
    private static List<AmiPacket> recording(String name) {
        return AmiTranscript.fromClasspath("/" + AmiTranscript.RECORDINGS + name + ".ami").packets();
    }

    @Test
    void a_talking_call_shows_its_leg_in_queue_bridged_with_the_specialists_leg_and_nothing_once_hung_up() {
        var packets = recording("sip-phones/pjsip-answered-theologian");
        int connected = index(packets, "AgentConnect", 0);
        int bridged = index(packets, "BridgeEnter", connected) + 1; // both legs entered
        packets.subList(0, bridged + 1).forEach(mirror::sent);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(75));

        var channels = mirror.coreShowChannels("reseed-1");
        var caller = only(channels, "PJSIP/carrier-00000002");
        var specialist = only(channels, "PJSIP/203-00000003");
        assertThat(caller.get("ActionID")).isEqualTo("reseed-1");
        assertThat(caller.get("Context")).isEqualTo("hotline-menu");
        assertThat(caller.get("Exten")).isEqualTo("queue");
        assertThat(caller.get("Application")).isEqualTo("Queue");
        assertThat(caller.get("ApplicationData")).startsWith("theologians,");
        assertThat(caller.get("Linkedid")).isEqualTo("1795440334.4");
        assertThat(caller.get("Duration")).isEqualTo("00:01:15");
        assertThat(caller.get("BridgeId")).isNotBlank().isEqualTo(specialist.get("BridgeId"));
        assertThat(specialist.get("Application")).isEqualTo("AppQueue");
        assertThat(specialist.get("Linkedid")).isEqualTo("1795440334.4");
        assertThat(specialist.get("ChannelState")).isEqualTo("6");

        var status = mirror.queueStatus("reseed-0");
        assertThat(status).filteredOn(p -> "QueueMember".equals(p.event()) && "theologians".equals(p.get("Queue")))
                .anySatisfy(m -> {
                    assertThat(m.get("Location")).isEqualTo("PJSIP/203");
                    assertThat(m.get("Name")).isEqualTo("Yerlan (theologian)");
                    assertThat(m.get("Status")).isEqualTo("2");
                });
        assertThat(status).filteredOn(p -> "QueueEntry".equals(p.event())).isEmpty();

        packets.subList(bridged + 1, packets.size()).forEach(mirror::sent);
        assertThat(mirror.coreShowChannels(null)).isEmpty();
        assertThat(mirror.channelCount()).isZero();
    }

    @Test
    void a_waiting_caller_is_a_queue_entry_with_its_wait_and_position_and_no_linkedid_as_in_asterisk() {
        var packets = recording("abandoned-in-queue");
        int joined = index(packets, "QueueCallerJoin", 0);
        packets.subList(0, joined + 1).forEach(mirror::sent);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(42));

        var entry = mirror.queueStatus(null).stream().filter(p -> "QueueEntry".equals(p.event())).toList();
        assertThat(entry).singleElement().satisfies(e -> {
            assertThat(e.get("Queue")).isEqualTo(packets.get(joined).get("Queue"));
            assertThat(e.get("Uniqueid")).isEqualTo(packets.get(joined).get("Uniqueid"));
            assertThat(e.get("Position")).isEqualTo("1");
            assertThat(e.get("Wait")).isEqualTo("42");
            assertThat(e.get("Linkedid")).isNull();
        });
        var caller = mirror.coreShowChannels(null).getFirst();
        assertThat(caller.get("Application")).isEqualTo("Queue");
        assertThat(caller.get("BridgeId")).isEmpty();

        packets.subList(joined + 1, packets.size()).forEach(mirror::sent);
        assertThat(mirror.queueStatus(null)).filteredOn(p -> "QueueEntry".equals(p.event())).isEmpty();
    }

    @Test
    void durations_are_written_as_asterisk_writes_them() {
        assertThat(PbxStateMirror.hms(TimeUnit.SECONDS.toNanos(3 * 3600 + 5 * 60 + 9))).isEqualTo("03:05:09");
        assertThat(PbxStateMirror.hms(-1)).isEqualTo("00:00:00");
    }

    private static int index(List<AmiPacket> packets, String event, int from) {
        for (int i = from; i < packets.size(); i++) {
            if (event.equals(packets.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + event);
    }

    private static AmiPacket only(List<AmiPacket> channels, String name) {
        var found = channels.stream().filter(c -> name.equals(c.get("Channel"))).toList();
        assertThat(found).as("channel %s in %s", name, channels).hasSize(1);
        return found.getFirst();
    }
}
