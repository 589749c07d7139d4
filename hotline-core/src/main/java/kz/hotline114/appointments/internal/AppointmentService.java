package kz.hotline114.appointments.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentBooked;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentStatusChanged;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.BookingRequest;
import kz.hotline114.appointments.BookingResult;
import kz.hotline114.appointments.BookingResult.Conflict;
import kz.hotline114.appointments.BookingResult.FieldError;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.InvalidTransition;
import kz.hotline114.appointments.Room;
import kz.hotline114.cases.Cases;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.shared.HotlineProperties;

/**
 * Books consultations. Double booking is refused by the database's exclusion constraints
 * ({@code appointment_expert_not_double_booked}, {@code appointment_room_not_double_booked}, see V20), which
 * also hold for concurrent requests; this service only turns SQLState 23P01 into {@link BookingResult.AlreadyBooked}.
 * See docs/decisions/DD020-double-booking-refused-by-the-database.md.
 */
@Service
class AppointmentService implements Appointments {

    /** The number the cases feature gives a case: 114-YEAR-SEQUENCE. */
    static final Pattern CASE_NUMBER = Pattern.compile("114-\\d{4}-\\d{5}");
    static final Duration LONGEST = Duration.ofHours(8);
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final FieldError UNKNOWN_CASE = new FieldError("caseNumber", "caseNumber.unknown",
            "no consultation case has this number: open the case first");

    private final JdbcAppointmentRepository appointments;
    private final ExpertPool pool;
    private final Cases cases;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HotlineProperties props;
    private final Clock clock;

    AppointmentService(JdbcAppointmentRepository appointments, ExpertPool pool, Cases cases, AuditLog audit,
                       ApplicationEventPublisher events, HotlineProperties props, Clock clock) {
        this.clock = clock;
        this.appointments = appointments;
        this.pool = pool;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.props = props;
    }

    @Override
    public BookingResult book(BookingRequest r) {
        CentreAccess.requireStaff("booking an appointment");
        var checked = check(r);
        if (!checked.errors().isEmpty()) {
            return new BookingResult.Rejected(checked.errors());
        }
        return store(r, checked.rooms(), blank(r.caseNumber()), blank(r.clientContact()));
    }

    @Override
    public List<FieldError> validate(BookingRequest r) {
        CentreAccess.requireStaff("booking an appointment");
        return check(r).errors();
    }

    private record Checked(List<FieldError> errors, List<Room> rooms) {
    }

    /** Everything about the request that can be told without trying to book it; the candidate rooms. */
    private Checked check(BookingRequest r) {
        var errors = new ArrayList<FieldError>();
        var expert = r.expertId() == null ? null : pool.expert(r.expertId()).filter(e -> e.active()).orElse(null);
        if (r.expertId() == null) {
            errors.add(new FieldError("expertId", "expert.required", "'expertId' is required"));
        } else if (expert == null) {
            errors.add(new FieldError("expertId", "expert.unknown", "no active expert with id " + r.expertId()));
        }
        var centre = r.centreId() == null ? null : pool.centre(r.centreId()).orElse(null);
        if (r.centreId() == null) {
            errors.add(new FieldError("centreId", "centre.required", "'centreId' is required"));
        } else if (centre == null) {
            errors.add(new FieldError("centreId", "centre.unknown", "no centre with id " + r.centreId()));
        }
        if (r.type() == null) {
            errors.add(new FieldError("type", "type.required",
                    "'type' is required: IN_PERSON, PUBLIC_RECEPTION or MOBILE_RECEPTION"));
        }
        if (r.start() == null) {
            errors.add(new FieldError("start", "start.required", "'start' is required (an ISO-8601 instant)"));
        }
        if (r.end() == null) {
            errors.add(new FieldError("end", "end.required", "'end' is required (an ISO-8601 instant)"));
        } else if (r.start() != null && !r.end().isAfter(r.start())) {
            errors.add(new FieldError("end", "end.beforeStart", "'end' must be after 'start'"));
        } else if (r.start() != null && Duration.between(r.start(), r.end()).compareTo(LONGEST) > 0) {
            errors.add(new FieldError("end", "end.tooLong", "an appointment lasts at most " + LONGEST.toHours() + " hours"));
        }
        var caseNumber = blank(r.caseNumber());
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            errors.add(new FieldError("caseNumber", "caseNumber.format",
                    "'caseNumber' must look like 114-2026-00001, not '" + caseNumber + "'"));
        } else if (caseNumber != null && !cases.exists(caseNumber)) {
            errors.add(UNKNOWN_CASE);
        }
        var contact = blank(r.clientContact());
        if (contact != null && !r.callbackConsent()) {
            errors.add(new FieldError("clientContact", "contact.noConsent",
                    "a client's contact is kept only with their callback consent"));
        }
        if (r.callbackConsent() && contact == null) {
            errors.add(new FieldError("clientContact", "contact.required", "callback consent needs a contact"));
        }
        List<Room> rooms = List.of();
        if (centre != null && r.type() != null) {
            if (!r.type().usesRoom()) {
                if (r.roomId() != null) {
                    errors.add(new FieldError("roomId", "room.mobile", "a mobile reception is held outside the centre's rooms"));
                }
            } else if (r.roomId() != null) {
                rooms = centre.rooms().stream().filter(room -> room.id() == r.roomId()).toList();
                if (rooms.isEmpty()) {
                    errors.add(new FieldError("roomId", "room.unknown", "the centre has no room " + r.roomId()));
                }
            } else {
                rooms = centre.rooms();
                if (rooms.isEmpty()) {
                    errors.add(new FieldError("centreId", "centre.noRooms", "the centre has no rooms to receive in"));
                }
            }
        }
        return new Checked(errors, rooms);
    }

    /** Tries each candidate room in turn (none for a mobile reception) until one is free. */
    private BookingResult store(BookingRequest r, List<Room> rooms, @Nullable String caseNumber, @Nullable String contact) {
        var candidates = new ArrayList<@Nullable Long>();
        if (r.type().usesRoom()) {
            rooms.forEach(room -> candidates.add(room.id()));
        } else {
            candidates.add(null);
        }
        Long receptionDay = r.type() == AppointmentType.IN_PERSON ? null : appointments.receptionDayCovering(
                r.expertId(), r.centreId(), r.type(), r.start(), r.end(), props.zone().getId()).orElse(null);
        Conflict conflict = Conflict.ROOM;
        for (var roomId : candidates) {
            try {
                long id = insertRetryingDeadlocks(r, roomId, receptionDay, caseNumber, contact);
                audit.record("APPOINTMENT_BOOKED", "appointment/" + id, "expert " + r.expertId() + ", " + r.start()
                        + (caseNumber == null ? ", walk-in" : ", case " + caseNumber));
                events.publishEvent(new AppointmentBooked(id, r.expertId(), r.start(), caseNumber));
                return new BookingResult.Booked(appointments.find(id).orElseThrow());
            } catch (DataIntegrityViolationException e) {
                if (violates(e, FOREIGN_KEY_VIOLATION, "appointment_case_fk")) {
                    return new BookingResult.Rejected(List.of(UNKNOWN_CASE));   // the case went between check and insert
                }
                var c = conflictOf(e);
                if (c == null) {
                    throw e;
                }
                if (c == Conflict.EXPERT) {
                    return new BookingResult.AlreadyBooked(Conflict.EXPERT);
                }
                conflict = c;   // this room is taken: try the next one
            }
        }
        // every room said no; when the expert is busy too, that is the news the booker needs
        boolean expertBusy = appointments.liveOverlapping(r.start(), r.end()).stream()
                .anyMatch(a -> a.expertId() == r.expertId());
        return new BookingResult.AlreadyBooked(expertBusy ? Conflict.EXPERT : conflict);
    }

    /**
     * Two bookings racing for the same room (or expert) can each see the other's uncommitted row while checking
     * the exclusion constraints and deadlock; PostgreSQL then aborts one of them (40P01). That statement only lost
     * the race: by the time it is tried again the winner has committed (or rolled back), and the retry gets the
     * plain answer, booked or 23P01 "already booked".
     */
    private long insertRetryingDeadlocks(BookingRequest r, @Nullable Long roomId, @Nullable Long receptionDay,
                                         @Nullable String caseNumber, @Nullable String contact) {
        for (int attempt = 1; ; attempt++) {
            try {
                return appointments.insert(r.expertId(), r.centreId(), roomId, receptionDay, r.type(), r.start(),
                        r.end(), caseNumber, blank(r.clientLabel()), r.callbackConsent(), contact, CurrentUser.name());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean violates(Throwable e, String sqlState, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Conflict conflictOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                var message = String.valueOf(sql.getMessage());
                return message.contains("appointment_room_not_double_booked") ? Conflict.ROOM : Conflict.EXPERT;
            }
        }
        return null;
    }

    @Override
    public Appointment markAttended(long id) {
        return move(id, AppointmentStatus.ATTENDED, null);
    }

    @Override
    public Appointment markNoShow(long id) {
        return move(id, AppointmentStatus.NO_SHOW, null);
    }

    @Override
    public Appointment cancel(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation needs a reason");
        }
        return move(id, AppointmentStatus.CANCELLED, reason.strip());
    }

    @Override
    public Appointment undoOutcome(long id) {
        CentreAccess.requireStaff("changing an appointment");
        var before = appointments.find(id).orElseThrow(() -> new IllegalArgumentException("no appointment " + id));
        var now = clock.instant();
        if (!appointments.revertOutcome(id, now.minus(Appointments.UNDO_WITHIN), now)) {
            throw new InvalidTransition(id, before.status(), AppointmentStatus.BOOKED);
        }
        audit.record("APPOINTMENT_OUTCOME_UNDONE", "appointment/" + id, before.status().name());
        events.publishEvent(new AppointmentStatusChanged(id, before.status(), AppointmentStatus.BOOKED));
        return appointments.find(id).orElseThrow();
    }

    private Appointment move(long id, AppointmentStatus to, @Nullable String reason) {
        CentreAccess.requireStaff("changing an appointment");
        var before = appointments.find(id).orElseThrow(() -> new IllegalArgumentException("no appointment " + id));
        if (!before.status().canBecome(to) || !appointments.transition(id, to, reason, clock.instant())) {
            var now = appointments.find(id).map(Appointment::status).orElse(before.status());
            throw new InvalidTransition(id, now, to);
        }
        audit.record("APPOINTMENT_" + to.name(), "appointment/" + id, reason);
        events.publishEvent(new AppointmentStatusChanged(id, before.status(), to));
        return appointments.find(id).orElseThrow();
    }

    @Override
    public Optional<Appointment> get(long id) {
        CentreAccess.requireStaff("reading appointments");
        return appointments.find(id);
    }

    @Override
    public List<Appointment> between(Instant from, Instant to) {
        CentreAccess.requireStaff("reading appointments");
        return appointments.startingBetween(from, to, null);
    }

    @Override
    public List<Appointment> day(long centreId, LocalDate day) {
        CentreAccess.requireStaff("reading appointments");
        var zone = props.zone();
        return appointments.startingBetween(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), centreId);
    }

    @Override
    public List<Appointment> toRemind(Instant from, Instant to) {
        CentreAccess.requireStaff("reading appointments");
        return appointments.toRemind(from, to);
    }

    @Override
    public List<Appointment> ofCase(String caseNumber) {
        CentreAccess.requireStaff("reading appointments");
        return appointments.ofCase(caseNumber);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
