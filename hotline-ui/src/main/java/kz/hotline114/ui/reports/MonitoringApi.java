package kz.hotline114.ui.reports;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.reports.MonitoringReports;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.shell.RequestDays;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * The monitoring report (issue 18): {@code GET /api/reports/monitoring?from=&to=&format=json|docx|pdf&lang=kk|ru} — the
 * figures as JSON, or the report as DOCX or PDF. Supervisors, reporters and admins.
 */
@RestController
@RequestMapping("/api/reports")
class MonitoringApi {

    private final MonitoringReports reports;
    private final HotlineI18n i18n;

    MonitoringApi(MonitoringReports reports, HotlineI18n i18n) {
        this.reports = reports;
        this.i18n = i18n;
    }

    @GetMapping("/monitoring")
    @RolesAllowed({Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
    ResponseEntity<?> monitoring(@RequestParam(required = false) @Nullable String from,
                                 @RequestParam(required = false) @Nullable String to,
                                 @RequestParam(defaultValue = "json") String format,
                                 @RequestParam(defaultValue = "kk") String lang) {
        var start = RequestDays.day("from", from);
        var end = RequestDays.day("to", to);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("'to' (" + end + ") is before 'from' (" + start + ")");
        }
        var texts = BundleReportTexts.of(i18n, ReportsApi.language(lang));
        String file = "monitoring-" + start + "-" + end + "-" + texts.locale().getLanguage();
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok(reports.figures(start, end));
            case "docx" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file
                    + ".docx\"").contentType(MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                    .body(reports.docx(start, end, texts));
            case "pdf" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file
                    + ".pdf\"").contentType(MediaType.APPLICATION_PDF).body(reports.pdf(start, end, texts));
            default -> throw new IllegalArgumentException("'format' must be json, docx or pdf, not '" + format + "'");
        };
    }
}
