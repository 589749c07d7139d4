package kz.hotline114.ui.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.TaxonomyAdmin;
import kz.hotline114.search.SearchIndex;
import kz.hotline114.security.AuditLog;

/** Administration over REST ({@code /api/admin/**} is for ADMIN only, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/admin")
class AdminApi {

    private final TaxonomyAdmin taxonomy;
    private final AuditLog audit;
    private final SearchIndex search;

    AdminApi(TaxonomyAdmin taxonomy, AuditLog audit, SearchIndex search) {
        this.taxonomy = taxonomy;
        this.audit = audit;
        this.search = search;
    }

    record Term(@Nullable String nameKk, @Nullable String nameRu, @Nullable Boolean active) {
    }

    /** {@code PUT /api/admin/taxonomy/category/HATE_SPEECH {"nameKk", "nameRu", "active"}}: adds or edits a term. */
    @PutMapping("/taxonomy/{kind}/{code}")
    Map<String, String> saveTerm(@PathVariable String kind, @PathVariable String code, @RequestBody Term term) {
        TaxonomyAdmin.Kind k;
        try {
            k = TaxonomyAdmin.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCase(Map.of("kind", "unknown"));
        }
        taxonomy.save(k, code, term.nameKk(), term.nameRu(), term.active() == null || term.active());
        return Map.of("kind", k.name(), "code", code);
    }

    /**
     * The audit log, newest first; it cannot be changed through any interface. Filters: {@code user}, {@code action}
     * (exact), {@code from}/{@code to} (instants, ISO-8601, {@code to} exclusive), {@code q} (in subject or detail);
     * {@code offset}/{@code limit} page it.
     */
    @GetMapping("/audit")
    List<AuditLog.Entry> audit(@RequestParam(defaultValue = "200") int limit, @RequestParam(defaultValue = "0") int offset,
                               @RequestParam(required = false) @Nullable String user,
                               @RequestParam(required = false) @Nullable String action,
                               @RequestParam(required = false) @Nullable Instant from,
                               @RequestParam(required = false) @Nullable Instant to,
                               @RequestParam(required = false) @Nullable String q) {
        return audit.search(new AuditLog.Query(blankToNull(user), blankToNull(action), from, to, blankToNull(q)),
                Math.max(0, offset), Math.max(1, Math.min(limit, 5000))).items();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Rebuilds the case index from PostgreSQL (new index, then the alias switches). */
    @PostMapping("/search/rebuild")
    Map<String, Object> rebuildSearch() {
        return Map.of("type", "case", "documents", search.rebuild("case"));
    }

    @ExceptionHandler(InvalidCase.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidCase e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "invalid: " + e.fieldErrors(),
                "errors", e.fieldErrors()));
    }
}
