package kz.hotline114.ui.calls;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.RebuildResult;
import kz.hotline114.security.Roles;

/**
 * {@code GET /api/calls?from=&to=&outcome=&queue=&number=&page=&size=}: the call log as JSON,
 * {@code {"total": n, "items": [...]}}, newest first; period defaults to the last 24 hours.
 */
@RestController
@RequestMapping("/api")
class CallsApi {

    private final CallLog calls;

    private final Clock clock;

    CallsApi(CallLog calls, Clock clock) {
        this.clock = clock;
        this.calls = calls;
    }

    @GetMapping("/calls")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> list(@RequestParam(required = false) @Nullable String from,
                             @RequestParam(required = false) @Nullable String to,
                             @RequestParam(required = false) @Nullable String outcome,
                             @RequestParam(required = false) @Nullable String queue,
                             @RequestParam(required = false) @Nullable String number,
                             @RequestParam(required = false) @Nullable String pbx,
                             @RequestParam(required = false) @Nullable String page,
                             @RequestParam(required = false) @Nullable String size) {
        var filter = CallFilters.parse(clock, from, to, outcome, queue, number).withPbx(pbx);
        var p = integer("page", page, 0);
        var s = integer("size", size, 50);
        if (p < 0) {
            throw new BadRequest("'page' must be 0 or more");
        }
        if (s < 1 || s > 1000) {
            throw new BadRequest("'size' must be between 1 and 1000");
        }
        var result = calls.find(filter, p, s);
        var body = new LinkedHashMap<String, Object>();
        body.put("total", result.total());
        body.put("items", result.items().stream().map(CallsApi::json).toList());
        return body;
    }

    @PostMapping("/admin/calls/rebuild")
    RebuildResult rebuild(@RequestParam String from, @RequestParam String to) {
        var start = CallFilters.instant("from", from, Instant.EPOCH);
        var end = CallFilters.instant("to", to, clock.instant());
        if (!start.isBefore(end)) {
            throw new BadRequest("'from' must be before 'to'");
        }
        return calls.rebuild(start, end);
    }

    /** Exactly the fields the API promises, in a stable order. */
    static Map<String, Object> json(Call c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("pbx", c.pbxId());
        m.put("linkedid", c.linkedid());
        m.put("startedAt", c.startedAt().toString());
        m.put("endedAt", c.endedAt() == null ? null : c.endedAt().toString());
        m.put("callerNumber", c.callerNumber());
        m.put("callerWithheld", c.callerWithheld());
        m.put("operator", c.operator());
        m.put("region", c.region());
        m.put("ivrChoice", c.ivrChoice());
        m.put("queues", c.queues());
        m.put("waitSeconds", c.waitSeconds());
        m.put("answeredBy", c.answeredBy());
        m.put("talkSeconds", c.talkSeconds());
        m.put("transfers", c.transfers().stream().map(t -> Map.of("from", t.from(), "to", t.to())).toList());
        m.put("hangupBy", c.hangupBy() == null ? null : c.hangupBy().json());
        m.put("outcome", c.outcome().name());
        m.put("wrongNumberReason", c.wrongNumberReason() == null ? null : c.wrongNumberReason().name());
        m.put("repeatCaller", c.repeatCaller());
        return m;
    }

    /** A whole-number request parameter, or {@code fallback} when absent; a 400 when it is not one. */
    static int integer(String name, @Nullable String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("'" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    /** A bad request parameter (an IllegalArgumentException, so every API's handler answers 400). */
    static final class BadRequest extends IllegalArgumentException {
        BadRequest(String message) {
            super(message);
        }
    }
}
