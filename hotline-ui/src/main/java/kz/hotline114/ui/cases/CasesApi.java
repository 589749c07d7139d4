package kz.hotline114.ui.cases;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.CaseFilter;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.ConsultationCase;
import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.QaCollection;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.Region;
import kz.hotline114.shared.SocialStatus;

/** Cases over REST (HTTP Basic), with the same permissions and audit as the console. */
@RestController
@RequestMapping("/api/cases")
class CasesApi {

    private final Cases cases;
    private final QaCollection qa;

    CasesApi(Cases cases, QaCollection qa) {
        this.cases = cases;
        this.qa = qa;
    }

    /** The JSON a client posts; profile values are the codes of {@code GET /api/cases/taxonomy}. */
    record CaseRequest(@Nullable String callPbx, @Nullable String callLinkedid, @Nullable String category,
                       @Nullable String movement, @Nullable String question, @Nullable String answer,
                       @Nullable String language, @Nullable Map<String, String> profile, @Nullable String specialist,
                       @Nullable Boolean callbackConsent, @Nullable String referralPartner,
                       @Nullable String referralNote) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@RequestBody(required = false) @Nullable CaseRequest request) {
        if (request == null) {
            throw new InvalidCase(Map.of("body", "required"));
        }
        var number = cases.open(draft(request));
        return ResponseEntity.created(URI.create("/api/cases/" + number)).body(Map.of("number", number));
    }

    @GetMapping("/{number}")
    ResponseEntity<ConsultationCase> get(@PathVariable String number) {
        return cases.get(number).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) @Nullable String q,
                             @RequestParam(required = false) @Nullable String category,
                             @RequestParam(required = false) @Nullable String status,
                             @RequestParam(required = false) @Nullable String from,
                             @RequestParam(required = false) @Nullable String to,
                             @RequestParam(defaultValue = "0") String page,
                             @RequestParam(defaultValue = "50") String size) {
        CaseStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidCase(Map.of("status", "unknown"));
            }
        }
        var result = cases.find(new CaseFilter(q, category, s, instant("from", from), instant("to", to)),
                number("page", page), number("size", size));
        var items = result.items().stream().map(c -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("number", c.number());
            m.put("category", c.category());
            m.put("question", c.question());
            m.put("answer", c.answer());
            m.put("status", c.status().name());
            m.put("openedAt", c.openedAt().toString());
            return m;
        }).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("total", result.total());
        body.put("items", items);
        return body;
    }

    /** The anonymised questions and answers of a period by category, as DOCX ({@code lang} kk or ru). */
    @GetMapping(value = "/qa.docx")
    ResponseEntity<byte[]> qaCollection(@RequestParam String from, @RequestParam String to,
                                        @RequestParam(defaultValue = "kk") String lang) {
        var start = instant("from", from);
        var end = instant("to", to);
        if (start == null || end == null || !start.isBefore(end)) {
            throw new InvalidCase(Map.of("to", "not-after-from"));
        }
        var bytes = qa.docx(start, end, lang);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"hotline114-qa.docx\"")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(bytes);
    }

    @GetMapping("/taxonomy")
    Taxonomy taxonomy() {
        return cases.taxonomy();
    }

    private static CaseDraft draft(CaseRequest r) {
        var errors = new LinkedHashMap<String, String>();
        var p = r.profile() == null ? Map.<String, String>of() : r.profile();
        var profile = new CallerProfile(code(Gender.class, p.get("gender"), "profile.gender", errors),
                code(AgeBracket.class, p.get("ageBracket"), "profile.ageBracket", errors),
                code(SocialStatus.class, p.get("socialStatus"), "profile.socialStatus", errors),
                code(Region.class, p.get("region"), "profile.region", errors));
        if (!errors.isEmpty()) {
            throw new InvalidCase(errors);
        }
        return new CaseDraft(r.callPbx(), r.callLinkedid(), r.category(), r.movement(), r.question(), r.answer(),
                r.language(), profile, r.specialist(), Boolean.TRUE.equals(r.callbackConsent()), r.referralPartner(),
                r.referralNote());
    }

    private static <E extends Enum<E>> @Nullable E code(Class<E> type, @Nullable String value, String field,
                                                       Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "unknown");
            return null;
        }
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCase(Map.of(name, "not-an-instant"));
        }
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCase(Map.of(name, "not-a-number"));
        }
    }

    @ExceptionHandler(InvalidCase.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidCase e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", 400);
        body.put("message", "the case has invalid fields: " + e.fieldErrors());
        body.put("errors", e.fieldErrors());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "the body is not the JSON of a case"));
    }
}
