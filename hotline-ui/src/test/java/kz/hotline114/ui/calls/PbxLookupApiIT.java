package kz.hotline114.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import kz.hotline114.ui.UiIT;

/** The PBX's question before the menu over real HTTP: 1 for a known misdialer, 0 otherwise, only with the token. */
class PbxLookupApiIT extends UiIT {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> ask(String number, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pbx/misdialer?number="
                + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)));
        if (token != null) {
            request.header("X-Hotline-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_pbx_hears_1_for_a_known_misdialer_and_0_for_anyone_else_and_nothing_without_the_token() throws Exception {
        var number = "+7708" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        for (int days : new int[] {5, 1}) {
            var at = Timestamp.from(clock.instant().minus(Duration.ofDays(days)));
            jdbc.update("""
                    insert into calls (pbx_id, linkedid, started_at, caller_number, caller_withheld, queues, answered_by,
                        transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
                    values ('ui-pbx', ?, ?, ?, false, '{}', '{}', '[]'::jsonb, 'WRONG_NUMBER', 'DECLARED', false, ?)""",
                    "lookup-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), at, number, at);
        }
        var yes = ask(number, PBX_LOOKUP_TOKEN);
        assertThat(yes.statusCode()).isEqualTo(200);
        assertThat(yes.body()).isEqualTo("1");
        assertThat(ask("8" + number.substring(2), PBX_LOOKUP_TOKEN).body()).as("as the trunk may present it").isEqualTo("1");
        assertThat(ask("+77089999999", PBX_LOOKUP_TOKEN).body()).isEqualTo("0");
        assertThat(ask("anonymous", PBX_LOOKUP_TOKEN).body()).isEqualTo("0");

        var noToken = ask(number, null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).isEqualTo("0");
        assertThat(ask(number, "guess").statusCode()).isEqualTo(403);
    }
}
