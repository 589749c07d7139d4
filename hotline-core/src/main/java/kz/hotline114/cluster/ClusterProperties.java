package kz.hotline114.cluster;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cluster ({@code hotline.cluster.*}).
 *
 * @param nodeId    this node's name (health, logs); empty = the host name and a random suffix
 * @param region    the lock table's region: the nodes of one cluster share it (tests give each context its own)
 * @param leaseTtl  a lease not renewed this long is free for another node
 * @param heartbeat how often the holder renews its leases, and how often the others try to take them
 * @param leases    the leases this node competes for (the scheduler's by default; each PBX's journal lease is added by
 *                  the PBX's link)
 * @param keepRecent    how long a node that does not journal a PBX keeps the events it read, for the take-over
 *                      (30 s; at least twice {@code leaseTtl})
 * @param keepRecentMax the most events it keeps per PBX (beyond, the PBX's own records fill a take-over's gap)
 */
@ConfigurationProperties("hotline.cluster")
public record ClusterProperties(@Nullable String nodeId, String region, Duration leaseTtl, Duration heartbeat,
                                List<String> leases, Duration keepRecent, Integer keepRecentMax) {

    public ClusterProperties {
        region = region == null || region.isBlank() ? "hotline" : region;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
        heartbeat = heartbeat == null ? Duration.ofSeconds(2) : heartbeat;
        leases = leases == null || leases.isEmpty() ? List.of(NodeLeases.SCHEDULER) : List.copyOf(leases);
        keepRecent = keepRecent == null ? Duration.ofSeconds(30) : keepRecent;
        keepRecentMax = keepRecentMax == null ? 100_000 : keepRecentMax;
        if (!heartbeat.minus(leaseTtl).isNegative()) {
            throw new IllegalArgumentException("hotline.cluster.heartbeat must be shorter than lease-ttl");
        }
        if (keepRecent.compareTo(leaseTtl.multipliedBy(2)) < 0) {
            // a take-over comes at most lease-ttl and a heartbeat after the holder's last journaled event
            throw new IllegalArgumentException("hotline.cluster.keep-recent must be at least twice lease-ttl");
        }
    }
}
