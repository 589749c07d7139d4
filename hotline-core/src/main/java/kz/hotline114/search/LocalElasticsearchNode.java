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
import java.util.Arrays;
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
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
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
            // the node lives and dies with this JVM: a small shell watches this process and stops the node's whole
            // process group when it is gone (killed, even with -9, or stopped while the node was still starting)
            command.addAll(List.of("sh", "-c", WATCHER, "hotline-es-watch", String.valueOf(ProcessHandle.current().pid()),
                    dataDir.toAbsolutePath().toString()));
            if (root) {
                ensureUser();
                // the data is the node's; the distribution is only read (never chowned: it may be a checkout)
                run(List.of("chown", "-R", USER + ":" + USER, dataDir.toString()));
                home = readableBy(USER, home);
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

    /** The environment variable that marks every process of a node (launcher and server alike): its data directory. */
    static final String MARKER = "HOTLINE_ES_NODE";

    /**
     * Runs the node's command with {@value #MARKER} set to the data directory — inherited by every process the
     * node starts, whatever session or group it puts them in (Elasticsearch's server launcher starts its own) — and
     * stops all of them (TERM, then KILL after 20 s) when the JVM whose pid it was given is gone, when the node's
     * command ends, or when it is itself told to stop.
     */
    static final String WATCHER = """
            jvm=$1; marker=$2; shift 2
            HOTLINE_ES_NODE="$marker" "$@" &
            es=$!
            members() {
                for f in /proc/[0-9]*/environ; do
                    p=${f#/proc/}; p=${p%/environ}
                    [ "$p" = "$$" ] && continue
                    if tr '\\0' '\\n' < "$f" 2>/dev/null | grep -qxF "HOTLINE_ES_NODE=$marker"; then echo "$p"; fi
                done
            }
            stop() {
                trap '' TERM INT HUP
                pids=$(members); [ -n "$pids" ] && kill -TERM $pids 2>/dev/null
                i=0
                while [ -n "$(members)" ] && [ $i -lt 20 ]; do sleep 1; i=$((i+1)); done
                pids=$(members); [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
                exit 0
            }
            trap stop TERM INT HUP
            while kill -0 "$jvm" 2>/dev/null && kill -0 "$es" 2>/dev/null; do sleep 1; done
            stop
            """;

    /** Every running process of the node of this data directory (by its {@value #MARKER}), this JVM's excepted. */
    static List<ProcessHandle> processesOf(Path dataDir) {
        var entry = (MARKER + "=" + dataDir.toAbsolutePath()).getBytes(StandardCharsets.UTF_8);
        return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid()).filter(p -> {
            try {
                var environ = Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "environ"));
                return containsEntry(environ, entry);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
    }

    private static boolean containsEntry(byte[] environ, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length && Arrays.equals(environ, start, i, entry, 0, entry.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** A node of this data directory left running (by a JVM that died before the watcher existed): stopped. */
    static void stopOrphan(Path dataDir) {
        var orphans = processesOf(dataDir);
        if (orphans.isEmpty()) {
            return;
        }
        log.warn("An Elasticsearch node of {} is still running from an earlier start (pids {}): stopping it", dataDir,
                orphans.stream().map(ProcessHandle::pid).toList());
        orphans.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (orphans.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        orphans.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The distribution as {@code user} can read it: where it is, when the user can reach it; otherwise (a checkout in
     * a home directory of mode 700) a copy under /var/tmp, made once per distribution, owned by the user.
     */
    private static Path readableBy(String user, Path home) throws IOException, InterruptedException {
        var check = new ProcessBuilder("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "test", "-x",
                home.resolve("bin/elasticsearch").toString(), "-a", "-r", home.resolve("lib").toString())
                .redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        if (check.waitFor() == 0) {
            return home;
        }
        var copy = Path.of("/var/tmp/hotline114-elasticsearch", home.getFileName().toString());
        if (!Files.isExecutable(copy.resolve("bin/elasticsearch"))) {
            log.info("{} cannot read {}: copying the distribution to {}", user, home, copy);
            Files.createDirectories(copy.getParent());
            run(List.of("rm", "-rf", copy.toString()));
            run(List.of("cp", "-a", home.toString(), copy.toString()));
            run(List.of("chown", "-R", user + ":" + user, copy.getParent().toString()));
        }
        return copy;
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
        process.destroy(); // the watcher stops the node's process group, then exits
        try {
            if (process.waitFor(25, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroy);
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
