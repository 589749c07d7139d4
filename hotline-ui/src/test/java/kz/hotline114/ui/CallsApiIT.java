package kz.hotline114.ui;

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

import kz.hotline114.support.Recordings;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/calls} over real HTTP with HTTP Basic: the promised fields, filters, errors and masking. */
class CallsApiIT extends UiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIELDS = List.of("pbx", "linkedid", "startedAt", "endedAt", "callerNumber",
            "callerWithheld", "operator", "region", "ivrChoice", "queues", "waitSeconds", "answeredBy", "talkSeconds",
            "transfers", "hangupBy", "outcome", "wrongNumberReason", "repeatCaller");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_transferred_call_is_listed_with_exactly_the_promised_fields() throws Exception {
        var packets = Recordings.packets("transfer", 31);
        play(packets);
        var lid = linkedidOf(packets);

        var response = get("/api/calls?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&queue=theologians&size=1000",
                "admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json(response);
        var items = (List<Map<String, Object>>) body.get("items");
        assertThat(((Number) body.get("total")).longValue()).isEqualTo(items.size());
        var call = items.stream().filter(i -> lid.equals(i.get("linkedid"))).findFirst().orElseThrow();
        assertThat(call.keySet()).containsExactlyElementsOf(FIELDS);
        assertThat(call.get("outcome")).isEqualTo("ANSWERED");
        assertThat(call.get("queues")).isEqualTo(List.of("psychologists", "theologians"));
        assertThat(call.get("transfers")).isEqualTo(List.of(Map.of("from", "psychologists", "to", "theologians")));
        assertThat(call.get("hangupBy")).isEqualTo("caller");
        assertThat(call.get("ivrChoice")).isEqualTo("1");
        assertThat((String) call.get("callerNumber")).startsWith("+7776");
        assertThat(call.get("pbx")).isEqualTo(PBX_ID);
    }

    @Test
    @SuppressWarnings("unchecked")
    void filters_by_outcome_select_only_that_outcome() throws Exception {
        play(Recordings.packets("no-input-timeout", 32));
        var response = get("/api/calls?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&outcome=NO_INPUT",
                "admin", ADMIN_PASSWORD);
        var items = (List<Map<String, Object>>) json(response).get("items");
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.get("outcome")).isEqualTo("NO_INPUT"));
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("callerWithheld")).isEqualTo(true);
            assertThat(i.get("callerNumber")).isNull();
        });
    }

    @Test
    void bad_parameters_get_400_with_a_message() throws Exception {
        for (var query : List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "outcome=MAYBE", "page=-1", "size=0",
                "size=abc", "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z")) {
            var response = get("/api/calls?" + query, "admin", ADMIN_PASSWORD);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat((String) json(response).get("message")).as(query).isNotBlank();
        }
    }

    @Test
    void the_api_wants_a_user() throws Exception {
        assertThat(get("/api/calls", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/calls", "admin", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void health_is_up_and_names_the_pbx_link() throws Exception {
        var response = get("/actuator/health", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"ami\"");
        var metrics = get("/actuator/prometheus", null, null);
        assertThat(metrics.body()).contains("hotline_ami_connected").contains("hotline_ami_events_journaled_total");
    }
}
