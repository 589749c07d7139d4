package kz.hotline114.calls;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import kz.hotline114.pbx.CallerScreen;

/**
 * Known misdialers: numbers whose calls are wrong numbers (people who meant 1414, e-Gov) so often that the PBX tells
 * them about 1414 before the menu. A number becomes one after K wrong-number calls within D days and stops being one
 * after D quiet days ({@link WrongNumberProperties}). Never one: a number with a consultation case (opened in the last
 * D days or still open), an appointment or a callback in the last D days, an answered call in the last D days, or one
 * a supervisor marked "never filter". Supervisors and admins add or remove numbers by hand with a reason; every change
 * is audited; other roles see the list with numbers masked.
 */
public interface Misdialers extends CallerScreen {

    enum Source { AUTOMATIC, MANUAL }

    /** A known misdialer: since when, how many wrong-number calls in the last D days, by rule or by hand. */
    record Misdialer(String number, Instant since, int wrongNumberCalls, Source source) {
    }

    record Page(long total, List<Misdialer> items) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** A supervisor's mark on a number: FILTER (a misdialer by hand) or NEVER (never filtered). */
    record Mark(String number, Kind kind, String reason, String markedBy, Instant markedAt) {
        public enum Kind { FILTER, NEVER }
    }

    /**
     * Whether a call from {@code number} (any form {@link PhoneNumbers} reads) should hear the 1414 message first. The
     * PBX waits on this for every call: one indexed look-up, no list built.
     */
    @Override
    boolean isMisdialer(@Nullable String number);

    /** The known misdialers now, newest first; numbers masked unless the user may see them; the reading audited. */
    Page list(int offset, int limit);

    /** The supervisors' marks (numbers masked unless the user may see them). */
    List<Mark> marks();

    /**
     * Marks a number (supervisors and admins): {@code FILTER} makes it a misdialer whatever the rules say, {@code NEVER}
     * keeps it out; a new mark replaces the number's old one. Audited.
     *
     * @throws IllegalArgumentException when the number cannot be read or the reason is blank
     */
    Mark mark(String number, Mark.Kind kind, String reason);

    /** Removes a number's mark (supervisors and admins), with a reason; audited. False when it had none. */
    boolean unmark(String number, String reason);
}
