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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import kz.hotline114.ui.UiIT;
import tools.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/** The carrier claim's totals for a known set of wrong-number calls, as JSON and as the XLSX register. */
class WrongNumberClaimsApiIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Kept in target/claims for a person to open (LibreOffice) and look at. */
    private static void keep(String name, byte[] bytes) throws java.io.IOException {
        var dir = java.nio.file.Path.of("target", "claims");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), bytes);
    }

    /** A day of its own (the database is shared): a random day of 2003. */
    private final LocalDate day = LocalDate.of(2003, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));

    private void call(String number, String operator, int hour, int seconds, String outcome, String reason) {
        var at = day.atTime(hour, 0).atZone(ZoneId.of("Asia/Almaty")).toInstant();
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, operator,
                    queues, answered_by, transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
                values ('claim', ?, ?, ?, ?, false, ?, '{}', '{}', '[]'::jsonb, ?, ?, false, ?)""",
                "claim-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), Timestamp.from(at),
                Timestamp.from(at.plusSeconds(seconds)), number, operator, outcome, reason, Timestamp.from(at));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_days_wrong_number_calls_are_counted_billed_and_priced_per_operator() throws Exception {
        var filtered = "+7707" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        call("+77011110001", "Kcell", 9, 8, "WRONG_NUMBER", "DECLARED");       // 1 min
        call("+77011110002", "Kcell", 10, 61, "WRONG_NUMBER", "DECLARED");      // 2 min
        call("+77011110003", "Kcell", 11, 120, "WRONG_NUMBER", "SHORT_CALL");   // 2 min
        call("+77051110004", "Beeline", 12, 59, "WRONG_NUMBER", "DECLARED");    // 1 min
        call("+77172110005", null, 13, 30, "WRONG_NUMBER", "DECLARED");         // 1 min, a landline
        call("+77172110006", null, 14, 90, "WRONG_NUMBER", "DECLARED");         // 2 min
        call("+77011110007", "Kcell", 15, 300, "ANSWERED", null);               // not a wrong number
        call(filtered, "Tele2", 6, 150, "WRONG_NUMBER", "DECLARED");            // 3 min
        call(filtered, "Tele2", 7, 170, "WRONG_NUMBER", "DECLARED");            // 3 min
        call(filtered, "Tele2", 16, 10, "WRONG_NUMBER", "FILTERED");            // 1 min, saved 3 - 1 = 2

        var json = JSON.readValue(get("/api/reports/wrong-numbers?from=" + day + "&to=" + day).body(), Map.class);
        assertThat(json).containsEntry("calls", 9).containsEntry("minutes", 16).containsEntry("filtered", 1)
                .containsEntry("minutesSaved", 2);
        assertThat(new BigDecimal(json.get("cost").toString())).isEqualByComparingTo("240"); // 16 min at 15 ₸
        var byOperator = (Map<String, Map<String, Object>>) json.get("byOperator");
        assertThat(byOperator.keySet()).containsExactly("Beeline", "Kcell", "LANDLINE", "Tele2");
        assertThat(byOperator.get("Kcell")).containsEntry("calls", 3).containsEntry("minutes", 5);
        assertThat(byOperator.get("LANDLINE")).containsEntry("calls", 2).containsEntry("minutes", 3);
        assertThat(byOperator.get("Tele2")).containsEntry("calls", 3).containsEntry("minutes", 7);

        var xlsx = get("/api/reports/wrong-numbers.xlsx?from=" + day + "&to=" + day + "&lang=kk");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        keep("wrong-numbers.xlsx", xlsx.body());
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var register = book.getSheetAt(0);
            assertThat(register.getSheetName()).isEqualTo("Қате нөмірлер тізілімі");
            assertThat(register.getPhysicalNumberOfRows()).isEqualTo(1 + 9);
            assertThat(register.getRow(1).getCell(4).getStringCellValue()).as("an admin's register: full numbers")
                    .isEqualTo(filtered);
            var totals = book.getSheetAt(1);
            var last = totals.getRow(totals.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Барлығы");
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(9);
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(16);
            assertThat(last.getCell(3).getNumericCellValue()).isEqualTo(240.0);
        }
        var letter = get("/api/reports/wrong-numbers.docx?from=" + day + "&to=" + day + "&lang=ru");
        assertThat(letter.statusCode()).isEqualTo(200);
        keep("wrong-numbers-letter-ru.docx", letter.body());
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(letter.body()));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            var text = extractor.getText();
            assertThat(text).contains("АО «Казахтелеком»", "О перерасчёте", "9 ошибочных звонков", "16 оплачиваемых минут",
                    "240.00 ₸", "Kcell", "Итого", "Городская сеть");
            assertThat(doc.getTables()).singleElement().satisfies(t -> assertThat(t.getRows()).hasSize(1 + 4 + 1));
        }
        var bad = get("/api/reports/wrong-numbers?from=" + day + "&to=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("must be a date");
    }
}
