package kz.hotline114.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import kz.hotline114.amisim.AmiTranscript;

/**
 * The journal's columns read straight off an event's text (the journaling thread does not split it into headers) are
 * the ones the headers give, for every packet of every recording, and for the awkward lines a PBX may send.
 */
class AmiEventTest {

    private static AmiEvent asRead(AmiEvent split) {
        return AmiEvent.fromRaw(0, split.pbxId(), split.receivedAt(), split.raw());
    }

    private static void same(AmiEvent split) {
        var fromText = asRead(split).journalColumns();
        assertThat(fromText).as(split.raw())
                .isEqualTo(new AmiEvent.JournalColumns(split.name(), split.linkedid(), split.uniqueid(),
                        split.eventTimestamp()));
    }

    @Test
    void columns_read_off_the_text_are_those_of_the_headers_for_every_recorded_packet() {
        int n = 0;
        for (var t : AmiTranscript.bundled()) {
            for (var p : t.packets()) {
                var headers = p.headers().stream().map(h -> java.util.Map.entry(h.key(),
                        h.value() == null ? "" : h.value())).collect(Collectors.toList());
                same(new AmiEvent(0, "p", Instant.EPOCH, headers));
                n++;
            }
        }
        assertThat(n).isGreaterThan(3000);
    }

    @Test
    void awkward_lines() {
        same(AmiEvent.fromRaw(0, "p", Instant.EPOCH, "Event: Hangup\nUniqueid:  1.2 \nLinkedid: \nTransfereeLinkedid: 9.9"));
        same(AmiEvent.fromRaw(0, "p", Instant.EPOCH, "EVENT:Newchannel\nno colon here\n: empty key\nLINKEDID: 7.7\n"
                + "Linkedid: 8.8\nTimestamp: 1795437466.123456"));
        same(AmiEvent.fromRaw(0, "p", Instant.EPOCH, "Response: Success\nTimestamp: garbage"));
        var e = AmiEvent.fromRaw(0, "p", Instant.EPOCH, "Event: BlindTransfer\nDestLinkedid: 3.3\nTransfererLinkedid: 2.2");
        assertThat(e.journalColumns().linkedid()).as("the transferer's before the destination's, as linkedid()")
                .isEqualTo("2.2").isEqualTo(e.linkedid());
    }
}
