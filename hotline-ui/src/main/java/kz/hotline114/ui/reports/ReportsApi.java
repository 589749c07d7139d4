package kz.hotline114.ui.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;

import kz.hotline114.calls.CallFilter;
import kz.hotline114.reports.CallExports;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.InterimReport;
import kz.hotline114.reports.InterimReports;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportDocuments;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.calls.CallFilters;
import kz.hotline114.ui.reports.BundleReportTexts;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * {@code GET /api/reports/projects}: the grant projects (the {@code project} ids) with their tasks, activities,
 * indicators and reporting periods; {@code GET /api/reports/interim?project=&from=&to=&format=json|docx|pdf&lang=kk|ru}
 * (dates, both inclusive): the interim report; {@code GET /api/reports/calls.csv} and {@code /calls.xlsx} with the parameters of
 * {@code /api/calls} (+ {@code lang}): the call log with the cases' questions and answers (attachment 2).
 */
@RestController
@RequestMapping("/api/reports")
class ReportsApi {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final InterimReports reports;
    private final ReportDocuments documents;
    private final CallExports exports;
    private final HotlineI18n i18n;
    private final GrantProjects projects;

    private final Clock clock;

    ReportsApi(InterimReports reports, ReportDocuments documents, CallExports exports, HotlineI18n i18n,
               GrantProjects projects, Clock clock) {
        this.clock = clock;
        this.projects = projects;
        this.reports = reports;
        this.documents = documents;
        this.exports = exports;
        this.i18n = i18n;
    }

    @GetMapping("/projects")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    List<GrantProject> projects() {
        return projects.list();
    }

    @GetMapping("/interim")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    ResponseEntity<?> interim(@RequestParam(required = false) @Nullable String project,
                              @RequestParam(required = false) @Nullable String from,
                              @RequestParam(required = false) @Nullable String to,
                              @RequestParam(defaultValue = "json") String format,
                              @RequestParam(defaultValue = "kk") String lang) {
        long projectId = projectId(project);
        var start = date("from", from);
        var end = date("to", to);
        var texts = BundleReportTexts.of(i18n, language(lang));
        var report = reports.report(projectId, start, end);
        String file = "interim-report-" + projectId + "-" + start + "-" + end + "-" + texts.locale().getLanguage();
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok(json(report, texts));
            case "docx" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(file + ".docx"))
                    .contentType(DOCX).body(documents.docx(report, texts));
            case "pdf" -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(file + ".pdf"))
                    .contentType(MediaType.APPLICATION_PDF).body(documents.pdf(report, texts));
            default -> throw new BadRequest("'format' must be json, docx or pdf, not '" + format + "'");
        };
    }

    /** The call log of {@code /api/calls}'s filter as CSV (UTF-8 with BOM, for Excel) or streamed XLSX. */
    @GetMapping("/calls.{format:csv|xlsx}")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    void calls(@PathVariable String format,
               @RequestParam(required = false) @Nullable String from,
               @RequestParam(required = false) @Nullable String to,
               @RequestParam(required = false) @Nullable String outcome,
               @RequestParam(required = false) @Nullable String queue,
               @RequestParam(required = false) @Nullable String number,
               @RequestParam(required = false) @Nullable String pbx,
               @RequestParam(defaultValue = "kk") String lang,
               HttpServletResponse response) throws IOException {
        var filter = filter(from, to, outcome, queue, number).withPbx(pbx);
        var texts = BundleReportTexts.of(i18n, language(lang));
        if (format.equals("csv")) {
            file(response, "calls.csv", "text/csv;charset=UTF-8", out -> exports.csv(filter, texts, out));
        } else {
            file(response, "calls.xlsx", XLSX.toString(), out -> exports.xlsx(filter, texts, out));
        }
    }

    /**
     * Writes the export to a temporary file in the request thread (signed-in user, audit; bad input is a 400
     * before the first byte; rows stream from a database cursor), then copies it to the response and deletes
     * it. No async response body: an async dispatch would pass the stateless API's security again, unsigned.
     */
    static void file(HttpServletResponse response, String name, String type,
                             Consumer<OutputStream> write) throws IOException {
        var file = Files.createTempFile("hotline-export", name);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                write.accept(out);
            }
            response.setContentType(type);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(name));
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The report as JSON, figures as the document prints them; the wrong-number risk's wording filled in. */
    Map<String, Object> json(InterimReport r, BundleReportTexts texts) {
        var m = new LinkedHashMap<String, Object>();
        m.put("project", Map.of("id", r.projectId(), "name", r.projectName(), "grantee", r.grantee()));
        m.put("agreementNo", r.agreementNo());
        m.put("agreementDate", r.agreementDate() == null ? null : r.agreementDate().toString());
        m.put("grantSum", r.grantSum());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("status", r.status().name());
        m.put("version", r.version());
        m.put("finalisedAt", r.finalisedAt() == null ? null : r.finalisedAt().toString());
        var c = r.calls();
        var calls = new LinkedHashMap<String, Object>();
        calls.put("total", c.total());
        calls.put("substantive", c.substantive());
        calls.put("wrongNumber", c.wrongNumber());
        calls.put("wrongNumberShare", c.wrongNumberShare());
        calls.put("abandoned", c.abandoned());
        calls.put("unanswered", c.unanswered());
        calls.put("menuDropped", c.menuDropped());
        calls.put("wrongNumberMinutes", c.wrongNumberMinutes());
        calls.put("tariffPerMinute", c.tariffPerMinute());
        calls.put("wrongNumberCost", c.wrongNumberCost());
        calls.put("byMonth", c.byMonth());
        calls.put("substantiveByMonth", c.substantiveByMonth());
        calls.put("wrongNumberByMonth", c.wrongNumberByMonth());
        calls.put("byRegion", c.byRegion());
        calls.put("byOperator", c.byOperator());
        calls.put("byIvrChoice", c.byIvrChoice());
        calls.put("byQueue", c.byQueue());
        calls.put("byOutcome", c.byOutcome());
        m.put("calls", calls);
        m.put("cases", Map.of("total", r.cases().total(), "religionQuestions", r.cases().religionQuestions(),
                "psychologicalSupport", r.cases().psychologicalSupport(), "byCategory", r.cases().byCategory()));
        m.put("centre", r.centre());
        m.put("tasks", r.tasks().stream().map(t -> Map.of("number", t.number(), "title", t.title(), "activities",
                t.activities().stream().map(a -> Map.of("key", a.key(), "number", a.number(), "title", a.title(),
                        "narrative", a.narrative(), "indicators", a.indicators().stream().map(i -> {
                            var line = new LinkedHashMap<String, Object>();
                            line.put("key", i.key());
                            line.put("name", i.name());
                            line.put("unit", i.unit());
                            line.put("planned", i.planned());
                            line.put("actual", i.actual());
                            line.put("metric", i.metric() == null ? null : i.metric().name());
                            line.put("evidence", i.evidence());
                            line.put("justification", i.justification());
                            line.put("belowPlan", i.belowPlan());
                            return line;
                        }).toList())).toList())).toList());
        m.put("events", r.events());
        m.put("risks", r.risks().stream().map(risk -> {
            var filled = documents.resolved(r, risk, texts);
            var line = new LinkedHashMap<String, Object>();
            line.put("risk", filled.risk());
            line.put("mitigation", filled.mitigation());
            line.put("wrongNumber", risk.wrongNumber());
            return line;
        }).toList());
        m.put("attachments", r.attachments().stream().map(a -> {
            var line = new LinkedHashMap<String, Object>();
            line.put("number", a.number());
            line.put("title", a.title());
            line.put("documents", a.documents() != null ? a.documents()
                    : a.callList() ? texts.text("report.attachments.callList") : null);
            line.put("callList", a.callList());
            return line;
        }).toList());
        m.put("participants", r.participants());
        m.put("leader", r.leader());
        m.put("leaderPosition", r.leaderPosition());
        return m;
    }

    private CallFilter filter(@Nullable String from, @Nullable String to, @Nullable String outcome,
                                     @Nullable String queue, @Nullable String number) {
        return CallFilters.parse(clock, from, to, outcome, queue, number);
    }

    private static long projectId(@Nullable String project) {
        if (project == null || project.isBlank()) {
            throw new BadRequest("'project' is required (the id of a grant project)");
        }
        try {
            return Long.parseLong(project.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("'project' must be a whole number, not '" + project + "'");
        }
    }

    private static LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest("'" + name + "' is required (a date such as 2019-05-31)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' must be a date such as 2019-05-31, not '" + value + "'");
        }
    }

    static String language(String lang) {
        var l = lang.strip().toLowerCase(Locale.ROOT);
        if (!l.equals("kk") && !l.equals("ru")) {
            throw new BadRequest("'lang' must be kk or ru, not '" + lang + "'");
        }
        return l;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String attachment(String file) {
        return "attachment; filename=\"" + file + "\"";
    }

    static final class BadRequest extends IllegalArgumentException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler(InvalidReport.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidReport e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "Bad Request", "message", e.getMessage(),
                "errors", e.errors()));
    }
}
