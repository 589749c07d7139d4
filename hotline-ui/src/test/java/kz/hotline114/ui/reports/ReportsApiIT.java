package kz.hotline114.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.Seed004Data;
import kz.hotline114.security.Role;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.ui.UiIT;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The interim report and the exports over real HTTP, on a dataset shaped like seed 004's period: the JSON
 * carries exactly its figures, the DOCX (read back with POI) and the PDF (read back with PDFBox) say them in
 * the official structure, the CSV and XLSX list the calls with numbers masked for reporters.
 */
class ReportsApiIT extends UiIT {

    @Autowired
    ApplicationContext ctx;

    static final String PERIOD = "project=1&from=2019-05-31&to=2019-08-29";
    static final String REPORTER = "reporter-it", PASSWORD = "reporter-pass-114";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void data() {
        Seed004Data.load(jdbc);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        if (users.find(REPORTER).isEmpty()) {
            users.create(REPORTER, "Reporter", PASSWORD, EnumSet.of(Role.REPORTER));
        }
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<byte[]> get(String path, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> asReporter(String path) throws Exception {
        return get(path, REPORTER, PASSWORD);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_json_report_of_the_seed_period_carries_exactly_its_figures() throws Exception {
        var response = asReporter("/api/reports/interim?" + PERIOD + "&format=json");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
        var calls = (Map<String, Object>) body.get("calls");
        assertThat(((Number) calls.get("total")).longValue()).isEqualTo(1927);
        assertThat(((Number) calls.get("substantive")).longValue()).isEqualTo(28);
        assertThat(((Number) calls.get("wrongNumber")).longValue()).isEqualTo(1650);
        assertThat(((Number) calls.get("wrongNumberShare")).doubleValue()).isEqualTo(0.8563);
        assertThat((Map<String, Object>) calls.get("byMonth")).containsExactly(Map.entry("2019-06", 580),
                Map.entry("2019-07", 702), Map.entry("2019-08", 645));
        assertThat((Map<String, Object>) calls.get("byRegion")).containsKeys("MOBILE", "Taldykorgan");
        var cases = (Map<String, Object>) body.get("cases");
        assertThat(((Number) cases.get("religionQuestions")).longValue()).isEqualTo(27);
        assertThat(((Number) cases.get("psychologicalSupport")).longValue()).isEqualTo(1);
        var risks = (List<Map<String, Object>>) body.get("risks");
        assertThat((String) risks.getFirst().get("risk")).contains("1414").contains("1\u00a0650").contains("85,6 %");
        assertThat((List<?>) body.get("tasks")).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_projects_list_gives_the_ids_the_report_takes_with_their_tree() throws Exception {
        var response = asReporter("/api/reports/projects");
        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> body = JsonMapper.builder().build().readValue(response.body(), List.class);
        var seed = body.stream().filter(p -> ((Number) p.get("id")).longValue() == 1).findFirst().orElseThrow();
        assertThat(seed.get("grantee")).isEqualTo("«Ізгілікті істер» қоғамдық қоры");
        assertThat(seed.get("periodFrom")).isEqualTo("2019-05-31");
        assertThat((List<?>) seed.get("tasks")).hasSize(3);
        var firstTask = (Map<String, Object>) ((List<?>) seed.get("tasks")).getFirst();
        assertThat(firstTask).containsKeys("number", "title", "activities");
    }

    @Test
    void the_docx_has_seed_004s_structure_and_figures() throws Exception {
        // three callers at risk in the period: two urgent, one of them reached again
        jdbc.update("delete from risk_flag where linkedid like 'rep-risk-%'");
        for (var f : List.of(new String[] {"1", "SUICIDE_SELF_HARM", "URGENT", "REACHED"},
                new String[] {"2", "SUICIDE_SELF_HARM", "URGENT", null}, new String[] {"3", "RECRUITMENT", "CONCERN", null})) {
            jdbc.update("""
                    insert into risk_flag (pbx_id, linkedid, category, level, flagged_by, flagged_at, follow_up_due,
                        follow_up_owner, closed_at, closed_by, outcome)
                    values ('rep', ?, ?, ?, 'x', ('2019-07-0' || ? || ' 10:00+06')::timestamptz, '2019-07-10 10:00+06', 'x', ?, ?,
                        ?)""",
                    "rep-risk-" + f[0], f[1], f[2], f[0], f[3] == null ? null : java.sql.Timestamp.valueOf(
                            "2019-07-09 10:00:00"), f[3] == null ? null : "x", f[3]);
        }
        var response = asReporter("/api/reports/interim?" + PERIOD + "&format=docx");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(".docx");
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/interim-kk.docx"), response.body());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            var text = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(text.getFirst()).isEqualTo("АРАЛЫҚ БАҒДАРЛАМАЛЫҚ ЕСЕП");
            assertThat(text).contains("1. Есепті кезең", "31.05.2019 және 29.08.2019 аралығы",
                    "4. Әлеуметтік жобаның тәуекелдері", "Грант алушы: «Ізгілікті істер» қоғамдық қоры",
                    "Грант сомасы: 15\u00a0755\u00a0000 теңге");
            assertThat(text).anySatisfy(t -> assertThat(t).startsWith("1 міндет."));
            assertThat(text).anySatisfy(t -> assertThat(t).contains("барлығы 1\u00a0927 қоңырау келіп түсті")
                    .contains("27 сұрақ дін мәселесіне қатысты, 1 сұрақ психологиялық қолдау"));
            var tables = doc.getTables();
            assertThat(tables.size()).isGreaterThanOrEqualTo(10);
            var events = tables.stream().filter(t -> t.getRow(0).getCell(1).getText().replace("\u00ad", "")
                    .equals("Іс-шараның атауы")) // with a soft hyphen where a narrow column may break it
                    .findFirst().orElseThrow();
            assertThat(events.getRow(0).getTableCells()).hasSize(9);
            var risks = tables.stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Тәуекел")).findFirst()
                    .orElseThrow();
            assertThat(risks.getRow(1).getCell(0).getText()).contains("1414");
            var byMonth = tables.stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Ай")).findFirst()
                    .orElseThrow();
            assertThat(byMonth.getRow(1).getCell(0).getText()).isEqualTo("Маусым 2019");
            assertThat(byMonth.getRow(1).getCell(1).getText()).isEqualTo("580");
            assertThat(byMonth.getRow(4).getCell(1).getText()).isEqualTo("1\u00a0927");
            assertThat(tables.getFirst().getCTTbl().getTblPr().getTblBorders().getInsideH()).isNotNull();
            assertThat(doc.getAllPictures()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(text).as("callers at risk, anonymous").contains("Қауіптегі қоңырау шалушылар").anySatisfy(t ->
                    assertThat(t).startsWith("Кезеңде 3 қоңырауға қауіп белгіленді, оның 2-і шұғыл; 1 адаммен"));
            var byRisk = tables.stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Қауіп")).findFirst()
                    .orElseThrow();
            assertThat(byRisk.getRow(1).getCell(0).getText()).isEqualTo("Өз-өзіне қол жұмсау, өзіне зиян келтіру");
            assertThat(byRisk.getRow(1).getCell(1).getText()).isEqualTo("2");
        }
        var russian = asReporter("/api/reports/interim?" + PERIOD + "&format=docx&lang=ru");
        Files.write(Path.of("target/reports/interim-ru.docx"), russian.body());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(russian.body()))) {
            assertThat(doc.getParagraphs().getFirst().getText()).isEqualTo("ПРОМЕЖУТОЧНЫЙ ПРОГРАММНЫЙ ОТЧЁТ");
        }
    }

    @Test
    void the_pdf_is_a_pdf_with_the_kazakh_text() throws Exception {
        var response = asReporter("/api/reports/interim?" + PERIOD + "&format=pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/interim-kk.pdf"), response.body());
        try (var pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            var text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("АРАЛЫҚ БАҒДАРЛАМАЛЫҚ ЕСЕП", "Есепті кезең", "Қоңыраулар айлар бойынша");
            assertThat(text).as("a breakdown's unrecorded share in words, not a code (it printed UNKNOW/N)")
                    .doesNotContain("UNKNOW").contains("Белгісіз");
        }
        var ru = asReporter("/api/reports/interim?" + PERIOD + "&format=pdf&lang=ru");
        try (var pdf = Loader.loadPDF(ru.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("UNKNOW").contains("Не указано");
        }
    }

    @Test
    void the_russian_report_names_tasks_activities_and_indicators_in_russian_and_no_header_breaks_mid_word()
            throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("admin", "n/a",
                        List.of(new SimpleGrantedAuthority(
                                "ROLE_ADMIN"))));
        GrantProject saved;
        try {
            saved = ctx.getBean(GrantProjects.class).save(new GrantProject(0, "Орыс тілі сынағы", "Грантиат", null, null,
                    null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(
                    new GrantProject.Task(0, 1, "Жедел желіні ұйымдастыру", "Организация горячей линии", List.of(
                            new GrantProject.Activity(0, 1, "Қоңырауларды қабылдау", "Приём звонков", List.of(
                                    new GrantProject.Indicator(0, "Кеңес алғандар саны", "адам",
                                            BigDecimal.TEN, null, BigDecimal.ONE, "журнал",
                                            "Число получивших консультацию", "человек")))))),
                    List.of()));
        } finally {
            SecurityContextHolder.clearContext();
        }
        var ru = asReporter("/api/reports/interim?project=" + saved.id() + "&from=2026-01-01&to=2026-06-30&format=pdf&lang=ru");
        assertThat(ru.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/interim-ru-names.pdf"), ru.body());
        try (var pdf = Loader.loadPDF(ru.body())) {
            var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Организация горячей линии", "Приём звонков", "Число получивших консультацию",
                    "человек", "Ед. изм.").doesNotContain("Қоңырауларды қабылдау").doesNotContain("Единиц а");
        }
        var kk = asReporter("/api/reports/interim?project=" + saved.id() + "&from=2026-01-01&to=2026-06-30&format=pdf");
        try (var pdf = Loader.loadPDF(kk.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Қоңырауларды қабылдау",
                    "Кеңес алғандар саны");
        }
    }

    @Test
    void the_csv_lists_the_calls_with_masked_numbers_and_no_case_texts_for_reporters_and_all_for_admins_audited()
            throws Exception {
        var query = "/api/reports/calls.csv?from=2019-06-01T00:00:00Z&to=2019-09-01T00:00:00Z";
        long audits = jdbc.queryForObject("select count(*) from audit_log where action = 'CALLS_EXPORTED_FULL_NUMBERS'",
                Long.class);
        var masked = asReporter(query);
        assertThat(masked.statusCode()).isEqualTo(200);
        var bytes = masked.body();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        var lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("Басталған уақыты,\"Ұзақтығы, с\",Қоңырау шалушының нөмірі,Оператор,Өңір,"
                + "Мәзірдегі таңдау,Кезектер,\"Күту, с\",Жауап берген,\"Сөйлесу, с\",Нәтиже,Қате нөмір себебі,Істер,Санат");
        var seedRows = Arrays.stream(lines).filter(l -> l.contains("+7 701 ***")).count();
        assertThat(seedRows).isGreaterThanOrEqualTo(1927);
        assertThat(String.join("\n", lines)).doesNotContain("+77010000001").contains("114-2019-00001")
                .as("a reporter gets no case texts (the Q&A only anonymised, as the collection)").doesNotContain("тел. […]");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CALLS_EXPORTED_FULL_NUMBERS'",
                Long.class)).isEqualTo(audits);

        var full = get(query, "admin", ADMIN_PASSWORD);
        assertThat(new String(full.body(), StandardCharsets.UTF_8)).contains("+7701").contains("Санат,Сұрақ,Жауап")
                .contains("тел. […]");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CALLS_EXPORTED_FULL_NUMBERS'",
                Long.class)).isEqualTo(audits + 1);
    }

    @Test
    void the_xlsx_has_the_same_columns_and_one_row_per_call() throws Exception {
        var response = asReporter("/api/reports/calls.xlsx?from=2019-06-01T00:00:00Z&to=2019-07-01T00:00:00Z&lang=ru");
        assertThat(response.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Время начала");
            assertThat(sheet.getRow(0).getLastCellNum()).as("no question and answer for a reporter").isEqualTo((short) 14);
            long seed = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var number = sheet.getRow(r).getCell(2).getStringCellValue();
                if (number.startsWith("+7 701 ***")) {
                    seed++;
                }
                assertThat(number).doesNotContain("+7701");
            }
            assertThat(seed).isGreaterThanOrEqualTo(Seed004Data.JUNE);
        }
    }

    @Test
    void bad_requests_say_what_is_wrong() throws Exception {
        assertThat(asReporter("/api/reports/interim?" + PERIOD + "&format=xml").statusCode()).isEqualTo(400);
        assertThat(asReporter("/api/reports/interim?from=2019-05-31&to=2019-08-29").statusCode()).isEqualTo(400);
        var reversed = asReporter("/api/reports/interim?project=1&from=2019-08-29&to=2019-05-31");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(new String(reversed.body(), StandardCharsets.UTF_8)).contains("before-from");
        assertThat(asReporter("/api/reports/interim?project=999&from=2019-05-31&to=2019-08-29").statusCode()).isEqualTo(400);
        assertThat(asReporter("/api/reports/calls.csv?outcome=MAYBE").statusCode()).isEqualTo(400);
    }
}
