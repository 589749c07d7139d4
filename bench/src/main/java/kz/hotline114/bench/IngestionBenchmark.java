package kz.hotline114.bench;

import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.LinkFaults;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.EventSource;
import kz.hotline114.pbx.PbxLink;

/**
 * Ingestion benchmark (not a test): the recorded Asterisk traffic, multiplied into thousands of
 * distinct calls (ids and numbers rewritten per copy), pushed through a real AMI socket into the
 * real pipeline (Asterisk-Java reader → hand-off → journal → interpretation → call rows in an
 * embedded PostgreSQL).
 *
 * <ol>
 * <li><b>Full speed</b>: all copies as fast as the socket takes them; reports events/s and calls/s
 *     until the last call row is committed.</li>
 * <li><b>Paced</b>: a fresh set of copies at {@code --rate} events/s for {@code --paced-seconds};
 *     reports p50/p95/p99 of the delay from reading an event off the socket to its interpretation
 *     being committed (the {@code hotline.ami.ingestion.lag} timer).</li>
 * </ol>
 * Usage: {@code java -jar bench/target/hotline-bench.jar [--copies=100] [--rate=1000] [--paced-seconds=60]}
 */
@SpringBootApplication(scanBasePackages = "kz.hotline114")
public class IngestionBenchmark {

    public static void main(String[] args) throws Exception {
        int copies = intArg(args, "copies", 100);
        int rate = intArg(args, "rate", 1000);
        int pacedSeconds = intArg(args, "paced-seconds", 60);
        var transcripts = AmiTranscript.bundled();
        long eventsPerPass = transcripts.stream().mapToLong(t -> t.packets().stream()
                .filter(p -> !"FullyBooted".equalsIgnoreCase(p.event())).count()).sum();

        // 0. the raw ceiling: a bare Asterisk-Java connection with a counting listener, same traffic
        double rawRate = raw(transcripts, copies);

        // 1. full speed
        var full = AmiReplayServer.builder(EventSource.of(transcripts, copies)).port(0)
                .bindAddress(InetAddress.getLoopbackAddress()).username("hotline").secret("bench")
                .faults(LinkFaults.heldUntilReleased()).name("bench PBX").start();
        var dataDir = Files.createTempDirectory("hotline-bench");
        var ctx = start(full.port(), dataDir.toString());
        var link = ctx.getBean(PbxLink.class);
        var jdbc = ctx.getBean(JdbcTemplate.class);
        if (!full.awaitLogin(Duration.ofSeconds(30))) {
            throw new IllegalStateException("no login");
        }
        long expectedEvents = (long) copies * transcripts.stream().mapToLong(t -> t.packets().size()).sum();
        System.out.printf(Locale.ROOT, "%n== full speed: %d copies of %d recordings (%d events per pass)%n", copies,
                transcripts.size(), eventsPerPass);
        long receivedBefore = link.status().received();
        long t0 = System.nanoTime();
        full.faults().release();
        full.awaitDone(Duration.ofMinutes(30));
        long sent = full.eventsSent();
        while (link.status().received() - receivedBefore < sent) {
            Thread.sleep(2);
        }
        link.awaitIdle(Duration.ofMinutes(10));
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        long calls = jdbc.queryForObject("select count(*) from calls", Long.class);
        long journaled = jdbc.queryForObject("select count(*) from ami_journal", Long.class);
        System.out.printf(Locale.ROOT, "events sent %d, journaled %d, dropped %d, call rows %d%n", sent, journaled,
                link.status().dropped(), calls);
        System.out.printf(Locale.ROOT, "%.1f s until the last call row was committed: %.0f events/s, %.0f calls/s%n",
                seconds, sent / seconds, calls / seconds);
        double appRate = sent / seconds;
        System.out.printf(Locale.ROOT, "INGESTION RATIO app/raw = %.0f / %.0f = %.2f%n", appRate, rawRate,
                appRate / rawRate);
        ctx.close();
        full.close();
        if (pacedSeconds <= 0) {
            System.exit(0);
        }

        paced(transcripts, copies, rate, pacedSeconds);
        System.exit(0);
    }

    /** 2. paced: fresh copies at {@code rate} events/s; the delay from the socket to the committed interpretation. */
    private static void paced(java.util.List<AmiTranscript> transcripts, int copies, int rate, int pacedSeconds)
            throws Exception {
        var paced = AmiReplayServer.builder(EventSource.of(transcripts, copies * 2 + 10)).port(0)
                .bindAddress(InetAddress.getLoopbackAddress()).username("hotline").secret("bench")
                .eventsPerSecond(rate).faults(LinkFaults.heldUntilReleased()).name("bench PBX paced").start();
        var ctx = start(paced.port(), Files.createTempDirectory("hotline-bench").toString());
        var meters = ctx.getBean(MeterRegistry.class);
        paced.awaitLogin(Duration.ofSeconds(30));
        // skip the warm-up (first 10 s), then measure
        paced.faults().release();
        Thread.sleep(10_000);
        var source = meters.get("hotline.ami.ingestion.lag").timer();
        long countBefore = source.count();
        long sentBefore = paced.eventsSent();
        System.out.printf(Locale.ROOT, "%n== paced: %d events/s for %d s (after 10 s warm-up)%n", rate, pacedSeconds);
        Thread.sleep(pacedSeconds * 1000L);
        long sentDuring = paced.eventsSent() - sentBefore;
        var snap = source.takeSnapshot();
        System.out.printf(Locale.ROOT, "events in the window %d (%.0f/s), lag samples %d%n", sentDuring,
                sentDuring / (double) pacedSeconds, source.count() - countBefore);
        for (var p : snap.percentileValues()) {
            System.out.printf(Locale.ROOT, "event read off the socket → call row committed: p%.0f = %.2f ms%n",
                    p.percentile() * 100, p.value(TimeUnit.MILLISECONDS));
        }
        System.out.printf(Locale.ROOT, "max = %.2f ms, mean = %.2f ms (timer window)%n", snap.max(TimeUnit.MILLISECONDS),
                snap.mean(TimeUnit.MILLISECONDS));
        ctx.close();
        paced.close();
    }

    /**
     * The raw rate: Asterisk-Java alone (a plain {@code ManagerConnection}, a listener that counts) takes the same
     * copies off the same replay server's socket; the clock stops when the last event reached the listener.
     */
    static double raw(java.util.List<AmiTranscript> transcripts, int copies) throws Exception {
        try (var server = AmiReplayServer.builder(EventSource.of(transcripts, copies)).port(0)
                .bindAddress(InetAddress.getLoopbackAddress()).username("hotline").secret("bench")
                .faults(LinkFaults.heldUntilReleased()).name("bench PBX raw").start()) {
            var counted = new java.util.concurrent.atomic.AtomicLong();
            var last = new java.util.concurrent.atomic.AtomicLong();
            var c = new org.asteriskjava.manager.ManagerConnectionFactory("127.0.0.1", server.port(), "hotline", "bench")
                    .createManagerConnection();
            c.addEventListener(e -> {
                counted.incrementAndGet();
                last.set(System.nanoTime());
            });
            c.login();
            server.awaitLogin(Duration.ofSeconds(30));
            Thread.sleep(1000);
            long before = counted.get();
            long t0 = System.nanoTime();
            server.faults().release();
            server.awaitDone(Duration.ofMinutes(30));
            long sent = server.eventsSent();
            // Asterisk-Java makes no event of a type it does not know: wait until the count stops moving
            long seen;
            do {
                seen = counted.get();
                Thread.sleep(1000);
            } while (counted.get() != seen);
            double seconds = (last.get() - t0) / 1e9;
            System.out.printf(Locale.ROOT,
                    "%n== raw ceiling (Asterisk-Java alone): %d events sent, %d became Asterisk-Java events, in %.2f s: %.0f events/s%n",
                    sent, seen - before, seconds, sent / seconds);
            c.logoff();
            return sent / seconds;
        }
    }

    private static ConfigurableApplicationContext start(int port, String dataDir) {
        var app = new SpringApplication(IngestionBenchmark.class);
        return app.run("--hotline.ami.host=127.0.0.1", "--hotline.ami.port=" + port, "--hotline.ami.secret=bench",
                "--hotline.ami.username=hotline", "--hotline.data-dir=" + dataDir, "--spring.main.web-application-type=none",
                "--logging.level.root=WARN", "--logging.level.kz.hotline114=WARN",
                "--management.metrics.distribution.percentiles.hotline.ami.ingestion.lag=0.5,0.95,0.99",
                "--hotline.calls.linger=10s");
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (var a : args) {
            if (a.startsWith("--" + name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 3));
            }
        }
        return fallback;
    }
}
