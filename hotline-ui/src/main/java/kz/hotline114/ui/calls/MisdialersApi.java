package kz.hotline114.ui.calls;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;
import kz.hotline114.calls.Misdialers;
import kz.hotline114.security.Roles;

/**
 * Known misdialers (issue 17): {@code GET /api/wrong-numbers/misdialers?page=&size=} →
 * {@code {"total", "items": [{"number", "since", "wrongNumberCalls", "source"}]}} (numbers masked unless the role may
 * see them); supervisors and admins mark a number with {@code POST /api/wrong-numbers/misdialers/marks}
 * ({@code {"number", "kind": "FILTER"|"NEVER", "reason"}}) and remove a mark with
 * {@code DELETE /api/wrong-numbers/misdialers/marks/{number}?reason=}.
 */
@RestController
@RequestMapping("/api/wrong-numbers/misdialers")
class MisdialersApi {

    private final Misdialers misdialers;

    MisdialersApi(Misdialers misdialers) {
        this.misdialers = misdialers;
    }

    @GetMapping
    @RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
    Map<String, Object> list(@RequestParam(required = false) @Nullable String page,
                             @RequestParam(required = false) @Nullable String size) {
        int p = CallsApi.integer("page", page, 0);
        int s = CallsApi.integer("size", size, 100);
        if (p < 0 || s < 1 || s > 1000) {
            throw new IllegalArgumentException("'page' must be 0 or more and 'size' between 1 and 1000");
        }
        var result = misdialers.list(p * s, s);
        var body = new LinkedHashMap<String, Object>();
        body.put("total", result.total());
        body.put("items", result.items().stream().map(m -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("number", m.number());
            item.put("since", m.since().toString());
            item.put("wrongNumberCalls", m.wrongNumberCalls());
            item.put("source", m.source().name());
            return item;
        }).toList());
        return body;
    }

    /** A mark to put on a number. */
    record MarkRequest(@Nullable String number, @Nullable String kind, @Nullable String reason) {
    }

    @PostMapping("/marks")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> mark(@RequestBody MarkRequest request) {
        Misdialers.Mark.Kind kind;
        try {
            kind = Misdialers.Mark.Kind.valueOf(String.valueOf(request.kind()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'kind' must be FILTER or NEVER");
        }
        var mark = misdialers.mark(request.number() == null ? "" : request.number(), kind,
                request.reason() == null ? "" : request.reason());
        return Map.of("number", mark.number(), "kind", mark.kind().name(), "reason", mark.reason());
    }

    @DeleteMapping("/marks/{number}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> unmark(@PathVariable String number, @RequestParam(required = false) @Nullable String reason) {
        return Map.of("removed", misdialers.unmark(number, reason == null ? "" : reason));
    }
}
