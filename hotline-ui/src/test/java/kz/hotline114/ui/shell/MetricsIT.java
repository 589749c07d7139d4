package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.ui.LiveTraffic;
import kz.hotline114.ui.UiIT;

/** {@code /actuator/prometheus} counts calls by outcome and queue, waits and talk times, callers and specialists; readiness includes the database and the AMI link. */
@kz.hotline114.support.AwayFromMidnight // "today" before and after a call: not across midnight
class MetricsIT extends UiIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    String get(String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static double value(String scrape, String series) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The first sample whose name and labels contain every fragment, or 0. */
    static double sample(String scrape, String name, String... labels) {
        for (var line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (var l : labels) {
                all &= line.contains(l);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void an_answered_call_is_counted_by_outcome_and_queue_with_its_wait_and_talk() throws Exception {
        var before = get("/actuator/prometheus");
        double answered = sample(before, "hotline_calls_outcome_total", "outcome=\"ANSWERED\"", "queue=\"theologians\"");
        double waits = sample(before, "hotline_queue_wait_seconds_count", "queue=\"theologians\"");
        double talks = sample(before, "hotline_calls_talk_seconds_count", "queue=\"theologians\"");

        play(LiveTraffic.now("answered-theologian", 174));
        String after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            after = get("/actuator/prometheus");
            if (sample(after, "hotline_calls_outcome_total", "outcome=\"ANSWERED\"", "queue=\"theologians\"") > answered) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(sample(after, "hotline_calls_outcome_total", "outcome=\"ANSWERED\"", "queue=\"theologians\""))
                .isEqualTo(answered + 1);
        assertThat(sample(after, "hotline_queue_wait_seconds_count", "queue=\"theologians\"")).isEqualTo(waits + 1);
        assertThat(sample(after, "hotline_calls_talk_seconds_count", "queue=\"theologians\"")).isEqualTo(talks + 1);
        assertThat(after).contains("hotline_queue_wait_seconds_bucket{", "le=\"20.0\"");
        assertThat(after).contains("hotline_queue_callers_waiting{", "hotline_queue_longest_wait_seconds{",
                "hotline_specialists{", "state=\"available\"", "state=\"paused\"", "hotline_calls_in_progress",
                "hotline_ami_connected", "hotline_ami_reconnects_total", "hotline_ami_events_received_total",
                "hotline_ami_events_journaled_total", "hotline_ami_events_dropped_total", "hotline_ami_ingestion_lag");
    }

    @Test
    void readiness_needs_the_database_and_the_ami_link() throws Exception {
        var body = get("/actuator/health/readiness");
        var health = JsonMapper.builder().build().readTree(body);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").propertyNames()).contains("db", "ami");
    }
}
