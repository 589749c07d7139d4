package kz.hotline114.ui.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One node of the application as its own JVM ({@code java -jar target/hotline-ui.jar}, the jar the build just made),
 * its output in a file the test reads; killed with SIGKILL ({@code kill -9}) or stopped as an operator would.
 */
final class AppNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AppNode start(String name, Path dir, List<String> args) throws IOException {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var java = ProcessHandle.current().info().command().orElse("java");
        var cmd = new ArrayList<>(List.of(java, "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", Path.of("target", "hotline-ui.jar").toAbsolutePath().toString(), "--server.port=" + port,
                "--hotline.data-dir=" + dir.resolve(name + "-data"), "--hotline.cluster.node-id=" + name,
                "--spring.main.banner-mode=off"));
        cmd.addAll(args);
        var log = dir.resolve(name + ".log");
        var process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppNode(name, port, log, process);
    }

    /** Until {@code /actuator/health} answers UP. */
    void awaitUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited: " + tail());
            }
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not up in " + timeout + ": " + tail());
    }

    /** A GET as the admin (basic authentication, as a script would). */
    String get(String path, String adminPassword) throws Exception {
        var auth = Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(name + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Until a line of the node's output matches; returns the nanoTime it was first seen. */
    long awaitLine(String regex, Duration timeout) throws Exception {
        var pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .anyMatch(l -> pattern.matcher(l).find())) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + ": no line /" + regex + "/ in " + timeout + ": " + tail());
    }

    boolean logged(String regex) throws IOException {
        var pattern = Pattern.compile(regex);
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(l -> pattern.matcher(l).find());
    }

    /** {@code kill -9}: no shutdown hook, no logoff, no lease given back. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
