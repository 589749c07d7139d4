package kz.hotline114.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import kz.hotline114.ui.UiIT;

/** Administration over REST: the taxonomy grows, the audit log is readable by admins only. */
class AdminApiIT extends UiIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String user, String password) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void an_admin_adds_a_movement_and_it_appears_in_the_taxonomy_and_the_audit_log() throws Exception {
        var r = send("PUT", "/api/admin/taxonomy/movement/TEST_MOVEMENT",
                "{\"nameKk\": \"Сынақ ағымы\", \"nameRu\": \"Тестовое течение\"}", "admin", ADMIN_PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/cases/taxonomy", null, "admin", ADMIN_PASSWORD).body()).contains("TEST_MOVEMENT");
        assertThat(send("GET", "/api/admin/audit?limit=50", null, "admin", ADMIN_PASSWORD).body())
                .contains("TAXONOMY_SAVED").contains("MOVEMENT/TEST_MOVEMENT");
        assertThat(send("PUT", "/api/admin/taxonomy/movement/bad-code", "{\"nameKk\": \"\"}", "admin", ADMIN_PASSWORD)
                .statusCode()).isEqualTo(400);
    }
}
