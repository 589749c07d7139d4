package kz.hotline114.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A single-node Elasticsearch started from an unpacked distribution (the integ-test-zip), for the
 * README's run command and for the tests. Elasticsearch refuses to run as root: then it runs as the
 * unprivileged user {@value #USER} (created once), through {@code setpriv}.
 */
public final class LocalElasticsearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearchNode.class);
    static final String USER = "hotline-es";
    static final String APP_USER = "hotline_app";
    static final String APP_ROLE = "hotline_app";

    private final Process process;
    private final String url;
    private final Credentials credentials;

    private LocalElasticsearchNode(Process process, String url, Credentials credentials) {
        this.process = process;
        this.url = url;
        this.credentials = credentials;
    }

    public String url() {
        return url;
    }

    /** The only user of the node (file realm, made at each start): all it may do is work on the named indices. */
    public Credentials credentials() {
        return credentials;
    }

    /** A user name and password (HTTP Basic). */
    public record Credentials(String username, String password) {
        public String basicHeader() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    /**
     * Starts a node on free ports with its data under {@code dataDir}; waits until it answers (up to 90 s). Security
     * is on: its one user ({@value #APP_USER}, a password generated now) may only monitor the cluster and work on the
     * indices matching {@code indexPattern}; anonymous requests get 401.
     */
    public static LocalElasticsearchNode start(Path home, Path dataDir, String heap, String indexPattern) {
        try {
            var credentials = new Credentials(APP_USER, randomPassword());
            var config = configure(home, dataDir, credentials, indexPattern);
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
                    "-E", "discovery.type=single-node", "-E", "xpack.security.enabled=true", "-E",
                    "xpack.security.http.ssl.enabled=false", "-E", "xpack.security.transport.ssl.enabled=false", "-E",
                    "path.data=" + data, "-E", "path.logs=" + logs, "-E",
                    "cluster.routing.allocation.disk.threshold_enabled=false"));
            var pb = new ProcessBuilder(command);
            pb.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("ES_PATH_CONF", config.toString());
            pb.environment().put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
            pb.redirectErrorStream(true);
            pb.redirectOutput(dataDir.resolve("console.log").toFile());
            log.info("Starting a local Elasticsearch node from {} on port {}", home, http);
            var process = pb.start();
            var url = "http://127.0.0.1:" + http;
            var node = new LocalElasticsearchNode(process, url, credentials);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + "; see "
                            + dataDir.resolve("console.log"));
                }
                if (answers(url, credentials)) {
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

    /**
     * The node's own configuration directory (ES_PATH_CONF): the distribution's files, and the file realm's user,
     * its password hash (bcrypt) and its role — nothing from the shared distribution directory is changed.
     */
    private static Path configure(Path home, Path dataDir, Credentials credentials, String indexPattern)
            throws IOException {
        var config = dataDir.resolve("config");
        Files.createDirectories(config.resolve("jvm.options.d"));
        for (var file : List.of("elasticsearch.yml", "jvm.options", "log4j2.properties", "role_mapping.yml",
                "elasticsearch.keystore")) {
            var source = home.resolve("config").resolve(file);
            if (Files.exists(source)) {
                Files.copy(source, config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(config.resolve("users"), credentials.username() + ":"
                + new BCryptPasswordEncoder().encode(credentials.password()) + "\n");
        Files.writeString(config.resolve("users_roles"), APP_ROLE + ":" + credentials.username() + "\n");
        Files.writeString(config.resolve("roles.yml"), APP_ROLE + ":\n  cluster: [\"monitor\"]\n  indices:\n"
                + "    - names: [\"" + indexPattern + "\"]\n      privileges: [\"all\"]\n");
        return config;
    }

    private static String randomPassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean answers(String url, Credentials credentials) {
        try {
            var c = (HttpURLConnection) URI.create(url + "/_cluster/health").toURL().openConnection();
            c.setRequestProperty("Authorization", credentials.basicHeader());
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
