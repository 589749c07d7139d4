package kz.hotline114.appointments;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A day without receptions: a holiday (no centre, no expert = everywhere) or a cancellation for a centre or an expert. */
public record Closure(long id, LocalDate day, @Nullable Long centreId, @Nullable Long expertId, String reason) {
}
