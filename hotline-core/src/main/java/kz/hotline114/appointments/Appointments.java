package kz.hotline114.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Booking and tracking consultations. Only staff (operator, specialist, supervisor, admin) book and see
 * appointments; a reporter gets counts from {@link AppointmentStatistics}.
 */
public interface Appointments {

    /** Books an expert (and a room); an overlap with a live appointment is refused by the database. */
    BookingResult book(BookingRequest request);

    /** The mistakes {@link #book} would refuse the request for, without booking (empty = it may be tried). */
    List<BookingResult.FieldError> validate(BookingRequest request);

    /** The client came. */
    Appointment markAttended(long id);

    /** The client did not come. */
    Appointment markNoShow(long id);

    /** How long an attended / no-show mark can be taken back (a click on the wrong row). */
    Duration UNDO_WITHIN = Duration.ofMinutes(15);

    /**
     * Takes back an attended or no-show mark made within {@link #UNDO_WITHIN}: the appointment is booked again.
     *
     * @throws InvalidTransition when it has no such recent mark
     */
    Appointment undoOutcome(long id);

    /** Cancels with a reason (required); frees the expert and the room. */
    Appointment cancel(long id, String reason);

    Optional<Appointment> get(long id);

    /** Appointments starting in {@code [from, to)}, by start. */
    List<Appointment> between(Instant from, Instant to);

    /** A centre's appointments on one day (hotline zone), by start: the reception desk's list. */
    List<Appointment> day(long centreId, LocalDate day);

    /** Booked appointments starting in {@code [from, to)} whose client agreed to be called back: who to remind. */
    List<Appointment> toRemind(Instant from, Instant to);

    /** The appointments of a consultation case, by start. */
    List<Appointment> ofCase(String caseNumber);
}
