package kz.hotline114.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start (issue 21; not a test): the application as the README runs it — its own JVM, the build's AOT cache —
 * started on a fresh data directory and then again on the same one, each timed from the process start to
 * {@code /actuator/health} answering UP (asked as a load balancer does, without credentials, every 50 ms).
 * {@code --baseline} times the fat jar without the cache too.
 *
 * <p>Usage: {@code … -Dloader.main=kz.hotline114.bench.ColdStartBenchmark … [--runs=3] [--baseline]
 * [--app=hotline-ui/target/app]}
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        boolean baseline = false;
        var app = Path.of("hotline-ui/target/app");
        for (var a : args) {
            if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else if (a.equals("--baseline")) {
                baseline = true;
            } else if (a.startsWith("--app=")) {
                app = Path.of(a.substring(6));
            }
        }
        var jar = app.resolve("hotline-ui.jar");
        var cache = app.resolve("hotline-ui.aot");
        if (!Files.exists(jar) || !Files.exists(cache)) {
            throw new IllegalStateException("no " + jar + " / " + cache + ": build hotline-ui first (./mvnw package)");
        }
        measure("with the AOT cache (README)", runs, List.of("-XX:AOTCache=" + cache, "-jar", jar.toString()));
        if (baseline) {
            var fat = app.getParent().resolve("hotline-ui.jar");
            measure("fat jar, no cache", runs, List.of("-jar", fat.toString()));
        }
        System.exit(0);
    }

    private static void measure(String what, int runs, List<String> command) throws Exception {
        var fresh = new ArrayList<Double>();
        var existing = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            var dataDir = Files.createTempDirectory("hotline-cold-start");
            fresh.add(once(command, dataDir));
            existing.add(once(command, dataDir));
            System.out.printf(Locale.ROOT, "   %s, run %d: fresh %.2f s, existing %.2f s%n", what, i + 1, fresh.getLast(),
                    existing.getLast());
        }
        fresh.sort(null);
        existing.sort(null);
        System.out.printf(Locale.ROOT, "COLD START %s: fresh data dir p50 %.2f s (min %.2f), existing p50 %.2f s (min %.2f)%n",
                what, fresh.get(fresh.size() / 2), fresh.getFirst(), existing.get(existing.size() / 2),
                existing.getFirst());
    }

    /** Seconds from starting the JVM to health UP; the process is then stopped (SIGTERM) and awaited. */
    private static double once(List<String> command, Path dataDir) throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(command);
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("HOTLINE_DATA_DIR", dataDir.toString());
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("HOTLINE_ADMIN_PASSWORD", "cold-start-bench");
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long t0 = System.nanoTime();
        var process = pb.start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited with " + process.exitValue());
                }
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException("no health UP within 120 s");
                }
                try {
                    var body = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
                    if (body.endsWith("\"status\":\"UP\"}")) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Thread.sleep(3000); // the embedded PostgreSQL's own processes end after the JVM
        }
    }
}
