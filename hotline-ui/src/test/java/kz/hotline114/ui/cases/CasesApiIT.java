package kz.hotline114.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.ui.UiIT;

/** Cases over REST: 201 with a number, 400 with field messages, the case back, found by a word. */
class CasesApiIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return JSON.readValue(r.body(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_case_is_created_read_back_and_found_by_a_word_of_its_question() throws Exception {
        var created = send("POST", "/api/cases", """
                {"category": "RELATIVES_CONCERN", "question": "Қызым жаңа топқа қосылып, үйден кетіп қалды",
                 "answer": "Оңалту орталығына жолдадық", "language": "kk",
                 "profile": {"gender": "FEMALE", "ageBracket": "AGE_46_58", "socialStatus": "UNEMPLOYED", "region": "JETISU"}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        var number = (String) json(created).get("number");
        assertThat(number).matches("114-\\d{4}-\\d{5}");

        var read = json(send("GET", "/api/cases/" + number, null));
        assertThat(read.get("question")).isEqualTo("Қызым жаңа топқа қосылып, үйден кетіп қалды");
        assertThat((Map<String, Object>) read.get("profile")).containsEntry("region", "JETISU");

        // the search index is fed through the outbox (within about a second): ask until it answers, 30 s at most
        var query = "/api/cases?q=" + java.net.URLEncoder.encode("үйден", StandardCharsets.UTF_8);
        var items = (List<Map<String, Object>>) json(send("GET", query, null)).get("items");
        for (long deadline = System.nanoTime() + 30_000_000_000L;
             items.stream().noneMatch(i -> number.equals(i.get("number"))) && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            items = (List<Map<String, Object>>) json(send("GET", query, null)).get("items");
        }
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("number")).isEqualTo(number);
            assertThat(i.keySet()).containsExactly("number", "category", "question", "answer", "status", "openedAt");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void bad_input_gets_400_with_a_message_per_field() throws Exception {
        var r = send("POST", "/api/cases", """
                {"category": "NOPE", "question": "", "language": "en", "profile": {"gender": "X"}}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("gender");
        r = send("POST", "/api/cases", """
                {"category": "NOPE", "question": "", "language": "en"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat((Map<String, String>) json(r).get("errors")).containsEntry("category", "unknown")
                .containsEntry("question", "required").containsEntry("language", "unknown");
        assertThat(send("POST", "/api/cases", "not json").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/cases/114-1999-99999", null).statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_taxonomy_lists_the_stable_codes() throws Exception {
        var t = json(send("GET", "/api/cases/taxonomy", null));
        assertThat((List<Map<String, String>>) t.get("categories")).extracting(m -> m.get("code"))
                .contains("RELIGION_QUESTION", "PSYCHOLOGICAL_SUPPORT", "HARMED_BY_DESTRUCTIVE_MOVEMENT",
                        "RELATIVES_CONCERN", "INFORMATION_REQUEST", "COMPLAINT", "OTHER");
        assertThat((List<String>) t.get("ageBrackets")).contains("AGE_13_16", "AGE_59_PLUS", "UNDER_13", "UNKNOWN");
        assertThat((List<Map<String, String>>) t.get("partners")).hasSize(3);
    }

    @Test
    void the_qa_collection_downloads_as_a_word_document() throws Exception {
        send("POST", "/api/cases", """
                {"category": "INFORMATION_REQUEST", "question": "Орталық қай уақытта жұмыс істейді?",
                 "answer": "Дүйсенбі – жұма, 9:00 – 18:00", "language": "kk"}""");
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/cases/qa.docx?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).contains("wordprocessingml");
        assertThat(new String(r.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(r.body()))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()).toList())
                    .anySatisfy(t -> assertThat(t).contains("Орталық қай уақытта жұмыс істейді?"));
        }
    }
}
