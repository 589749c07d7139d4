package kz.hotline114.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import kz.hotline114.cluster.ClusterProperties;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestDatabase;

/**
 * Two nodes on the real PostgreSQL (the lock table of V65): one holds the leases, the other none; the holder loses its
 * database (its pool closed under it) → it gives its leases up and the other node takes both over within the lease's
 * time to live; the new holder stops → a third node takes them at once. The takeover time is printed for the note.
 */
class NodeLeasesIT extends TelephonyIT {

    private static final Set<String> LEASES = Set.of(NodeLeases.SCHEDULER, "journal:pbx-a");

    @Autowired
    DataSource shared;
    @Autowired
    NodeLeases thisContexts;

    private static ClusterProperties props(String node, String region) {
        return new ClusterProperties(node, region, Duration.ofSeconds(3), Duration.ofMillis(300), List.copyOf(LEASES), null, null);
    }

    private static long await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void a_lease_has_one_holder_and_another_node_takes_it_over_when_the_holder_loses_its_database_or_stops()
            throws Exception {
        // the test context's own node takes its lease within a heartbeat or two of the context's start
        await(Duration.ofSeconds(10), () -> thisContexts.holds(NodeLeases.SCHEDULER));
        String region = "it-" + UUID.randomUUID();
        var poolA = new HikariDataSource(); // node A's own pool: its database can be taken from it alone
        poolA.setJdbcUrl(TestDatabase.url());
        poolA.setUsername(TestDatabase.user());
        poolA.setPassword(TestDatabase.password());
        poolA.setMaximumPoolSize(3);
        poolA.setConnectionTimeout(1_000);
        var a = new JdbcNodeLeases(poolA, props("node-a", region));
        var b = new JdbcNodeLeases(shared, props("node-b", region));
        var c = new JdbcNodeLeases(shared, props("node-c", region));
        try {
            a.start();
            await(Duration.ofSeconds(10), () -> a.held().equals(LEASES));
            b.start();
            Thread.sleep(1_500);
            assertThat(b.held()).as("one holder at a time").isEmpty();
            assertThat(a.nodeId()).isEqualTo("node-a");

            poolA.close(); // A's database is gone
            long takeover = await(Duration.ofSeconds(15), () -> b.held().equals(LEASES));
            long gaveUp = await(Duration.ofSeconds(10), () -> a.held().isEmpty());
            System.out.printf("lease takeover after the holder lost its database: %d ms (ttl 3 s); A gave up within"
                    + " %d ms more%n", takeover, gaveUp);
            assertThat(takeover).as("within the lease's time to live and a few heartbeats").isLessThan(8_000);

            c.start();
            Thread.sleep(1_000);
            assertThat(c.held()).isEmpty();
            long before = System.nanoTime();
            b.stop(); // a node that stops gives its leases up: the next one takes them at once
            await(Duration.ofSeconds(5), () -> c.held().equals(LEASES));
            System.out.printf("lease takeover after the holder stopped: %d ms%n", (System.nanoTime() - before) / 1_000_000);
            assertThat(b.held()).isEmpty();
        } finally {
            a.stop();
            b.stop();
            c.stop();
            poolA.close();
        }
    }
}
