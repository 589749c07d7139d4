package kz.hotline114.appointments;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** An expert's recurring weekly reception hours at a centre, cut into slots of {@code slotLength}. */
public record WeeklyHours(long id, long expertId, long centreId, DayOfWeek weekday, LocalTime starts, Duration length,
                          Duration slotLength, LocalDate validFrom, @Nullable LocalDate validTo) {
}
