package kz.hotline114.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.EventSource;
import kz.hotline114.support.TestDatabase;
import kz.hotline114.support.TestPbx;
import kz.hotline114.ui.UiIT;

/**
 * Two nodes of the application, each its own JVM, on one PostgreSQL and two PBXs (replay servers sending every event
 * to both nodes, as Asterisk sends them to every manager session): node A journals both PBXs; both nodes' live boards
 * agree; A is killed with {@code kill -9} in the middle of a burst; B takes both over within the lease's time to live
 * and journals what A did not — every event each PBX sent is in the journal exactly once, under that PBX, every call
 * logged once and finished.
 */
class TwoNodesIT {

    private static final int COPIES = 5;

    /** One of the two PBXs: its replay server (every event to both nodes), what it will send, its hand-off. */
    private record Pbx(String id, AmiReplayServer server, List<AmiPacket> packets, LinkedBlockingQueue<AmiPacket> queue)
            implements AutoCloseable {

        static Pbx start(String id, int copies) throws Exception {
            var queue = new LinkedBlockingQueue<AmiPacket>();
            var server = AmiReplayServer.builder(queue::take).port(0).bindAddress(InetAddress.getLoopbackAddress())
                    .username("hotline").secret(TestPbx.SECRET).broadcastTo(2).eventsPerSecond(2_500).name(id).start();
            return new Pbx(id, server, burst(copies), queue);
        }

        List<String> args(int i) {
            var prefix = "--hotline.pbx[" + i + "].";
            return List.of(prefix + "id=" + id, prefix + "host=127.0.0.1", prefix + "port=" + server.port(),
                    prefix + "username=hotline", prefix + "secret=" + TestPbx.SECRET);
        }

        void send(int from, int to) throws InterruptedException {
            queue.addAll(packets.subList(from, to));
            await(Duration.ofSeconds(90), () -> server.eventsSent() >= to);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void the_journaling_node_killed_mid_burst_loses_and_doubles_nothing() throws Exception {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var dir = Files.createTempDirectory("two-nodes");
        var jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), TestDatabase.url(),
                TestDatabase.user(), TestDatabase.password()));
        // two regional PBXs; the same recordings on both (the same Linkedids too: each PBX's calls are keyed by its id)
        try (var almaty = Pbx.start("almaty-" + id, COPIES); var astana = Pbx.start("astana-" + id, COPIES - 2)) {
            var args = new ArrayList<>(List.of("--spring.datasource.url=" + TestDatabase.url(),
                    "--spring.datasource.username=" + TestDatabase.user(),
                    "--spring.datasource.password=" + TestDatabase.password(),
                    "--hotline.ami.initial-backoff=200ms", "--hotline.ami.reconcile.enabled=false",
                    "--hotline.cluster.region=two-nodes-" + id, "--hotline.cluster.lease-ttl=3s",
                    "--hotline.cluster.heartbeat=300ms", "--hotline.elasticsearch.home=" + dir.resolve("no-es"),
                    "--hotline.admin-password=" + UiIT.ADMIN_PASSWORD, "--hotline.quality.monthly-sample=false"));
            args.addAll(almaty.args(0));
            args.addAll(astana.args(1));
            try (var a = AppNode.start("node-a", dir, args)) {
                a.awaitLine("Node node-a holds the lease 'journal:" + astana.id() + "'", Duration.ofMinutes(3));
                a.awaitLine("Node node-a holds the lease 'journal:" + almaty.id() + "'", Duration.ofMinutes(1));
                a.awaitUp(Duration.ofMinutes(3));
                try (var b = AppNode.start("node-b", dir, args)) {
                    b.awaitUp(Duration.ofMinutes(3));
                    assertThat(b.logged("holds the lease 'journal:")).as("one node journals each PBX").isFalse();

                    var firstHalf = Thread.ofVirtual().start(() -> sendQuietly(astana, 0, astana.packets().size() / 2));
                    almaty.send(0, almaty.packets().size() / 2);
                    firstHalf.join();
                    // the whole line and each PBX's part of it (?pbx=)
                    var boards = List.of("/api/live", "/api/live?pbx=" + almaty.id(), "/api/live?pbx=" + astana.id());
                    long agreed = await(Duration.ofSeconds(10), () -> sameLine(a, b, boards));
                    System.out.printf("both nodes' /api/live agreed %d ms after the PBXs' last events%n", agreed);
                    // the figure is for the note; the bound only catches a node that does not follow at all, on a
                    // loaded machine too
                    assertThat(agreed).as("the two live boards agree").isLessThan(3_000);
                    assertThat((List<?>) line(b, boards.get(1)).get("queues")).as("Almaty's own board").isNotEmpty();

                    var rest = Thread.ofVirtual().start(() -> sendQuietly(astana, astana.packets().size() / 2,
                            astana.packets().size()));
                    almaty.queue().addAll(almaty.packets().subList(almaty.packets().size() / 2,
                            almaty.packets().size()));
                    await(Duration.ofSeconds(60), () -> almaty.server().eventsSent() >= almaty.packets().size() * 3 / 4);
                    long killedAt = System.nanoTime();
                    a.kill();
                    for (var pbx : List.of(almaty, astana)) {
                        long took = (b.awaitLine("journals " + pbx.id() + "'s events from now on",
                                Duration.ofSeconds(30)) - killedAt) / 1_000_000;
                        System.out.printf("%s: takeover after kill -9 of the journaling node: %d ms (lease ttl 3 s); %s%n",
                                pbx.id(), took, b.tail().lines().filter(l -> l.contains(pbx.id() + "'s events from now"))
                                        .findFirst().orElse(""));
                        assertThat(took).as("B journals within the lease's time to live and a few heartbeats")
                                .isLessThan(8_000);
                    }
                    await(Duration.ofSeconds(90), () -> almaty.server().eventsSent() >= almaty.packets().size());
                    rest.join();
                    for (var pbx : List.of(almaty, astana)) {
                        long calls = assertEverythingOnce(jdbc, pbx.id(), pbx.packets());
                        // the recordings' own days: any period that holds them
                        var listed = JsonMapper.builder().build().readTree(b.get("/api/calls?size=1&pbx=" + pbx.id()
                                + "&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", UiIT.ADMIN_PASSWORD));
                        assertThat(listed.path("total").asLong()).as("the call log filtered by PBX").isEqualTo(calls);
                    }
                }
            }
        }
    }

    private static void sendQuietly(Pbx pbx, int from, int to) {
        try {
            pbx.send(from, to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every packet the PBX sent is journaled once; every call is logged once and finished. */
    private static long assertEverythingOnce(JdbcTemplate jdbc, String pbx, List<AmiPacket> packets) throws Exception {
        var sent = packets.stream().map(AmiPacket::toWireString).toList();
        long distinct = new HashSet<>(sent).size();
        var calls = new HashSet<String>();
        for (var p : packets) {
            if ("Newchannel".equals(p.get("Event")) && "from-trunk".equals(p.get("Context"))
                    && !"s".equals(p.get("Exten"))) {
                calls.add(p.get("Linkedid"));
            }
        }
        String broadcast = "from ami_journal where pbx_id = ? and event <> 'FullyBooted' and raw not like '%ActionID:%'";
        try {
            await(Duration.ofSeconds(60), () -> jdbc.queryForObject("select count(*) " + broadcast, Long.class, pbx)
                    >= sent.size() && jdbc.queryForObject("select count(*) from calls where pbx_id = ? and outcome <> "
                    + "'IN_PROGRESS'", Long.class, pbx) >= calls.size());
            Thread.sleep(1_000); // nothing more comes
        } catch (AssertionError e) {
            // the figures below say what is missing
        }
        var counts = jdbc.queryForMap("select count(*) as n, count(distinct raw) as d " + broadcast, pbx);
        System.out.printf("journal: %s rows for %d events sent (%d distinct); calls %d expected%n", counts, sent.size(),
                distinct, calls.size());
        assertThat(((Number) counts.get("n")).longValue()).as("every event journaled once: none lost, none doubled"
                + missing(jdbc, pbx, broadcast, sent)).isEqualTo(sent.size());
        assertThat(((Number) counts.get("d")).longValue()).isEqualTo(distinct);
        var logged = jdbc.queryForList("select linkedid from calls where pbx_id = ?", String.class, pbx);
        assertThat(logged).as("every call logged once").hasSize(calls.size()).containsExactlyInAnyOrderElementsOf(calls);
        assertThat(jdbc.queryForObject("select count(*) from calls where pbx_id = ? and outcome = 'IN_PROGRESS'",
                Long.class, pbx)).isZero();
        return calls.size();
    }

    /** What the journal lacks or has too many of, by position in the stream (for the failure's message). */
    private static String missing(JdbcTemplate jdbc, String pbx, String broadcast, List<String> sent) {
        var there = new java.util.HashMap<String, Integer>();
        jdbc.queryForList("select raw " + broadcast, String.class, pbx)
                .forEach(r -> there.merge(normal(r), 1, Integer::sum));
        var lacking = new ArrayList<String>();
        for (int i = 0; i < sent.size(); i++) {
            var raw = normal(sent.get(i));
            if (there.merge(raw, -1, Integer::sum) < 0) {
                lacking.add("#" + i + " " + raw.replace("\n", " | "));
            }
        }
        var extra = there.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).limit(5).toList();
        return "; lacking " + lacking.size() + ": " + lacking.subList(0, Math.min(8, lacking.size())) + "; extra: " + extra;
    }

    private static String normal(String packet) {
        return String.join("\n", packet.strip().lines().map(String::stripTrailing).toList());
    }

    /** Copies of the recorded calls (ids, numbers and times new in each), the answers to actions and the
     * recordings' own session starts left out. */
    private static List<AmiPacket> burst(int copies) throws InterruptedException {
        var source = EventSource.of(AmiTranscript.bundled(), copies);
        var out = new ArrayList<AmiPacket>();
        for (var p = source.next(); p != null; p = source.next()) {
            if (p.get("ActionID") == null && !"FullyBooted".equals(p.get("Event"))) { // each session has its own
                out.add(p);
            }
        }
        return out;
    }

    private static boolean sameLine(AppNode a, AppNode b, List<String> boards) {
        try {
            for (var board : boards) {
                if (!line(a, board).equals(line(b, board))) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** What the live model says (calls in progress, each queue's counts); the day's figures come from the database. */
    private static Map<String, Object> line(AppNode node, String board) throws Exception {
        JsonNode live = JsonMapper.builder().build().readTree(node.get(board, UiIT.ADMIN_PASSWORD));
        var queues = new ArrayList<String>();
        for (var q : live.path("queues")) {
            queues.add(q.path("name").asString() + " waiting " + q.path("waiting").asString() + " talking "
                    + q.path("talking").asString() + " available " + q.path("available").asString() + " paused "
                    + q.path("paused").asString());
        }
        return Map.of("callsInProgress", live.path("callsInProgress").asString(), "queues", queues);
    }

    private static long await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

}
