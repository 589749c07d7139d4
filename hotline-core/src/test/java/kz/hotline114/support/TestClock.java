package kz.hotline114.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The time the tests run at: the app's {@code Clock} bean in every test context (registered by
 * {@link TestClockContextCustomizerFactory}), the "now" recordings are moved to ({@link Recordings}) and the
 * clock of the test PBX.
 *
 * <p>By default it ticks from the instant given by the system property {@value #PROPERTY} (or the environment
 * variable {@value #ENVIRONMENT}) — an ISO instant ({@code 2026-12-31T17:59:30Z}) or a date-time with offset or
 * zone ({@code 2026-12-31T23:59:30+06:00}) — or from the machine's time when neither is set. So the whole suite
 * can be run as if it were another day: {@code HOTLINE_TEST_NOW=2026-12-31T23:59:30+06:00 ./mvnw verify}.
 *
 * <p>A test may {@link #pin} it (time stands still: "today" cannot change under the test), let it tick from a
 * chosen instant ({@link #runFrom}), or follow the machine ({@link #useSystemTime}, for a real PBX that stamps its
 * own time); {@link #reset} goes back to the suite's time. The state is shared by every context of the test JVM,
 * so a test that changes it resets it when done.
 */
public final class TestClock extends Clock {

    public static final String PROPERTY = "hotline.test.now";
    public static final String ENVIRONMENT = "HOTLINE_TEST_NOW";
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** Where the suite's time stands relative to the machine's (zero when no time is chosen; jumps forward only). */
    private static volatile Duration suiteOffset = chosenOffset();

    private static volatile State state = new State(null, suiteOffset);

    private final ZoneId zone;

    private record State(Instant pinned, Duration offset) {
    }

    private TestClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The test clock in the hotline's zone (Asia/Almaty). */
    public static TestClock get() {
        return new TestClock(ALMATY);
    }

    /** The current test time. */
    public static Instant now() {
        var s = state;
        return s.pinned() != null ? s.pinned() : Instant.now().plus(s.offset());
    }

    /** Time stands still at {@code at} until {@link #reset} (or another change). */
    public static void pin(Instant at) {
        state = new State(Objects.requireNonNull(at, "at"), Duration.ZERO);
    }

    /** Time stands still at this local date-time in Almaty. */
    public static void pin(String almatyLocalDateTime) {
        pin(java.time.LocalDateTime.parse(almatyLocalDateTime).atZone(ALMATY).toInstant());
    }

    /** Time goes on from {@code at}, at the machine's pace. */
    public static void runFrom(Instant at) {
        state = new State(null, Duration.between(Instant.now(), at));
    }

    /**
     * Time jumps forward to {@code at} and goes on from there, and the suite's time with it (a later {@link #reset}
     * keeps the jump): time never runs backwards under the app. Ignored when {@code at} is not ahead.
     */
    public static synchronized void advanceTo(Instant at) {
        var jump = Duration.between(now(), at);
        if (jump.isNegative() || jump.isZero() || state.pinned() != null) {
            return;
        }
        suiteOffset = suiteOffset.plus(jump);
        state = new State(null, state.offset().plus(jump));
    }

    /** The machine's own time (a real PBX stamps its events with it). */
    public static void useSystemTime() {
        state = new State(null, Duration.ZERO);
    }

    /** Back to the suite's time (the chosen instant, ticking since the test JVM started). */
    public static void reset() {
        state = new State(null, suiteOffset);
    }

    /** Whether the suite runs at a chosen time rather than the machine's. */
    public static boolean suiteTimeChosen() {
        return !suiteOffset.isZero();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(zone);
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestClock c && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
        return "TestClock[" + now() + ", " + zone + "]";
    }

    private static Duration chosenOffset() {
        var text = System.getProperty(PROPERTY);
        if (text == null || text.isBlank()) {
            text = System.getenv(ENVIRONMENT);
        }
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        var start = parse(text.strip());
        System.err.println("[TestClock] the tests run as if it were " + start + " (" + start.atZone(ALMATY)
                + "), set by " + PROPERTY + "/" + ENVIRONMENT);
        return Duration.between(Instant.now(), start);
    }

    static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return ZonedDateTime.parse(text).toInstant();
                } catch (DateTimeParseException notZoned) {
                    return java.time.LocalDateTime.parse(text).atZone(ALMATY).toInstant();
                }
            }
        }
    }
}
