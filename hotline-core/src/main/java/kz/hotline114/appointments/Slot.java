package kz.hotline114.appointments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A bookable period of an expert's schedule. {@code appointmentId} is the live appointment that holds it
 * (null = free); {@code place} names the outside place of a mobile reception.
 */
public record Slot(long expertId, long centreId, AppointmentType type, Instant start, Instant end,
                   @Nullable Long receptionDayId, @Nullable String place, @Nullable Long appointmentId) {

    public boolean free() {
        return appointmentId == null;
    }
}
