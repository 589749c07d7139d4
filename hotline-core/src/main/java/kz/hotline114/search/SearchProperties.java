package kz.hotline114.search;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Elasticsearch ({@code hotline.elasticsearch.*}).
 *
 * @param url           a cluster to use (e.g. {@code http://elasticsearch:9200}, or its nodes separated by commas);
 *                      empty = start a local node
 * @param home          where the local node's distribution is unpacked (the integ-test-zip the build unpacks);
 *                      when absent too, search falls back to PostgreSQL's full text
 * @param indexPrefix   index and alias names start with it ({@code hotline-cases})
 * @param relayInterval how often the outbox is drained into the index
 * @param heap          heap of the local node
 * @param username      with {@code password}: the user the app signs in to {@code url}'s cluster as (security on)
 * @param startDelay    how long after the application is ready the local node starts (its JVM takes both cores of a
 *                      small server for seconds: not while the application's first requests are served)
 */
@ConfigurationProperties("hotline.elasticsearch")
public record SearchProperties(@Nullable String url, @Nullable Path home, String indexPrefix, Duration relayInterval,
                               String heap, @Nullable String username, @Nullable String password,
                               Duration startDelay) {

    /** The cluster's user for {@code url} (HOTLINE_ELASTICSEARCH_USERNAME/_PASSWORD), if one is set. */
    public LocalElasticsearchNode.@Nullable Credentials credentials() {
        return username == null || username.isBlank() ? null
                : new LocalElasticsearchNode.Credentials(username, password == null ? "" : password);
    }

    public SearchProperties {
        indexPrefix = indexPrefix == null || indexPrefix.isBlank() ? "hotline" : indexPrefix;
        relayInterval = relayInterval == null ? Duration.ofSeconds(1) : relayInterval;
        heap = heap == null || heap.isBlank() ? "512m" : heap;
        startDelay = startDelay == null ? Duration.ofSeconds(10) : startDelay;
    }
}
