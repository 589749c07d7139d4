package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo loop runs for days: its ids must stay readable however many scenarios it has played. */
class DemoLoopTest {

    @Test
    void after_hundreds_of_replays_every_uniqueid_still_fits_what_asterisk_java_reads() throws Exception {
        var transcript = new AmiTranscript("tiny", List.of(
                // no Timestamp: the loop then neither paces nor aligns to whole seconds, so 400 replays take no time
                AmiPacket.of("Event", "Newchannel", "Uniqueid", "1795440334.4",
                        "Linkedid", "1795440334.4", "Channel", "PJSIP/carrier-00000002", "CallerIDNum", "87282301502")));
        var loop = EventSource.loop(List.of(transcript), 1e9, Duration.ZERO, java.time.Clock.systemUTC());
        long maxSeq = 0;
        for (int i = 0; i < EventSource.MAX_COPIES * 2 + 5; i++) {
            var id = loop.next().get("Uniqueid");
            maxSeq = Math.max(maxSeq, Long.parseLong(id.substring(id.indexOf('.') + 1)));
        }
        assertThat(maxSeq).isLessThanOrEqualTo(Integer.MAX_VALUE);
    }

    /**
     * The demo's misdialers: the recorded "I meant 1414" call comes from three repeat callers in turn, and a caller
     * the application knows as a misdialer is ended by the filter — no menu choice, {@code Reason: filtered}.
     */
    @Test
    void a_declared_wrong_number_repeats_from_three_callers_and_a_known_one_is_filtered() throws Exception {
        var declared = AmiTranscript.fromClasspath("kz/hotline114/pbx/recordings/wrong-number-declared.ami");
        int length = (int) declared.packets().stream().filter(p -> !"FullyBooted".equalsIgnoreCase(p.event())).count();
        var asked = new java.util.ArrayList<String>();
        var known = new java.util.HashSet<String>();
        var loop = EventSource.loop(List.of(declared), 1e9, Duration.ZERO, java.time.Clock.systemUTC(), number -> {
            asked.add(number);
            return known.contains(number);
        });
        var plays = new java.util.ArrayList<List<AmiPacket>>();
        for (int play = 0; play < 4; play++) {
            if (play == 3) {
                known.add(asked.getFirst()); // the application has learnt the first caller by now
            }
            var packets = new java.util.ArrayList<AmiPacket>();
            int size = play == 3 ? length - 1 : length; // filtered: without the menu choice
            for (int i = 0; i < size; i++) {
                packets.add(loop.next());
            }
            plays.add(packets);
        }

        assertThat(asked).as("three callers in turn").hasSize(4);
        assertThat(new java.util.HashSet<>(asked.subList(0, 3))).hasSize(3);
        assertThat(asked.get(3)).isEqualTo(asked.get(0));
        assertThat(plays.get(0)).anySatisfy(p -> assertThat(p.get("Reason")).isEqualTo("declared"))
                .anySatisfy(p -> assertThat(p.get("Stage")).isEqualTo("choice"));
        var filtered = plays.get(3);
        assertThat(filtered).noneSatisfy(p -> assertThat(p.get("Stage")).isEqualTo("choice"))
                .anySatisfy(p -> assertThat(p.get("Reason")).isEqualTo("filtered"))
                .anySatisfy(p -> {
                    assertThat(p.get("UserEvent")).isEqualTo("HotlineCallEnd");
                    assertThat(p.get("Stage")).isEqualTo("filtered");
                    assertThat(p.get("Choice")).isEqualTo("none");
                })
                .anySatisfy(p -> assertThat(p.get("CallerIDNum")).isEqualTo(asked.getFirst()));
        assertThat(filtered).filteredOn(p -> "Cdr".equalsIgnoreCase(p.event())).isNotEmpty()
                .allSatisfy(p -> assertThat(String.valueOf(p.get("UserField"))).doesNotContain("wrong-number"));
    }
}
