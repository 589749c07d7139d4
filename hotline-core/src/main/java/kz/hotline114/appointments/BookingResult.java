package kz.hotline114.appointments;

import java.util.List;

/** What became of a booking request. */
public sealed interface BookingResult {

    /** Stored; the expert and the room are held for the period. */
    record Booked(Appointment appointment) implements BookingResult {
    }

    /** The expert or the room already has a live appointment overlapping the period (the database said so). */
    record AlreadyBooked(Conflict conflict) implements BookingResult {
    }

    /** The request itself is wrong; one entry per field. */
    record Rejected(List<FieldError> errors) implements BookingResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    enum Conflict { EXPERT, ROOM }

    /**
     * @param field   the request's field ({@code expertId}, {@code end}, ...)
     * @param code    stable code the UI translates ({@code booking.error.<code>})
     * @param message English explanation for the API
     */
    record FieldError(String field, String code, String message) {
    }
}
