package kz.hotline114.ui.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallFilter;
import kz.hotline114.calls.CallOutcome;

/**
 * Request parameters to a {@link CallFilter}, for {@code /api/calls} and the exports of {@code /api/reports}:
 * a bad value is an {@link IllegalArgumentException} naming the parameter (every API answers it with 400 JSON).
 */
public final class CallFilters {

    private CallFilters() {
    }

    /**
     * The call filter of {@code /api/calls} (also the exports'): {@code to} defaults to now, {@code from} to
     * 24 h before {@code to}.
     */
    public static CallFilter parse(Clock clock, @Nullable String from, @Nullable String to, @Nullable String outcome,
                                   @Nullable String queue, @Nullable String number) {
        var end = instant("to", to, clock.instant());
        var start = instant("from", from, end.minus(Duration.ofHours(24)));
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        return new CallFilter(start, end, outcome(outcome), blank(queue), blank(number));
    }

    static Instant instant(String name, @Nullable String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-11-23T08:00:00Z, not '"
                        + value + "'");
            }
        }
    }

    private static @Nullable CallOutcome outcome(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CallOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'outcome' must be one of " + List.of(CallOutcome.values()) + ", not '" + value + "'");
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
