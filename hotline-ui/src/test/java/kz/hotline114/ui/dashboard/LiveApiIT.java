package kz.hotline114.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.ui.LiveTraffic;
import kz.hotline114.ui.UiIT;

/** {@code GET /api/live}: the documented shape, and it follows a caller into the queue and out of it. */
@kz.hotline114.support.AwayFromMidnight // "today" before and after a call: not across midnight
class LiveApiIT extends UiIT {

    @LocalServerPort
    int port;

    JsonNode live() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/live"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    static JsonNode queue(JsonNode live, String name) {
        for (var q : live.get("queues")) {
            if (q.get("name").asString().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no queue " + name + " in " + live);
    }

    @Test
    void a_caller_waiting_shows_in_her_queue_and_today_counts_her_once_she_has_hung_up() throws Exception {
        var packets = LiveTraffic.now("abandoned-in-queue", 170);
        int joined = LiveTraffic.first(packets, "QueueCallerJoin");
        play(packets.subList(0, 1));
        var before = live();
        assertThat(before.propertyNames()).contains("callsInProgress", "queues", "today");
        assertThat(before.get("today").propertyNames()).contains("offered", "answered", "abandoned", "wrongNumber",
                "noInput", "serviceLevel");

        onlyTheRecordingsMembers("psychologists", packets); // earlier tests leave specialists of their own
        play(packets.subList(1, joined + 1));
        var waiting = live();
        var psychologists = queue(waiting, "psychologists");
        assertThat(psychologists.propertyNames()).contains("name", "waiting", "longestWaitSeconds", "available",
                "talking", "paused");
        assertThat(psychologists.get("waiting").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(psychologists.get("available").asInt()).as("both psychologists paused before the call").isZero();
        assertThat(psychologists.get("paused").asInt()).isEqualTo(2);
        assertThat(waiting.get("callsInProgress").asInt()).isGreaterThanOrEqualTo(1);

        play(packets.subList(joined + 1, packets.size()));
        var after = live();
        assertThat(queue(after, "psychologists").get("waiting").asInt())
                .isEqualTo(psychologists.get("waiting").asInt() - 1);
        assertThat(after.get("today").get("offered").asLong())
                .isEqualTo(before.get("today").get("offered").asLong() + 1);
        assertThat(after.get("today").get("abandoned").asLong())
                .as("she waited 10 s: an abandon, not a short one")
                .isEqualTo(before.get("today").get("abandoned").asLong() + 1);
    }
}
