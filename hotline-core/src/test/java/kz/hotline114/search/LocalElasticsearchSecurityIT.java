package kz.hotline114.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The audit read every case document from the local Elasticsearch node without a password. Now: anonymous requests
 * get 401, and the node's one user may work on the hotline's indices and nothing else.
 */
class LocalElasticsearchSecurityIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anonymous_requests_are_refused_and_the_apps_user_reaches_only_its_indices() throws Exception {
        var home = System.getProperty("hotline.test.elasticsearch-home");
        assumeTrue(home != null && Files.isExecutable(Path.of(home, "bin/elasticsearch")),
                "the Elasticsearch distribution is unpacked by the build");
        try (var node = LocalElasticsearchNode.start(Path.of(home), Files.createTempDirectory("hotline-es-sec"), "256m",
                "hotline*")) {
            assertThat(send(node, "GET", "/_cluster/health", false)).isEqualTo(401);
            assertThat(send(node, "GET", "/hotline-case/_search", false)).isEqualTo(401);

            assertThat(send(node, "GET", "/_cluster/health", true)).isEqualTo(200);
            assertThat(send(node, "PUT", "/hotline-case-1", true)).isEqualTo(200);
            assertThat(send(node, "GET", "/hotline-case-1/_search", true)).isEqualTo(200);
            assertThat(send(node, "PUT", "/someone-elses", true)).as("outside its indices").isEqualTo(403);
            assertThat(send(node, "GET", "/_security/user", true)).as("no user management").isEqualTo(403);
        }
    }

    private int send(LocalElasticsearchNode node, String method, String path, boolean signedIn) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(node.url() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (signedIn) {
            b.header("Authorization", node.credentials().basicHeader());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
