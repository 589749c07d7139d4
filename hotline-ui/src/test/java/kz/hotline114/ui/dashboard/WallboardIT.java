package kz.hotline114.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.dashboard.WallboardAccess;
import kz.hotline114.ui.LiveTraffic;
import kz.hotline114.ui.UiIT;

/** The wall-board's WebSocket with a real client: the token, the snapshot on connect, a change per call step. */
@kz.hotline114.support.AwayFromMidnight // "today" before and after a call: not across midnight
class WallboardIT extends UiIT {

    @LocalServerPort
    int port;
    @Autowired
    WallboardAccess access;

    final HttpClient http = HttpClient.newHttpClient();

    /** A WebSocket client that queues every text message it receives. */
    static final class Inbox implements WebSocket.Listener {
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        /** The next message matching {@code p} within 10 s (earlier ones are skipped). */
        JsonNode next(Predicate<JsonNode> p) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                var m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no matching wall-board message within 10 s");
                }
                var node = JsonMapper.builder().build().readTree(m);
                if (p.test(node)) {
                    return node;
                }
            }
        }
    }

    WebSocket connect(String query, Inbox inbox) {
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/wallboard" + query), inbox).join();
    }

    static int waiting(JsonNode board, String queue) {
        for (var q : board.get("queues")) {
            if (q.get("name").asString().equals(queue)) {
                return q.get("waiting").asInt();
            }
        }
        return 0;
    }

    @Test
    void a_wrong_or_missing_token_is_refused_at_the_handshake() {
        for (var query : new String[] {"", "?token=", "?token=not-the-token", "?token=" + access.token() + "x"}) {
            assertThatThrownBy(() -> connect(query, new Inbox())).as(query)
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        }
    }

    @Test
    void the_board_arrives_on_connect_and_follows_a_caller_into_the_queue_and_out() throws Exception {
        var packets = LiveTraffic.now("abandoned-in-queue", 173);
        int joined = LiveTraffic.first(packets, "QueueCallerJoin");
        play(packets.subList(0, 1));
        var inbox = new Inbox();
        var ws = connect("?token=" + access.token(), inbox);
        try {
            var first = inbox.next(b -> true);
            assertThat(first.propertyNames()).contains("callsInProgress", "queues", "today", "at", "atRisk");
            assertThat(first.get("atRisk").isNumber()).as("callers at risk: a count, no details").isTrue();
            assertThat(first.get("today").propertyNames()).contains("offered", "answered", "abandoned", "wrongNumber",
                    "noInput", "serviceLevel");
            int before = waiting(first, "psychologists");
            long abandoned = first.get("today").get("abandoned").asLong();

            play(packets.subList(1, joined + 1));
            var queued = inbox.next(b -> waiting(b, "psychologists") == before + 1);
            var text = queued.toString();
            var linkedid = packets.get(joined).get("Linkedid");
            var number = packets.get(joined).get("CallerIDNum");
            assertThat(text).as("no personal data, no call ids").doesNotContain(linkedid).doesNotContain(number.substring(2));

            play(packets.subList(joined + 1, packets.size()));
            inbox.next(b -> waiting(b, "psychologists") == before && b.get("today").get("abandoned").asLong() == abandoned + 1);
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    @Test
    void the_page_and_its_labels_are_public_and_come_from_the_bundles() throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wallboard.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("wallboard.js");
        var labels = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wallboard/labels?lang=ru"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(labels.statusCode()).isEqualTo(200);
        var json = JsonMapper.builder().build().readTree(labels.body());
        assertThat(json.get("labels").get("waiting").asString()).isEqualTo("Ждут");
        assertThat(json.get("queues").get("theologians").asString()).isEqualTo("Теологи");
        assertThat(json.get("waitAlertSeconds").asInt()).isEqualTo(60);
    }
}
