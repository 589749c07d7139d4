package kz.hotline114.ui.centre;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentStatistics;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.BookingRequest;
import kz.hotline114.appointments.BookingResult;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.CentreCounts;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.InvalidTransition;
import kz.hotline114.security.Roles;

/**
 * The psychological-help centre over HTTP Basic:
 * {@code GET /api/experts}, {@code GET /api/centres}, {@code POST /api/appointments} (201 {@code {"id"}},
 * 409 when the expert or the room is already booked, 400 with field messages), {@code GET /api/appointments?from=&to=},
 * status changes under {@code /api/appointments/{id}/...}, and {@code GET /api/appointments/counts?from=&to=}
 * (dates; the only appointment data a reporter gets). Booking and listing are for staff; the services refuse others (403).
 */
@RestController
@RequestMapping("/api")
class AppointmentsApi {

    private final ExpertPool pool;
    private final Appointments appointments;
    private final AppointmentStatistics statistics;

    AppointmentsApi(ExpertPool pool, Appointments appointments, AppointmentStatistics statistics) {
        this.pool = pool;
        this.appointments = appointments;
        this.statistics = statistics;
    }

    @GetMapping("/experts")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
    List<Map<String, Object>> experts() {
        return pool.experts().stream().map(AppointmentsApi::json).toList();
    }

    @GetMapping("/centres")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
    List<Map<String, Object>> centres() {
        return pool.centres().stream().map(AppointmentsApi::json).toList();
    }

    @PostMapping("/appointments")
    ResponseEntity<Map<String, Object>> book(@RequestBody Map<String, Object> body) {
        var errors = new LinkedHashMap<String, String>();
        var expertId = id(body, "expertId", errors);
        var centreId = id(body, "centreId", errors);
        var roomId = body.get("roomId") == null ? null : id(body, "roomId", errors);
        var start = instant(body, "start", errors);
        var end = instant(body, "end", errors);
        var type = type(body, errors);
        var caseNumber = text(body, "caseNumber", errors);
        var clientLabel = text(body, "clientLabel", errors);
        var contact = text(body, "clientContact", errors);
        var consent = Boolean.TRUE.equals(body.get("callbackConsent"));
        var request = new BookingRequest(expertId, centreId, roomId, type, start, end, caseNumber, clientLabel, consent,
                contact);
        // with unreadable fields, still tell every other mistake at once (those fields read as missing)
        var result = errors.isEmpty() ? appointments.book(request)
                : new BookingResult.Rejected(appointments.validate(request));
        return switch (result) {
            case BookingResult.Booked(var a) -> ResponseEntity.created(URI.create("/api/appointments/" + a.id()))
                    .body(Map.of("id", a.id()));
            case BookingResult.AlreadyBooked(var conflict) -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                    "status", 409, "error", "Conflict", "conflict", conflict.name(),
                    "message", conflict == BookingResult.Conflict.EXPERT
                            ? "the expert is already booked for an overlapping period"
                            : "every room of the centre is already booked for an overlapping period"));
            case BookingResult.Rejected(var fieldErrors) -> {
                fieldErrors.forEach(e -> errors.putIfAbsent(e.field(), e.message()));
                yield ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request",
                        "message", String.join("; ", errors.values()), "errors", errors));
            }
        };
    }

    @GetMapping("/appointments")
    List<Map<String, Object>> list(@RequestParam String from, @RequestParam String to) {
        var errors = new LinkedHashMap<String, String>();
        var start = instant(Map.of("from", from), "from", errors);
        var end = instant(Map.of("to", to), "to", errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors.values()));
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        return appointments.between(start, end).stream().map(AppointmentsApi::json).toList();
    }

    @GetMapping("/appointments/counts")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
    CentreCounts counts(@RequestParam String from, @RequestParam String to) {
        try {
            return statistics.counts(LocalDate.parse(from.strip()), LocalDate.parse(to.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'from' and 'to' are dates such as 2026-11-01");
        }
    }

    @PostMapping("/appointments/{id}/attended")
    Map<String, Object> attended(@PathVariable long id) {
        return json(appointments.markAttended(id));
    }

    @PostMapping("/appointments/{id}/no-show")
    Map<String, Object> noShow(@PathVariable long id) {
        return json(appointments.markNoShow(id));
    }

    @PostMapping("/appointments/{id}/cancel")
    Map<String, Object> cancel(@PathVariable long id, @RequestBody Map<String, Object> body) {
        var reason = body.get("reason");
        return json(appointments.cancel(id, reason == null ? "" : reason.toString()));
    }

    static Map<String, Object> json(Expert e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", e.id());
        m.put("fullName", e.fullName());
        m.put("kind", e.kind().name());
        m.put("title", e.title());
        m.put("organisation", e.organisation());
        m.put("languages", e.languages());
        m.put("hotlineStaff", e.hotlineStaff());
        m.put("active", e.active());
        if (e.contact() != null) {
            m.put("contact", e.contact());
        }
        return m;
    }

    static Map<String, Object> json(Centre c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("address", c.address());
        m.put("city", c.city());
        m.put("region", c.region().name());
        m.put("openedOn", c.openedOn() == null ? null : c.openedOn().toString());
        m.put("rooms", c.rooms().stream().map(r -> Map.of("id", r.id(), "name", r.name())).toList());
        return m;
    }

    static Map<String, Object> json(Appointment a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("expertId", a.expertId());
        m.put("expertName", a.expertName());
        m.put("centreId", a.centreId());
        m.put("roomId", a.roomId());
        m.put("room", a.roomName());
        m.put("type", a.type().name());
        m.put("start", a.start().toString());
        m.put("end", a.end().toString());
        m.put("status", a.status().name());
        m.put("caseNumber", a.caseNumber());
        m.put("clientLabel", a.clientLabel());
        m.put("callbackConsent", a.callbackConsent());
        m.put("cancelReason", a.cancelReason());
        return m;
    }

    private static @Nullable Long id(Map<String, Object> body, String field, Map<String, String> errors) {
        var v = body.get(field);
        if (v == null) {
            errors.put(field, "'" + field + "' is required");
            return null;
        }
        if (v instanceof Number n && n.longValue() == n.doubleValue()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + field + "' must be a whole number, not '" + v + "'");
            return null;
        }
    }

    private static @Nullable Instant instant(Map<String, ?> body, String field, Map<String, String> errors) {
        var v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            errors.put(field, "'" + field + "' is required (an ISO-8601 instant such as 2026-11-24T05:00:00Z)");
            return null;
        }
        try {
            return OffsetDateTime.parse(v.toString().strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + field + "' must be an ISO-8601 instant such as 2026-11-24T05:00:00Z, not '" + v + "'");
            return null;
        }
    }

    private static @Nullable AppointmentType type(Map<String, Object> body, Map<String, String> errors) {
        var v = body.get("type");
        if (v == null) {
            errors.put("type", "'type' is required: IN_PERSON, PUBLIC_RECEPTION or MOBILE_RECEPTION");
            return null;
        }
        try {
            return AppointmentType.valueOf(v.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("type", "'type' must be IN_PERSON, PUBLIC_RECEPTION or MOBILE_RECEPTION, not '" + v + "'");
            return null;
        }
    }

    private static @Nullable String text(Map<String, Object> body, String field, Map<String, String> errors) {
        var v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            errors.put(field, "'" + field + "' must be text");
            return null;
        }
        return s;
    }

    @ExceptionHandler(InvalidTransition.class)
    ResponseEntity<Map<String, Object>> invalidTransition(InvalidTransition e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", "Conflict",
                "message", e.getMessage()));
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        var message = e instanceof HttpMessageNotReadableException ? "the body must be a JSON object" : e.getMessage();
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request", "message",
                String.valueOf(message)));
    }
}
