package kz.hotline114.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * After a day of starts and stops, 27 orphaned local nodes held 20 GB: an app stopped while its node was still
 * starting, or killed, left the node running. Now the node lives and dies with the JVM that started it, and a start
 * stops an orphan of its own data directory.
 */
class LocalElasticsearchLifecycleIT {

    @Test
    void killing_the_app_with_minus_9_while_its_node_starts_leaves_no_node() throws Exception {
        var home = System.getProperty("hotline.test.elasticsearch-home");
        assumeTrue(home != null && Files.isExecutable(Path.of(home, "bin/elasticsearch")), "the distribution");
        var dataDir = Files.createTempDirectory("hotline-es-orphan");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), NodeStarter.class.getName(),
                home, dataDir.toString()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-app.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (LocalElasticsearchNode.processesOf(dataDir).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // well inside the node's ~15 s start
            assertThat(LocalElasticsearchNode.processesOf(dataDir)).as("the node is starting").hasSizeGreaterThan(1);
        } finally {
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!LocalElasticsearchNode.processesOf(dataDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(LocalElasticsearchNode.processesOf(dataDir)).as("processes still running for " + dataDir)
                .extracting(p -> p.info().commandLine().orElse("?")).isEmpty();
    }

    @Test
    void a_start_stops_a_node_an_earlier_run_left_on_its_data_directory() throws Exception {
        var dataDir = Files.createTempDirectory("hotline-es-left");
        var pb = new ProcessBuilder("sleep", "300");
        pb.environment().put(LocalElasticsearchNode.MARKER, dataDir.toAbsolutePath().toString());
        var orphan = pb.start();
        try {
            assertThat(LocalElasticsearchNode.processesOf(dataDir)).extracting(ProcessHandle::pid).contains(orphan.pid());
            LocalElasticsearchNode.stopOrphan(dataDir);
            assertThat(orphan.waitFor(25, TimeUnit.SECONDS)).isTrue();
        } finally {
            orphan.destroyForcibly();
        }
    }
}
