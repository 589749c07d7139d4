package kz.hotline114.ui.reports;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;

import kz.hotline114.reports.WrongNumberClaims;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.shell.HotlineI18n;
import kz.hotline114.ui.shell.RequestDays;

/**
 * The carrier claim (issue 17): {@code GET /api/reports/wrong-numbers?from=&to=} →
 * {@code {"calls", "minutes", "cost", "filtered", "minutesSaved", "byOperator": {op: {"calls", "minutes", "cost"}}}}
 * {@code GET /api/reports/wrong-numbers.xlsx?from=&to=&lang=} (the register and the totals per operator) and
 * {@code GET /api/reports/wrong-numbers.docx?from=&to=&lang=} (the covering letter to the carrier).
 */
@RestController
@RequestMapping("/api/reports")
class WrongNumberClaimsApi {

    private final WrongNumberClaims claims;
    private final HotlineI18n i18n;

    WrongNumberClaimsApi(WrongNumberClaims claims, HotlineI18n i18n) {
        this.claims = claims;
        this.i18n = i18n;
    }

    @GetMapping("/wrong-numbers")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> summary(@RequestParam(required = false) @Nullable String from,
                                @RequestParam(required = false) @Nullable String to) {
        var s = claims.summary(RequestDays.day("from", from), RequestDays.day("to", to));
        var body = new LinkedHashMap<String, Object>();
        body.put("from", s.from().toString());
        body.put("to", s.to().toString());
        body.put("calls", s.calls());
        body.put("minutes", s.minutes());
        body.put("cost", s.cost());
        body.put("filtered", s.filtered());
        body.put("minutesSaved", s.minutesSaved());
        var byOperator = new LinkedHashMap<String, Object>();
        s.byOperator().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> byOperator.put(e.getKey(),
                Map.of("calls", e.getValue().calls(), "minutes", e.getValue().minutes(), "cost", e.getValue().cost())));
        body.put("byOperator", byOperator);
        return body;
    }

    @GetMapping("/wrong-numbers.xlsx")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    void xlsx(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
              @RequestParam(defaultValue = "kk") String lang, HttpServletResponse response) throws IOException {
        var start = RequestDays.day("from", from);
        var end = RequestDays.day("to", to);
        var texts = BundleReportTexts.of(i18n, ReportsApi.language(lang));
        ReportsApi.file(response, "wrong-numbers-" + start + "-" + end + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out -> claims.xlsx(start, end, texts, out));
    }

    @GetMapping("/wrong-numbers.docx")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    ResponseEntity<byte[]> letter(@RequestParam(required = false) @Nullable String from,
                                                           @RequestParam(required = false) @Nullable String to,
                                                           @RequestParam(defaultValue = "kk") String lang) {
        var start = RequestDays.day("from", from);
        var end = RequestDays.day("to", to);
        var body = claims.letter(start, end, BundleReportTexts.of(i18n, ReportsApi.language(lang)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wrong-numbers-letter-" + start + "-"
                        + end + "-" + lang + ".docx\"")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(body);
    }
}
