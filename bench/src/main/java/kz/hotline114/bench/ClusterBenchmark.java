package kz.hotline114.bench;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.EventSource;

/**
 * Several nodes and several PBXs (issue 20): two application nodes (the real jar, each its own JVM) on one PostgreSQL,
 * two PBXs (replay servers sending every event to both nodes, as Asterisk sends them to every manager session).
 *
 * <ol>
 * <li><b>Ingestion with two PBXs at full speed</b>: {@code --copies} copies of the recorded calls on each PBX, pushed
 *     as fast as the sockets take them; events/s until every event is journaled, call rows/s until every call is
 *     logged and finished.</li>
 * <li><b>Takeover</b>: both PBXs send at {@code --rate} events/s each; {@code --kills} times the node journaling them
 *     is killed with {@code kill -9}, the time until the other journals (its log says so) is measured, and the killed
 *     node is started again (it becomes the standby). At the end: every event each PBX sent is in the journal exactly
 *     once.</li>
 * </ol>
 *
 * Usage: {@code java -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.ClusterBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--kills=20] [--copies=20] [--rate=1000]
 * [--jar=hotline-ui/target/hotline-ui.jar] [--look=0]} ({@code --look=N}: N seconds to look at both nodes before
 * the kills)
 */
public final class ClusterBenchmark {

    private static final String SECRET = "bench-secret";
    private static final String PASSWORD = "bench-admin-114";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ClusterBenchmark() {
    }

    /** One PBX: its replay server fed from a queue, and how many events it was given. */
    private record Pbx(String id, AmiReplayServer server, LinkedBlockingQueue<AmiPacket> queue, AtomicLong given)
            implements AutoCloseable {

        @Override
        public void close() {
            server.close();
        }

        static Pbx start(String id) throws IOException {
            var queue = new LinkedBlockingQueue<AmiPacket>();
            var server = AmiReplayServer.builder(queue::take).port(0).bindAddress(InetAddress.getLoopbackAddress())
                    .username("hotline").secret(SECRET).broadcastTo(2).name(id).start();
            return new Pbx(id, server, queue, new AtomicLong());
        }

        void give(List<AmiPacket> packets) {
            queue.addAll(packets);
            given.addAndGet(packets.size());
        }
    }

    /** One node's JVM; started again under the same name after a kill (a new log each time). */
    private static final class Node {
        final String name;
        final List<String> args;
        final Path dir;
        Process process;
        Path log;
        int port;
        int starts;

        Node(String name, List<String> args, Path dir) {
            this.name = name;
            this.args = args;
            this.dir = dir;
        }

        void start(String jar) throws IOException {
            try (var s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var cmd = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar,
                    "--server.port=" + port, "--hotline.data-dir=" + dir.resolve(name + "-data"),
                    "--hotline.cluster.node-id=" + name, "--spring.main.banner-mode=off"));
            cmd.addAll(args);
            log = dir.resolve(name + "-" + (++starts) + ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        void awaitUp() throws Exception {
            await(Duration.ofMinutes(3), () -> {
                try {
                    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }

        long count(String text) {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).count();
            } catch (IOException e) {
                return 0;
            }
        }

        /** Whether this incarnation journals the PBX now: it took the lease, and has not given it up since. */
        boolean journals(String pbx) {
            return count("journals " + pbx + "'s events from now on") > count("no longer journals " + pbx)
                    + count("Stopped journaling " + pbx);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public static void main(String[] args) throws Exception {
        int kills = intArg(args, "kills", 20);
        int copies = intArg(args, "copies", 20);
        int rate = intArg(args, "rate", 1000);
        var jar = arg(args, "jar", "hotline-ui/target/hotline-ui.jar");
        var dir = Files.createTempDirectory("hotline-cluster");
        try (var pg = EmbeddedPostgres.builder().start(); var ala = Pbx.start("almaty"); var ast = Pbx.start("astana")) {
            var url = pg.getJdbcUrl("postgres", "postgres");
            var jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
            var common = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--hotline.ami.initial-backoff=200ms",
                    "--hotline.ami.reconcile.enabled=false", "--hotline.cluster.lease-ttl=3s",
                    "--hotline.cluster.heartbeat=300ms", "--hotline.elasticsearch.home=" + dir.resolve("no-es"),
                    "--hotline.admin-password=" + PASSWORD, "--logging.level.root=WARN",
                    "--logging.level.kz.hotline114.pbx=INFO", "--logging.level.kz.hotline114.cluster=INFO"));
            int i = 0;
            for (var pbx : List.of(ala, ast)) {
                var prefix = "--hotline.pbx[" + i++ + "].";
                common.addAll(List.of(prefix + "id=" + pbx.id(), prefix + "host=127.0.0.1",
                        prefix + "port=" + pbx.server().port(), prefix + "secret=" + SECRET));
            }
            var a = new Node("node-a", common, dir);
            var b = new Node("node-b", common, dir);
            try {
                a.start(jar);
                a.awaitUp();
                await(Duration.ofMinutes(1), () -> a.journals(ala.id()) && a.journals(ast.id()));
                b.start(jar);
                b.awaitUp();
                Thread.sleep(2_000);
                fullSpeed(jdbc, ala, ast, copies);
                takeovers(jdbc, List.of(a, b), ala, ast, kills, rate, jar, intArg(args, "look", 0));
            } finally {
                for (var n : List.of(a, b)) {
                    if (n.process != null) {
                        n.process.destroy();
                        n.process.waitFor();
                    }
                }
            }
            System.out.println("logs: " + dir);
        }
        System.exit(0);
    }

    private static void fullSpeed(JdbcTemplate jdbc, Pbx ala, Pbx ast, int copies) throws Exception {
        var packets = burst(copies);
        long calls = packets.stream().filter(p -> "Newchannel".equals(p.get("Event"))
                && "from-trunk".equals(p.get("Context")) && !"s".equals(p.get("Exten")))
                .map(p -> p.get("Linkedid")).distinct().count();
        System.out.printf(Locale.ROOT, "%n== two PBXs at full speed: %d events and %d calls on each%n", packets.size(),
                calls);
        long start = System.nanoTime();
        ala.give(packets);
        ast.give(packets);
        await(Duration.ofMinutes(10), () -> journaled(jdbc, ala) >= ala.given().get()
                && journaled(jdbc, ast) >= ast.given().get());
        double journalSeconds = (System.nanoTime() - start) / 1e9;
        await(Duration.ofMinutes(10), () -> finished(jdbc, ala) + finished(jdbc, ast) >= 2 * calls);
        double callSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "every event journaled after %.1f s: %.0f events/s (both PBXs together)%n",
                journalSeconds, 2 * packets.size() / journalSeconds);
        System.out.printf(Locale.ROOT, "every call logged and finished after %.1f s: %.0f call rows/s%n", callSeconds,
                2 * calls / callSeconds);
    }

    private static void takeovers(JdbcTemplate jdbc, List<Node> nodes, Pbx ala, Pbx ast, int kills, int rate,
                                  String jar, int look) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %d kills of the journaling node, both PBXs sending %d events/s each%n",
                kills, rate);
        var feeding = new java.util.concurrent.atomic.AtomicBoolean(true);
        var feeder = Thread.ofPlatform().daemon().start(() -> feed(feeding, rate, ala, ast));
        if (look > 0) { // a person looks at both nodes while the PBXs send
            System.out.printf(Locale.ROOT, "look at both nodes for %d s: http://localhost:%d and http://localhost:%d"
                    + " (admin / %s)%n", look, nodes.get(0).port, nodes.get(1).port, PASSWORD);
            Thread.sleep(look * 1000L);
        }
        var times = new ArrayList<Long>();
        for (int k = 1; k <= kills; k++) {
            var holder = nodes.stream().filter(n -> n.journals(ala.id())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("nobody journals " + ala.id()));
            var other = nodes.get(0) == holder ? nodes.get(1) : nodes.get(0);
            // the standby is logged in to both PBXs (before that, what they send reaches the holder alone: killed
            // then, the PBXs' own records would be all that is left of it), and keeps what they send
            await(Duration.ofMinutes(1), () -> other.count("is up; Asterisk") >= 2);
            Thread.sleep(3_000);
            long before = other.count("journals " + ala.id() + "'s events from now on");
            long before2 = other.count("journals " + ast.id() + "'s events from now on");
            long killedAt = System.nanoTime();
            holder.kill();
            await(Duration.ofSeconds(30), () -> other.count("journals " + ala.id() + "'s events from now on") > before);
            long took = (System.nanoTime() - killedAt) / 1_000_000;
            await(Duration.ofSeconds(30), () -> other.count("journals " + ast.id() + "'s events from now on") > before2);
            long took2 = (System.nanoTime() - killedAt) / 1_000_000;
            times.add(took);
            times.add(took2);
            System.out.printf(Locale.ROOT, "kill %2d of %s: %s journals %s after %d ms, %s after %d ms%n", k,
                    holder.name, other.name, ala.id(), took, ast.id(), took2);
            holder.start(jar);
            holder.awaitUp();
        }
        feeding.set(false);
        feeder.join();
        try {
            await(Duration.ofMinutes(3), () -> journaled(jdbc, ala) >= ala.given().get()
                    && journaled(jdbc, ast) >= ast.given().get());
        } catch (IllegalStateException e) {
            System.out.println("not every event journaled within 3 minutes: the figures below say how many");
        }
        Thread.sleep(2_000);
        times.sort(null);
        System.out.printf(Locale.ROOT, "takeover over %d leases taken over: p50 %d ms, p95 %d ms, max %d ms (ttl 3 s, "
                + "heartbeat 300 ms)%n", times.size(), times.get(times.size() / 2),
                times.get((int) Math.ceil(times.size() * 0.95) - 1), times.getLast());
        for (var pbx : List.of(ala, ast)) {
            var c = jdbc.queryForMap("select count(*) as n, count(distinct raw) as d " + BROADCAST, pbx.id());
            System.out.printf(Locale.ROOT, "%s: %d events sent in all, %s journaled (rows, distinct raw)%n", pbx.id(),
                    pbx.given().get(), c);
        }
    }

    /** Both PBXs' traffic at {@code rate} events/s each, fresh calls all along, until told to stop. */
    private static void feed(java.util.concurrent.atomic.AtomicBoolean feeding, int rate, Pbx... pbxs) {
        try {
            var source = EventSource.of(AmiTranscript.bundled(), 200);
            var chunk = new ArrayList<AmiPacket>();
            while (feeding.get()) {
                chunk.clear();
                for (int n = 0; n < rate / 10; n++) {
                    var p = source.next();
                    if (p == null) {
                        source = EventSource.of(AmiTranscript.bundled(), 200);
                        break;
                    }
                    if (p.get("ActionID") == null && !"FullyBooted".equals(p.get("Event"))) {
                        chunk.add(p);
                    }
                }
                for (var pbx : pbxs) {
                    pbx.give(chunk);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final String BROADCAST = "from ami_journal where pbx_id = ? and event <> 'FullyBooted'"
            + " and raw not like '%ActionID:%'";

    private static long journaled(JdbcTemplate jdbc, Pbx pbx) {
        return jdbc.queryForObject("select count(*) " + BROADCAST, Long.class, pbx.id());
    }

    private static long finished(JdbcTemplate jdbc, Pbx pbx) {
        return jdbc.queryForObject("select count(*) from calls where pbx_id = ? and outcome <> 'IN_PROGRESS'",
                Long.class, pbx.id());
    }

    private static List<AmiPacket> burst(int copies) throws InterruptedException {
        var source = EventSource.of(AmiTranscript.bundled(), copies);
        var out = new ArrayList<AmiPacket>();
        for (var p = source.next(); p != null; p = source.next()) {
            if (p.get("ActionID") == null && !"FullyBooted".equals(p.get("Event"))) {
                out.add(p);
            }
        }
        return out;
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (var a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }
}
