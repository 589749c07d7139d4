package kz.hotline114.ui.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import kz.hotline114.ui.UiIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST of callers at risk: a flag on a call (201 with its id, 400 with the field for a bad level or an unknown
 * category), the supervisors' list by state, the acknowledgement; a bad state and an unknown flag answer JSON.
 */
class RiskApiIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return JSON.readValue(r.body(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_flag_is_put_listed_and_acknowledged_over_rest() throws Exception {
        var linkedid = "risk-api-" + Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        var at = clock.instant().minusSeconds(60);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, caller_withheld, queues, answered_by, transfers, outcome,
                    repeat_caller, updated_at)
                values (?, ?, ?, true, '{theologians}', '{Olga}', '[]'::jsonb, 'IN_PROGRESS', false, ?)""", PBX_ID,
                linkedid, Timestamp.from(at), Timestamp.from(at));
        var path = "/api/calls/" + PBX_ID + "/" + linkedid + "/risk";

        var bad = send("POST", path, "{\"category\":\"NOPE\",\"level\":\"SOMETIMES\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat((Map<String, Object>) json(bad).get("errors")).containsKey("level");
        var unknown = send("POST", path, "{\"category\":\"NOPE\",\"level\":\"CONCERN\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat((Map<String, Object>) json(unknown).get("errors")).containsEntry("category", "unknown");

        var created = send("POST", path, "{\"category\":\"VIOLENCE_ABUSE\",\"level\":\"urgent\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = ((Number) json(created).get("id")).longValue();

        var list = json(send("GET", "/api/risk?state=NEW", null));
        assertThat(((Number) list.get("total")).intValue()).isPositive();
        assertThat((List<Map<String, Object>>) list.get("items")).anySatisfy(item -> assertThat(item)
                .containsEntry("linkedid", linkedid).containsEntry("category", "VIOLENCE_ABUSE")
                .containsEntry("level", "URGENT").containsEntry("state", "NEW").containsEntry("specialist", "Olga")
                .containsKeys("flaggedAt", "acknowledgedAt", "followUpDue"));

        var acked = send("POST", "/api/risk/" + id + "/acknowledge", null);
        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(json(acked)).containsEntry("acknowledgedBy", "admin").containsEntry("state", "ACKNOWLEDGED");

        var badState = send("GET", "/api/risk?state=SOMETIME", null);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(json(badState).get("message").toString()).contains("'state'");
        var missing = send("POST", "/api/risk/987654321/acknowledge", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing)).containsKey("message");
    }
}
