package kz.hotline114.appointments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Published after an appointment was stored (e.g. for the cases feature to show it in the case). */
public record AppointmentBooked(long appointmentId, long expertId, Instant start, @Nullable String caseNumber) {
}
