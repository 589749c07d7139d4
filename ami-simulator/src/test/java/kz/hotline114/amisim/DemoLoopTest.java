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
}
