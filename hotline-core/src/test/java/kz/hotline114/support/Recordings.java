package kz.hotline114.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.TranscriptRewriter;
import kz.hotline114.pbx.AmiEvent;

/** The recorded Asterisk 22 AMI sessions bundled with the app (a copy of shared/fixtures/ami). */
public final class Recordings {

    private Recordings() {
    }

    public static AmiTranscript transcript(String name) {
        return AmiTranscript.fromClasspath("/kz/hotline114/pbx/recordings/" + name + ".ami");
    }

    /**
     * Copy {@code copy} of a recording happening now: its first event at the {@link TestClock}'s current time
     * (so "today" whatever day the tests run). Copy 0 keeps the recorded numbers and sequence parts of ids,
     * others get their own (see {@link TranscriptRewriter}); ids carry the moved time as Asterisk's do.
     */
    public static List<AmiPacket> packets(String name, int copy) {
        return startingAt(name, copy, TestClock.now());
    }

    /**
     * The recording's event packets at their recorded times (November 2026), copy {@code copy} (0 = exactly as
     * recorded, others with rewritten ids and numbers): for tests about the recording itself (ids, exact times).
     */
    public static List<AmiPacket> asRecorded(String name, int copy) {
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
        var rewriter = new TranscriptRewriter(List.of(t));
        double shift = Math.ceil(start.getEpochSecond() - first);
        synchronized (HANDED_OUT) {
            // ids carry the time (epoch.sequence): two recordings with the same sequence numbers moved to the same
            // second would share ids, so a call whose ids were handed out before starts a second later
            for (int attempt = 0; ; attempt++) {
                var packets = rewriter.rewriteAll(t, copy, shift + attempt);
                var ids = ids(packets);
                if (ids.stream().noneMatch(HANDED_OUT::contains) || attempt > 600) {
                    HANDED_OUT.addAll(ids);
                    return packets;
                }
            }
        }
    }

    /** Uniqueids and Linkedids of the calls moved in time so far in this JVM. */
    private static final java.util.Set<String> HANDED_OUT = new java.util.HashSet<>();

    private static java.util.Set<String> ids(List<AmiPacket> packets) {
        var ids = new java.util.HashSet<String>();
        for (var p : packets) {
            for (var h : p.headers()) {
                var key = h.key().toLowerCase(java.util.Locale.ROOT);
                if ((key.endsWith("uniqueid") || key.endsWith("linkedid")) && h.value() != null && !h.value().isBlank()) {
                    ids.add(h.value());
                }
            }
        }
        return ids;
    }

    /** The recording (as recorded) as the journal would hold it, grouped by Linkedid in order of first appearance. */
    public static Map<String, List<AmiEvent>> eventsByLinkedid(String name) {
        var groups = new LinkedHashMap<String, List<AmiEvent>>();
        long id = 1;
        for (var p : asRecorded(name, 0)) {
            var e = new AmiEvent(id++, "test-pbx", TestClock.now(), p.entries());
            var lid = e.linkedid();
            if (lid != null) {
                groups.computeIfAbsent(lid, k -> new ArrayList<>()).add(e);
            }
        }
        return groups;
    }
}
