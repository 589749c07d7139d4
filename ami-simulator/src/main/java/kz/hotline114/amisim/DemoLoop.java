package kz.hotline114.amisim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** The demo PBX's endless replay: see {@link EventSource#loop(List, double, java.time.Duration, Clock)}. */
@NullMarked
final class DemoLoop implements EventSource {

    private final List<List<AmiPacket>> scenarios;
    private final double[] firstTimestamps;
    private final double[] spans;
    private final TranscriptRewriter rewriter;
    private final double speed;
    private final long pauseNanos;
    private final Clock clock;

    /** The demo's repeat misdialers: a declared wrong number is played by one of this many callers, in turn. */
    static final int MISDIALERS = 3;

    private final boolean[] declared;
    private final List<List<AmiPacket>> filtered;
    private final Predicate<String> knownMisdialer;

    DemoLoop(List<List<AmiPacket>> scenarios, double[] firstTimestamps, double[] spans, TranscriptRewriter rewriter,
             double speed, long pauseNanos, Clock clock, Predicate<String> knownMisdialer) {
        this.scenarios = scenarios;
        this.knownMisdialer = knownMisdialer;
        this.declared = new boolean[scenarios.size()];
        this.filtered = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            declared[i] = FilterSimulation.isDeclaredWrongNumber(scenarios.get(i));
            filtered.add(declared[i] ? FilterSimulation.filtered(scenarios.get(i)) : List.of());
        }
        this.firstTimestamps = firstTimestamps;
        this.spans = spans;
        this.rewriter = rewriter;
        this.speed = speed;
        this.pauseNanos = pauseNanos;
        this.clock = clock;
        this.lastDueNanos = System.nanoTime() - pauseNanos;
    }

    private int scenario = -1;
    private int index;
    private int copy = -1;
    private int numberCopy;
    private int declaredPlays;
    private List<AmiPacket> playing = List.of();
    private long startNanos;
    private double firstTimestamp;
    private double shift;
    private long lastDueNanos;
    private @Nullable AmiPacket pending;
    private long pendingDueNanos;

    @Override
    public @Nullable AmiPacket next() throws InterruptedException {
        if (scenarios.isEmpty()) {
            return null;
        }
        if (pending == null) {
            prepare();
        }
        long wait = pendingDueNanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        var p = pending;
        pending = null;
        return p;
    }

    @Override
    public long nanosUntilNext() {
        if (scenarios.isEmpty()) {
            return 0;
        }
        if (pending == null) {
            prepare();
        }
        return Math.max(0, pendingDueNanos - System.nanoTime());
    }

    private void prepare() {
        if (scenario < 0 || index >= playing.size()) {
            scenario = (scenario + 1) % scenarios.size();
            index = 0;
            // ids stay unique through the time shift (each replay starts later); the copy number
            // varies numbers and sequence parts but must stay small: seq + copy * SEQ_STRIDE beyond
            // Integer.MAX_VALUE is an id Asterisk-Java cannot read (its reader thread dies)
            copy = (copy + 1) % MAX_COPIES;
            Instant wall = clock.instant();
            long now = System.nanoTime();
            startNanos = Math.max(now, lastDueNanos + pauseNanos);
            double startEpoch = wall.getEpochSecond() + wall.getNano() / 1e9 + (startNanos - now) / 1e9;
            double first = firstTimestamps[scenario];
            firstTimestamp = Double.isNaN(first) ? startEpoch : first;
            // faster than recorded: stamp the scenario as started earlier, so no event is ever stamped in the future
            double ahead = Math.max(0, spans[scenario] * (1 - 1 / speed));
            double exact = startEpoch - firstTimestamp - ahead;
            shift = Math.ceil(exact); // a whole number of seconds: ids, EventTime and Cdr times stay exact
            // start a fraction of a second later to match (plus 2 ms: never send before the stamped time)
            startNanos += (long) ((shift - exact) * 1e9) + 2_000_000L;
            lastDueNanos = startNanos;
            choose();
        }
        AmiPacket p = playing.get(index++);
        OptionalDouble ts = AmiTranscript.timestamp(p);
        long due = lastDueNanos;
        if (ts.isPresent()) {
            due = startNanos + (long) ((ts.getAsDouble() - firstTimestamp) / speed * 1e9);
        }
        lastDueNanos = Math.max(lastDueNanos, due);
        pendingDueNanos = lastDueNanos;
        pending = rewriter.rewrite(p, copy, numberCopy, shift);
    }

    /**
     * The scenario as it is played this time: a declared wrong number comes from one of {@link #MISDIALERS} repeat
     * callers, and once the application knows the caller as a misdialer, it is played as the filter ends it.
     */
    private void choose() {
        playing = scenarios.get(scenario);
        numberCopy = copy;
        if (!declared[scenario]) {
            return;
        }
        numberCopy = declaredPlays++ % MISDIALERS;
        var number = FilterSimulation.callerNumber(playing);
        if (number != null && isKnown(rewriter.rewrite(AmiPacket.of("Number", number), 0, numberCopy, 0).get("Number"))) {
            playing = filtered.get(scenario);
        }
    }

    private boolean isKnown(@Nullable String number) {
        try {
            return number != null && knownMisdialer.test(number);
        } catch (RuntimeException e) { // fail-open, as the dialplan's look-up: the menu
            return false;
        }
    }
}
