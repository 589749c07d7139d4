package kz.hotline114.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.calls.CallKey;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.ui.UiIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring report on a month with a known answer (May 1992): six answered calls, four recorded, three evaluated
 * — one perfect, one failing a critical criterion, one by two experts (86.4 % and 100 %) — read back as JSON, DOCX
 * (kk) and PDF (ru).
 */
class MonitoringApiIT extends UiIT {

    static final LocalDate FROM = LocalDate.of(1992, 5, 1), TO = LocalDate.of(1992, 5, 31);

    @LocalServerPort
    int port;
    @Autowired
    Evaluations evaluations;
    @Autowired
    kz.hotline114.reports.GrantProjects projects;
    @Autowired
    kz.hotline114.reports.InterimReports interim;

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private CallKey call(int day, String specialist, String queue, boolean recorded) {
        var key = new CallKey(PBX_ID, "mon-" + run + "-" + day);
        var at = LocalDate.of(1992, 5, day).atTime(11, 0).atZone(ZoneId.of("Asia/Almaty")).toInstant();
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_withheld, queues, answered_by, transfers,
                    outcome, repeat_caller, updated_at)
                values (?, ?, ?, ?, true, ?, ?, '[]'::jsonb, 'ANSWERED', false, ?)""", key.pbxId(), key.linkedid(),
                Timestamp.from(at), Timestamp.from(at.plusSeconds(300)), new String[] {queue}, new String[] {specialist},
                Timestamp.from(at));
        if (recorded) {
            jdbc.update("""
                    insert into call_recording (pbx_id, linkedid, store_key, size_bytes, duration_ms, sha256, key_id,
                        call_started_at, taken_at) values (?, ?, ?, 1, 1, ?, 'k', ?, ?)""", key.pbxId(), key.linkedid(),
                    "mon/" + key.linkedid(), "0".repeat(64), Timestamp.from(at), Timestamp.from(at));
        }
        return key;
    }

    private void score(CallKey call, String evaluator, Map<String, Integer> changes, String conclusion) {
        as(evaluator, "EVALUATOR");
        var e = evaluations.list(FROM, TO).stream().filter(x -> x.call().equals(call)).findFirst().orElseThrow();
        var points = new HashMap<String, Integer>();
        evaluations.currentForm().criteria().forEach(c -> points.put(c.code(), c.scale()));
        points.putAll(changes);
        evaluations.save(e.id(), points, Map.of(), conclusion, true);
    }

    private HttpResponse<byte[]> get(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/reports/monitoring?from=" + FROM + "&to=" + TO + query)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_months_monitoring_report_has_its_known_figures_in_json_docx_and_pdf() throws Exception {
        jdbc.update("delete from evaluation where linkedid like 'mon-%'");
        jdbc.update("delete from call_recording where linkedid like 'mon-%'");
        jdbc.update("delete from calls where linkedid like 'mon-%'");
        var a = call(4, "Aigerim", "psychologists", true);
        var b = call(5, "Aigerim", "psychologists", true);
        var c = call(6, "Yerlan", "theologians", true);
        call(7, "Yerlan", "theologians", true);
        call(8, "Yerlan", "theologians", false);
        call(9, "Aigerim", "psychologists", false);
        String e1 = "mon-e1-" + run;
        String e2 = "mon-e2-" + run;
        for (var e : List.of(e1, e2)) {
            jdbc.update("insert into app_user (username, password_hash, display_name, roles) values (?, 'x', ?,"
                    + " '{EVALUATOR}')", e, "Сарапшы " + e);
        }
        as("mon-super", "SUPERVISOR");
        evaluations.assign(a, e1);
        evaluations.assign(b, e1);
        evaluations.assign(c, e1);
        evaluations.assign(c, e2);
        score(a, e1, Map.of(), "Үлгілі кеңес");
        score(b, e1, Map.of("NO_HARM", 0), "Қате діни кеңес берілді");
        score(c, e1, Map.of("CORRECTNESS", 2), "");
        score(c, e2, Map.of(), "");
        SecurityContextHolder.clearContext();

        var json = JsonMapper.builder().build().readValue(get("&format=json").body(), Map.class);
        assertThat(json).containsEntry("answered", 6).containsEntry("evaluatedCalls", 3).containsEntry("evaluations", 4)
                .containsEntry("averageTotal", 71.6).containsEntry("calibrationPairs", 1).containsEntry("agreement", 86.4);
        assertThat((Map<String, Object>) json.get("bySpecialist")).containsEntry("Aigerim",
                Map.of("evaluations", 2, "averageTotal", 50.0, "criticalFailures", 1));
        assertThat((List<Map<String, Object>>) json.get("byCriterion")).anySatisfy(c2 -> assertThat(c2)
                .containsEntry("code", "CORRECTNESS").containsEntry("averagePercent", 87.5))
                .anySatisfy(c2 -> assertThat(c2).containsEntry("code", "NO_HARM").containsEntry("averagePercent", 75.0));
        assertThat((List<Map<String, Object>>) json.get("criticalFailures")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("specialist", "Aigerim").containsEntry("evaluator", "Сарапшы " + e1)); // a person, not an account

        var docx = get("&format=docx&lang=kk");
        assertThat(docx.statusCode()).isEqualTo(200);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "monitoring"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "monitoring", "monitoring-kk.docx"), docx.body());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            var text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("«ҚАУЫРТ ЖЕЛІ-114» КЕҢЕСТЕРІНІҢ САПА МОНИТОРИНГІ")
                    .contains("Жауап берілген 6 қоңыраудың 3-і бағаланды (50,0 %)").contains("Қате діни кеңес берілді")
                    .contains("келісім 86,4 %");
            assertThat(String.join("\n", doc.getTables().stream().map(t -> t.getText()).toList()) + text)
                    .as("the experts by name").contains("Сарапшы " + e1);
            assertThat(doc.getTables().stream().flatMap(t -> t.getRows().stream())
                    .map(r -> r.getTableCells().stream().map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getText).toList()))
                    .as("a critical failure by its criterion's words").anySatisfy(cells -> assertThat(cells)
                            .contains("Aigerim").anySatisfy(cell -> assertThat(cell).startsWith("Радикалды")));
        }
        var pdf = get("&format=pdf&lang=ru");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "monitoring", "monitoring-ru.pdf"), pdf.body());
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("МОНИТОРИНГ КАЧЕСТВА").contains("Aigerim")
                    .contains("Оценено 3 из 6");
        }
        assertThat(get("&format=xml").statusCode()).isEqualTo(400);

        // a grant indicator takes "calls evaluated" and "monitoring results" from the same figures
        as("mon-reporter", "REPORTER");
        var project = projects.save(new kz.hotline114.reports.GrantProject(0, "Мониторинг " + run, "Қор", null, null,
                null, FROM, TO, List.of(new kz.hotline114.reports.GrantProject.Task(0, 3, "Мониторинг", List.of(
                        new kz.hotline114.reports.GrantProject.Activity(0, 1, "Сапаны бағалау", List.of(
                                new kz.hotline114.reports.GrantProject.Indicator(0, "Бағаланған қоңыраулар", "қоңырау",
                                        new java.math.BigDecimal("10"), kz.hotline114.reports.Statistic.CALLS_EVALUATED,
                                        null, null),
                                new kz.hotline114.reports.GrantProject.Indicator(0, "Мониторинг есептері", "есеп",
                                        java.math.BigDecimal.ONE, kz.hotline114.reports.Statistic.MONITORING_REPORTS,
                                        null, null)))))), List.of()));
        var lines = interim.report(project.id(), FROM, TO).tasks().getFirst().activities().getFirst().indicators();
        assertThat(lines).extracting(l -> l.actual().intValue()).containsExactly(3, 1);
        SecurityContextHolder.clearContext();
    }
}
