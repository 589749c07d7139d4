package kz.hotline114.appointments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request to book an expert. With no {@code roomId}, a consultation at the centre takes its first free
 * room; a mobile reception takes none. {@code caseNumber} names an opened case (an unknown number is refused
 * as {@code caseNumber.unknown}); null for a walk-in. {@code clientContact} is kept only with the client's callback consent.
 */
public record BookingRequest(@Nullable Long expertId, @Nullable Long centreId, @Nullable Long roomId,
                             @Nullable AppointmentType type, @Nullable Instant start, @Nullable Instant end,
                             @Nullable String caseNumber, @Nullable String clientLabel, boolean callbackConsent,
                             @Nullable String clientContact) {

    /** The REST API's shape: expert, centre, period, type and maybe a case. */
    public static BookingRequest of(@Nullable Long expertId, @Nullable Long centreId, @Nullable Instant start,
                                    @Nullable Instant end, @Nullable AppointmentType type, @Nullable String caseNumber) {
        return new BookingRequest(expertId, centreId, null, type, start, end, caseNumber, null, false, null);
    }
}
