package kz.hotline114.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.security.Role;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.ui.UiIT;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/wrong-numbers/misdialers} over real HTTP: the promised fields, a mark made and removed, the errors. */
class MisdialersApiIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String user, String password, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Origin", "http://localhost:" + port)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_supervisor_marks_a_number_and_the_list_shows_it_with_exactly_the_promised_fields() throws Exception {
        var number = "+7705" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        var bad = send("POST", "/api/wrong-numbers/misdialers/marks", "admin", ADMIN_PASSWORD,
                "{\"number\":\"" + number + "\",\"kind\":\"BLOCK\",\"reason\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat((String) json(bad).get("message")).contains("FILTER or NEVER");
        var noReason = send("POST", "/api/wrong-numbers/misdialers/marks", "admin", ADMIN_PASSWORD,
                "{\"number\":\"" + number + "\",\"kind\":\"FILTER\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);

        var made = send("POST", "/api/wrong-numbers/misdialers/marks", "admin", ADMIN_PASSWORD,
                "{\"number\":\"8" + number.substring(2) + "\",\"kind\":\"FILTER\",\"reason\":\"e-Gov every day\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(json(made)).containsEntry("number", number);

        var list = json(send("GET", "/api/wrong-numbers/misdialers?size=1000", "admin", ADMIN_PASSWORD, null));
        assertThat(list).containsKeys("total", "items");
        var item = ((List<Map<String, Object>>) list.get("items")).stream().filter(i -> number.equals(i.get("number")))
                .findFirst().orElseThrow();
        assertThat(item.keySet()).containsExactly("number", "since", "wrongNumberCalls", "source");
        assertThat(item).containsEntry("source", "MANUAL").containsEntry("wrongNumberCalls", 0);

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            if (users.find("misdial-operator").isEmpty()) {
                users.create("misdial-operator", "Operator", "operator-pass-114", EnumSet.of(Role.OPERATOR));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        var masked = (List<Map<String, Object>>) json(send("GET", "/api/wrong-numbers/misdialers?size=1000",
                "misdial-operator", "operator-pass-114", null)).get("items");
        assertThat(masked).extracting(i -> i.get("number")).doesNotContain(number)
                .contains("+7 " + number.substring(2, 5) + " *** ** " + number.substring(10));
        var refused = send("POST", "/api/wrong-numbers/misdialers/marks", "misdial-operator", "operator-pass-114",
                "{\"number\":\"" + number + "\",\"kind\":\"NEVER\",\"reason\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat((String) json(refused).get("message")).isNotBlank();

        var removed = send("DELETE", "/api/wrong-numbers/misdialers/marks/" + number.replace("+", "%2B")
                + "?reason=asked%20by%20the%20centre", "admin", ADMIN_PASSWORD, null);
        assertThat(json(removed)).containsEntry("removed", true);
    }
}
