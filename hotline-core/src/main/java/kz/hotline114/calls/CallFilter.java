package kz.hotline114.calls;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which calls to list: started in {@code [from, to)}, optionally one outcome, one queue
 * (the call entered it), and a caller number fragment (digits, matched anywhere in the E.164 number).
 */
public record CallFilter(Instant from, Instant to, @Nullable CallOutcome outcome, @Nullable String queue,
                         @Nullable String number) {

    public CallFilter {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }
}
