package kz.hotline114.calls;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which calls to list: started in {@code [from, to)}, optionally one PBX's, one outcome, one queue (the call entered it), and a
 * caller number — a fragment (digits, matched anywhere in the E.164 number), or with {@code wholeNumber} exactly that
 * E.164 number (what roles that see numbers masked may ask, see {@link CallerNumberFilter}).
 */
public record CallFilter(Instant from, Instant to, @Nullable CallOutcome outcome, @Nullable String queue,
                         @Nullable String number, boolean wholeNumber, @Nullable String pbx) {

    /** All PBXs' calls. */
    public CallFilter(Instant from, Instant to, @Nullable CallOutcome outcome, @Nullable String queue,
                      @Nullable String number, boolean wholeNumber) {
        this(from, to, outcome, queue, number, wholeNumber, null);
    }

    public CallFilter {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    /** A filter whose number (if any) is a fragment. */
    public CallFilter(Instant from, Instant to, @Nullable CallOutcome outcome, @Nullable String queue,
                      @Nullable String number) {
        this(from, to, outcome, queue, number, false);
    }

    /** The same filter for exactly this E.164 number. */
    public CallFilter withWholeNumber(String e164) {
        return new CallFilter(from, to, outcome, queue, e164, true, pbx);
    }

    /** The same filter for one PBX's calls only (several PBXs); null or blank = all PBXs. */
    public CallFilter withPbx(@Nullable String pbxId) {
        return new CallFilter(from, to, outcome, queue, number, wholeNumber,
                pbxId == null || pbxId.isBlank() ? null : pbxId.strip());
    }

    /** The filter in words for the audit log, the number masked ({@code 2026-12-01T00:00Z..… queue=… number=+7 701 *** ** 67}). */
    public String describe() {
        return from + ".." + to + (pbx == null ? "" : " pbx=" + pbx) + (outcome == null ? "" : " outcome=" + outcome)
                + (queue == null ? "" : " queue=" + queue)
                + (number == null || number.isBlank() ? "" : wholeNumber ? " number=" + PhoneNumbers.mask(number)
                        : " number fragment of " + number.replaceAll("\\D", "").length() + " digits");
    }
}
