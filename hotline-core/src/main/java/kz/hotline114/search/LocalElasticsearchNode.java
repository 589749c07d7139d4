package kz.hotline114.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch started from an unpacked distribution (the integ-test-zip), for the
 * README's run command and for the tests. Elasticsearch refuses to run as root: then it runs as the
 * unprivileged user {@value #USER} (created once), through {@code setpriv}.
 */
public final class LocalElasticsearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearchNode.class);
    static final String USER = "hotline-es";

    private final Process process;
    private final String url;

    private LocalElasticsearchNode(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** Starts a node on free ports with its data under {@code dataDir}; waits until it answers (up to 90 s). */
    public static LocalElasticsearchNode start(Path home, Path dataDir, String heap) {
        try {
            int http = freePort();
            int transport = freePort();
            var data = dataDir.resolve("data");
            var logs = dataDir.resolve("logs");
            Files.createDirectories(data);
            Files.createDirectories(logs);
            var command = new ArrayList<String>();
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                ensureUser();
                run(List.of("chown", "-R", USER + ":" + USER, home.toString(), dataDir.toString()));
                command.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups"));
            }
            command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-E", "http.port=" + http, "-E",
                    "transport.port=" + transport, "-E", "http.host=127.0.0.1", "-E", "transport.host=127.0.0.1",
                    "-E", "discovery.type=single-node", "-E", "xpack.security.enabled=false", "-E",
                    "path.data=" + data, "-E", "path.logs=" + logs, "-E",
                    "cluster.routing.allocation.disk.threshold_enabled=false"));
            var pb = new ProcessBuilder(command);
            pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
            pb.redirectErrorStream(true);
            pb.redirectOutput(dataDir.resolve("console.log").toFile());
            log.info("Starting a local Elasticsearch node from {} on port {}", home, http);
            var process = pb.start();
            var url = "http://127.0.0.1:" + http;
            var node = new LocalElasticsearchNode(process, url);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + "; see "
                            + dataDir.resolve("console.log"));
                }
                if (answers(url)) {
                    log.info("Local Elasticsearch node is up at {}", url);
                    return node;
                }
                Thread.sleep(250);
            }
            node.close();
            throw new IllegalStateException("Elasticsearch did not answer within 90 s; see " + dataDir.resolve("console.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(String url) {
        try {
            var c = (HttpURLConnection) URI.create(url + "/_cluster/health").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensureUser() throws IOException, InterruptedException {
        if (new ProcessBuilder("id", "-u", USER).start().waitFor() != 0) {
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
