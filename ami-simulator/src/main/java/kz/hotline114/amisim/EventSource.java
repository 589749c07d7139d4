package kz.hotline114.amisim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The event packets an {@link AmiReplayServer} sends after a client logged in, one at a time.
 *
 * <p>The server calls {@link #next()} from one thread at a time and keeps a packet it could not
 * deliver (the client went away) for the next client, so a source never sees a packet "returned".
 * Implementations need not be thread-safe. The factories here cover the demo PBX ({@link #loop})
 * and the tests ({@link #of}, {@link #interleaved}, {@link #ofPackets}).
 *
 * <p>Part of the AMI replay kit that serves both the built-in demo PBX (when no real Asterisk is
 * configured) and the tests.
 */
@NullMarked
@FunctionalInterface
public interface EventSource {

    /**
     * The next packet, or {@code null} when the source is exhausted (it then stays exhausted).
     * May block, e.g. to pace a live-looking replay.
     *
     * @throws InterruptedException when interrupted while waiting; the packet that was due is not
     *                              lost, the next call returns it
     */
    @Nullable AmiPacket next() throws InterruptedException;

    /**
     * How long {@link #next()} would wait before its packet is due (a paced source such as the demo loop); 0 when it
     * would answer at once or cannot tell. The server sends the events it makes itself meanwhile.
     */
    default long nanosUntilNext() {
        return 0;
    }

    /** These packets once, in order. */
    static EventSource ofPackets(List<AmiPacket> packets) {
        var list = List.copyOf(packets);
        return new EventSource() {
            private int pos;

            @Override
            public @Nullable AmiPacket next() {
                return pos < list.size() ? list.get(pos++) : null;
            }
        };
    }

    /**
     * Every packet of every transcript, {@code copies} times: copy 0 of all transcripts (the
     * recordings as recorded), then copy 1 of all of them, ... each rewritten by a
     * {@link TranscriptRewriter} into a distinct set of calls (as {@code ami_replay.py --copies}).
     * Times are not moved. Lazy: copies are rewritten as they are sent.
     */
    static EventSource of(List<AmiTranscript> transcripts, int copies) {
        return of(transcripts, copies, 0);
    }

    /**
     * As {@link #of(List, int)}, but copy {@code c} has its times moved by
     * {@code c * secondsBetweenCopies}, so that copies look like later calls.
     */
    static EventSource of(List<AmiTranscript> transcripts, int copies, double secondsBetweenCopies) {
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be >= 0: " + copies);
        }
        var list = List.copyOf(transcripts);
        var rewriter = new TranscriptRewriter(list);
        return new EventSource() {
            private int copy;
            private int transcript;
            private int packet;

            @Override
            public @Nullable AmiPacket next() {
                while (copy < copies) {
                    if (transcript >= list.size()) {
                        transcript = 0;
                        copy++;
                        continue;
                    }
                    var packets = list.get(transcript).packets();
                    if (packet >= packets.size()) {
                        packet = 0;
                        transcript++;
                        continue;
                    }
                    return rewriter.rewrite(packets.get(packet++), copy, copy * secondsBetweenCopies);
                }
                return null;
            }
        };
    }

    /**
     * Merges several streams into one random interleaving that keeps the order within each
     * stream, as many simultaneous calls interleave on a real PBX. Every interleaving is equally
     * likely; the same seed gives the same order. Typical use: one stream per
     * (transcript, copy) from {@link TranscriptRewriter#rewriteAll}.
     */
    static EventSource interleaved(List<List<AmiPacket>> streams, long seed) {
        var lists = new ArrayList<List<AmiPacket>>(streams.size());
        for (List<AmiPacket> s : streams) {
            lists.add(List.copyOf(s));
        }
        int n = lists.size();
        long[] tree = new long[n + 1]; // Fenwick tree of the packets left per stream
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += lists.get(i).size();
            for (int j = i + 1; j <= n; j += j & -j) {
                tree[j] += lists.get(i).size();
            }
        }
        long all = total;
        var random = new SplittableRandom(seed);
        int[] pos = new int[n];
        int top = n == 0 ? 0 : Integer.highestOneBit(n);
        return new EventSource() {
            private long left = all;

            @Override
            public @Nullable AmiPacket next() {
                if (left == 0) {
                    return null;
                }
                long r = random.nextLong(left);
                int idx = 0; // find the stream holding the r-th remaining packet
                for (int step = top; step > 0; step >>= 1) {
                    int next = idx + step;
                    if (next <= n && tree[next] <= r) {
                        idx = next;
                        r -= tree[next];
                    }
                }
                for (int j = idx + 1; j <= n; j += j & -j) {
                    tree[j]--;
                }
                left--;
                return lists.get(idx).get(pos[idx]++);
            }
        };
    }

    /** {@link #loop(List, double, Duration)} at the recorded pace with 3 s between scenarios. */
    static EventSource loop(List<AmiTranscript> transcripts) {
        return loop(transcripts, 1.0, Duration.ofSeconds(3), Clock.systemUTC());
    }

    /** Copies the loop cycles through (see {@link TranscriptRewriter#SEQ_STRIDE}): numbers repeat after this many scenarios. */
    static final int MAX_COPIES = 200;

    /**
     * The demo PBX's traffic: replays the transcripts one after another, forever, as live calls.
     * Each replayed scenario is the next copy (0, 1, 2, ... over all scenarios played, so no two
     * replays share an id) with every time moved by a whole number of seconds so that its events
     * carry the current time (the scenario starts up to a second later to make that exact); events
     * are paced by their recorded {@code Timestamp} gaps divided by {@code speed}, and
     * {@code pauseBetween} separates the end of one scenario from the start of the next. Recorded {@code FullyBooted} events are skipped (the
     * server sends its own at login; a mid-stream one would look like a PBX restart). All times of a
     * scenario move by the same amount, so durations (Timestamps, Cdr, HoldTime, TalkTime) stay as
     * recorded and consistent; with {@code speed > 1} the scenario is therefore stamped as if it
     * had started earlier, so that its last event carries the time it is sent and no event is ever
     * stamped in the future (events sent earlier look up to {@code span * (1 - 1/speed)} old).
     *
     * <p>The pacing follows the wall clock: when no client takes events for a while, the rest of
     * the scenario in progress is sent at once when one comes back; the next scenario starts fresh.
     *
     * @param speed        1.0 = recorded pace, 2.0 = twice as fast; must be &gt; 0
     * @param pauseBetween silence between two scenarios
     * @param clock        the PBX's clock: the time the events are stamped with
     */
    static EventSource loop(List<AmiTranscript> transcripts, double speed, Duration pauseBetween, Clock clock) {
        return loop(transcripts, speed, pauseBetween, clock, number -> false);
    }

    /**
     * {@link #loop(List, double, Duration, Clock)} with the demo's known misdialers: a recorded declared wrong number
     * is played by one of {@value DemoLoop#MISDIALERS} repeat callers, and as the dialplan's filter ends it (no menu,
     * {@code HotlineWrongNumber Reason: filtered}) when {@code knownMisdialer} says its number is one — the application's
     * answer, as the real PBX asks it. An exception counts as "no" (fail-open).
     */
    static EventSource loop(List<AmiTranscript> transcripts, double speed, Duration pauseBetween, Clock clock,
                            java.util.function.Predicate<String> knownMisdialer) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be > 0: " + speed);
        }
        Objects.requireNonNull(pauseBetween, "pauseBetween");
        Objects.requireNonNull(clock, "clock");
        var scenarios = new ArrayList<List<AmiPacket>>();
        for (AmiTranscript t : transcripts) {
            var packets = t.packets().stream().filter(p -> !"FullyBooted".equalsIgnoreCase(p.event())).toList();
            if (!packets.isEmpty()) {
                scenarios.add(packets);
            }
        }
        var rewriter = new TranscriptRewriter(transcripts);
        long pauseNanos = pauseBetween.toNanos();
        double[] firstTimestamps = new double[scenarios.size()];
        double[] spans = new double[scenarios.size()]; // last - first Timestamp
        for (int i = 0; i < firstTimestamps.length; i++) {
            firstTimestamps[i] = new AmiTranscript("", scenarios.get(i)).firstTimestamp().orElse(Double.NaN);
            for (AmiPacket p : scenarios.get(i)) {
                OptionalDouble ts = AmiTranscript.timestamp(p);
                if (ts.isPresent()) {
                    spans[i] = Math.max(spans[i], ts.getAsDouble() - firstTimestamps[i]);
                }
            }
        }

        return new DemoLoop(scenarios, firstTimestamps, spans, rewriter, speed, pauseNanos, clock,
                Objects.requireNonNull(knownMisdialer, "knownMisdialer"));
    }
}
