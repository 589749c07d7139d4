package kz.hotline114.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.demo.AmiPacket;
import kz.hotline114.pbx.demo.AmiTranscript;
import kz.hotline114.pbx.demo.TranscriptRewriter;

/** The recorded Asterisk 22 AMI sessions bundled with the app (a copy of shared/fixtures/ami). */
public final class Recordings {

    private Recordings() {
    }

    public static AmiTranscript transcript(String name) {
        return AmiTranscript.fromClasspath("/kz/hotline114/pbx/recordings/" + name + ".ami");
    }

    /** The recording's event packets, copy {@code copy} (0 = as recorded, others with rewritten ids and numbers). */
    public static List<AmiPacket> packets(String name, int copy) {
        var t = transcript(name);
        return copy == 0 ? t.packets() : new TranscriptRewriter(List.of(t)).rewriteAll(t, copy, 0);
    }

    /**
     * Copy {@code copy} of a recording moved in time so that its earliest event happens at {@code start}
     * (rounded up to the next whole second, which keeps ids and times consistent): calls on a chosen day and
     * hour, or "today" whatever day the tests run. Copies must stay below 200 (Asterisk-Java reads the
     * rewritten sequence numbers as int).
     */
    public static List<AmiPacket> startingAt(String name, int copy, Instant start) {
        var t = transcript(name);
        double first = t.packets().stream().map(p -> p.get("Timestamp")).filter(s -> s != null && !s.isBlank())
                .mapToDouble(Double::parseDouble).min().orElseThrow();
        return new TranscriptRewriter(List.of(t)).rewriteAll(t, copy, Math.ceil(start.getEpochSecond() - first));
    }

    /** The recording as the journal would hold it, grouped by Linkedid in order of first appearance. */
    public static Map<String, List<AmiEvent>> eventsByLinkedid(String name) {
        var groups = new LinkedHashMap<String, List<AmiEvent>>();
        long id = 1;
        for (var p : packets(name, 0)) {
            var e = new AmiEvent(id++, "test-pbx", Instant.now(), p.entries());
            var lid = e.linkedid();
            if (lid != null) {
                groups.computeIfAbsent(lid, k -> new ArrayList<>()).add(e);
            }
        }
        return groups;
    }
}
