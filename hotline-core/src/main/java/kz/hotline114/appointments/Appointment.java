package kz.hotline114.appointments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A consultation booked with an expert. {@code caseNumber} names the consultation case it serves
 * (e.g. {@code 114-2026-00001}), which must exist (a foreign key since V25); null for a walk-in.
 */
public record Appointment(long id, long expertId, String expertName, ExpertKind expertKind, long centreId,
                          @Nullable Long roomId, @Nullable String roomName, @Nullable Long receptionDayId,
                          AppointmentType type, Instant start, Instant end, AppointmentStatus status,
                          @Nullable String caseNumber, @Nullable String clientLabel, boolean callbackConsent,
                          @Nullable String clientContact, @Nullable String cancelReason) {
}
