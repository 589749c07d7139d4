package kz.hotline114.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.security.Role;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TestClock;
import kz.hotline114.ui.UiIT;

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

        var response = get("/api/calls?" + aroundNow() + "&queue=theologians&size=1000", "admin", ADMIN_PASSWORD);

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
        var response = get("/api/calls?" + aroundNow() + "&outcome=NO_INPUT", "admin", ADMIN_PASSWORD);
        var items = (List<Map<String, Object>>) json(response).get("items");
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.get("outcome")).isEqualTo("NO_INPUT"));
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("callerWithheld")).isEqualTo(true);
            assertThat(i.get("callerNumber")).isNull();
        });
    }

    /** A period around the calls just played (they happen now, whatever day the tests run). */
    private static String aroundNow() {
        return "from=" + TestClock.now().minus(Duration.ofHours(1)) + "&to=" + TestClock.now().plus(Duration.ofHours(1));
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

    @Autowired
    kz.hotline114.security.UserAccounts users;

    @Test
    @SuppressWarnings("unchecked")
    void without_a_period_the_last_24_hours_are_listed_and_an_operator_sees_numbers_masked() throws Exception {
        var packets = Recordings.startingAt("abandoned-in-queue", 33, TestClock.now().minusSeconds(600));
        play(packets);
        var lid = linkedidOf(packets);
        var admin = (List<Map<String, Object>>) json(get("/api/calls?size=1000", "admin", ADMIN_PASSWORD)).get("items");
        var full = admin.stream().filter(i -> lid.equals(i.get("linkedid"))).findFirst().orElseThrow();
        assertThat((String) full.get("callerNumber")).matches("\\+7\\d{10}");
        assertThat(admin).allSatisfy(i -> assertThat(Instant.parse((String) i.get("startedAt")))
                .isAfter(TestClock.now().minus(Duration.ofHours(24)).minusSeconds(60)));

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            if (users.find("api-operator").isEmpty()) {
                users.create("api-operator", "Operator", "operator-pass-114", EnumSet.of(Role.OPERATOR));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        var operator = (List<Map<String, Object>>) json(get("/api/calls?size=1000", "api-operator", "operator-pass-114"))
                .get("items");
        var masked = operator.stream().filter(i -> lid.equals(i.get("linkedid"))).findFirst().orElseThrow();
        String number = (String) full.get("callerNumber");
        assertThat(masked.get("callerNumber")).isEqualTo("+7 " + number.substring(2, 5) + " *** ** " + number.substring(10));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_rebuilds_a_period_from_the_journal_and_gets_the_call_back_as_it_happened() throws Exception {
        var packets = Recordings.startingAt("answered-theologian", 34, TestClock.now().minusSeconds(300));
        play(packets);
        var lid = linkedidOf(packets);
        jdbc.update("update calls set outcome = 'ABANDONED', talk_seconds = null where pbx_id = ? and linkedid = ?",
                PBX_ID, lid);
        var from = TestClock.now().minus(Duration.ofHours(1));
        var to = TestClock.now().plusSeconds(60);
        var response = rebuild(from, to);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(((Number) json(response).get("linkedids")).longValue()).isPositive();
        assertThat(jdbc.queryForMap("select outcome, talk_seconds from calls where pbx_id = ? and linkedid = ?", PBX_ID,
                lid)).containsEntry("outcome", "ANSWERED").containsEntry("talk_seconds", 6);
        assertThat(rebuild(to, from).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> rebuild(Instant from, Instant to) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/calls/rebuild?from="
                        + from + "&to=" + to))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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
