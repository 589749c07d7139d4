package kz.hotline114.ui.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.CallKey;
import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.ApiError;
import kz.hotline114.ui.shell.RequestDays;

/**
 * Callers at risk over REST (issue 19): {@code POST /api/calls/{pbx}/{linkedid}/risk {"category", "level"}} → 201
 * {@code {"id"}} (the specialist on the call or a supervisor; 400 with field errors); {@code GET /api/risk?from=&to=
 * &state=} → {@code {"total", "items"}} and {@code POST /api/risk/{id}/acknowledge} (supervisors, admins); the
 * follow-up's {@code POST /api/risk/{id}/attempts {"note"}} and {@code POST /api/risk/{id}/close {"outcome",
 * "referralPartner", "note"}}; {@code GET /api/risk/categories}; {@code GET /api/risk/figures?from=&to=}.
 */
@RestController
class RiskApi {

    private final RiskFlags risk;
    private final HotlineProperties props;
    private final Clock clock;

    RiskApi(RiskFlags risk, HotlineProperties props, Clock clock) {
        this.risk = risk;
        this.props = props;
        this.clock = clock;
    }

    record FlagRequest(@Nullable String category, @Nullable String level) {
    }

    @PostMapping("/api/calls/{pbx}/{linkedid}/risk")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> flag(@PathVariable String pbx, @PathVariable String linkedid, @RequestBody FlagRequest r) {
        var errors = new LinkedHashMap<String, String>();
        if (r.category() == null || r.category().isBlank()) {
            errors.put("category", "required");
        }
        RiskFlags.Level level = null;
        try {
            level = r.level() == null ? null : RiskFlags.Level.valueOf(r.level().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("level", "CONCERN or URGENT");
        }
        if (level == null && !errors.containsKey("level")) {
            errors.put("level", "required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRisk(errors);
        }
        return Map.of("id", risk.flag(new CallKey(pbx, linkedid), r.category().strip(), level).id());
    }

    private @Nullable Instant start(String name, @Nullable String day, int plusDays) {
        return day == null || day.isBlank() ? null
                : RequestDays.day(name, day).plusDays(plusDays).atStartOfDay(props.zone()).toInstant();
    }

    @GetMapping("/api/risk")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> list(@RequestParam(required = false) @Nullable String from,
                             @RequestParam(required = false) @Nullable String to,
                             @RequestParam(required = false) @Nullable String state) {
        RiskFlags.State s;
        try {
            s = state == null || state.isBlank() ? null : RiskFlags.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'state' must be NEW, ACKNOWLEDGED, OVERDUE or CLOSED, not '" + state + "'");
        }
        var items = risk.find(start("from", from, 0), start("to", to, 1), s).stream().map(this::json).toList();
        return Map.of("total", items.size(), "items", items);
    }

    @GetMapping("/api/risk/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> one(@PathVariable long id) {
        return json(risk.get(id));
    }

    @PostMapping("/api/risk/{id}/acknowledge")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> acknowledge(@PathVariable long id) {
        return json(risk.acknowledge(id));
    }

    record AttemptRequest(@Nullable String note) {
    }

    @PostMapping("/api/risk/{id}/attempts")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> attempt(@PathVariable long id, @RequestBody(required = false) @Nullable AttemptRequest r) {
        return json(risk.attempt(id, r == null ? null : r.note()));
    }

    record CloseRequest(@Nullable String outcome, @Nullable String referralPartner, @Nullable String note) {
    }

    @PostMapping("/api/risk/{id}/close")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> close(@PathVariable long id, @RequestBody CloseRequest r) {
        RiskFlags.Outcome outcome;
        try {
            outcome = r.outcome() == null ? null : RiskFlags.Outcome.valueOf(r.outcome().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRisk(Map.of("outcome", "REACHED, REFERRED or NOT_REACHABLE"));
        }
        return json(risk.close(id, outcome, r.referralPartner(), r.note()));
    }

    @GetMapping("/api/risk/categories")
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
    List<RiskFlags.Category> categories() {
        return risk.categories();
    }

    @GetMapping("/api/risk/figures")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    RiskFlags.Figures figures(@RequestParam(required = false) @Nullable String from,
                              @RequestParam(required = false) @Nullable String to) {
        return risk.figures(start("from", RequestDays.day("from", from).toString(), 0),
                start("to", RequestDays.day("to", to).toString(), 1));
    }

    private Map<String, Object> json(RiskFlags.Flag f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", f.id());
        m.put("pbx", f.call().pbxId());
        m.put("linkedid", f.call().linkedid());
        m.put("category", f.category());
        m.put("level", f.level().name());
        m.put("flaggedAt", f.flaggedAt().toString());
        m.put("flaggedBy", f.flaggedBy());
        m.put("specialist", f.specialist());
        m.put("queue", f.queue());
        m.put("acknowledgedAt", f.acknowledgedAt() == null ? null : f.acknowledgedAt().toString());
        m.put("acknowledgedBy", f.acknowledgedBy());
        m.put("followUpDue", f.followUpDue().toString());
        m.put("followUpOwner", f.followUpOwner());
        m.put("attempts", f.attempts());
        m.put("protocolDone", f.protocolDone());
        m.put("state", f.state(clock.instant()).name());
        m.put("outcome", f.outcome() == null ? null : f.outcome().name());
        m.put("referralPartner", f.referralPartner());
        m.put("caseNumber", f.caseNumber());
        return m;
    }

    @ExceptionHandler(InvalidRisk.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, Object> invalid(InvalidRisk e) {
        return ApiError.invalid(e.errors());
    }
}
