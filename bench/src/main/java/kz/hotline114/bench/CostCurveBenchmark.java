package kz.hotline114.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.imageio.ImageIO;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.EventSource;
import kz.hotline114.amisim.LinkFaults;
import kz.hotline114.amisim.TranscriptRewriter;
import kz.hotline114.calls.CallFilter;
import kz.hotline114.calls.CallLog;
import kz.hotline114.dashboard.Dashboard;
import kz.hotline114.pbx.PbxLink;

/**
 * The cost curve (issue 21; not a test): the same measurements with 10 k, 100 k, 1 M and 10 M calls in the database —
 * ingestion at full speed (events/s), the delay from reading an event to its call row at 1 000 events/s (p99), the
 * call log's first page (what {@code /api/calls} runs, p95) for the last day and the last 30 days, the dashboard's
 * refresh ({@code Dashboard.board()}, p95), and the journal's size per million calls — then a chart
 * ({@code bench/cost-curve.png}). The calls beyond the replayed ones are generated as a DBA's bulk load would put them
 * (spaced 9.46 s apart back from now: 10 M calls are three years of the line).
 *
 * <p>Usage: {@code … -Dloader.main=kz.hotline114.bench.CostCurveBenchmark … [--sizes=10000,100000,1000000,10000000]
 * [--copies=20] [--chart=bench/cost-curve.png]}
 */
@SpringBootApplication(scanBasePackages = "kz.hotline114")
public class CostCurveBenchmark {

    record Point(long calls, double eventsPerSecond, double delayP99Ms, double dayP95Ms, double monthP95Ms,
                 double dashboardP95Ms, double journalMbPerMillion) {
    }

    public static void main(String[] args) throws Exception {
        var sizes = new ArrayList<Long>();
        for (var s : arg(args, "sizes", "10000,100000,1000000,10000000").split(",")) {
            sizes.add(Long.parseLong(s.strip()));
        }
        int copies = Integer.parseInt(arg(args, "copies", "60"));
        var chart = Path.of(arg(args, "chart", "bench/cost-curve.png"));
        var transcripts = AmiTranscript.bundled();
        var dataDir = Files.createTempDirectory("hotline-cost-curve");
        Instant now = null; // the application's Clock, asked once the first context is up
        var points = new ArrayList<Point>();
        long generated = 0;
        int copy = 0;
        for (long size : sizes) {
            System.out.printf(Locale.ROOT, "%n== %,d calls in the database%n", size);
            // 1. full speed into a database of this size
            var full = server(packets(transcripts, copy, copies), 0);
            copy += copies;
            var ctx = start(full.port(), dataDir);
            var jdbc = ctx.getBean(JdbcTemplate.class);
            if (now == null) {
                now = ctx.getBean(java.time.Clock.class).instant();
            }
            long target = size - jdbc.queryForObject("select count(*) from calls where pbx_id <> 'b'", Long.class);
            if (target > generated) {
                long t0 = System.nanoTime();
                var owner = OwnerJdbc.of(jdbc, dataDir);
                generate(owner, generated + 1, target, now);
                generated = target;
                // as after any bulk load: statistics fresh, the load's dirty pages written, before anything is timed
                owner.execute("vacuum analyze calls");
                superuser(jdbc, dataDir).execute("checkpoint");
                System.out.printf(Locale.ROOT, "   bulk-loaded up to %,d generated calls in %.0f s%n", generated,
                        (System.nanoTime() - t0) / 1e9);
            }
            double rate = fullSpeed(ctx, full);
            long journalBytes = jdbc.queryForObject("""
                    select coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) from pg_inherits i
                     where i.inhparent = 'ami_journal'::regclass""", Long.class);
            long ingested = jdbc.queryForObject("select count(*) from calls where pbx_id <> 'b'", Long.class);
            double mbPerMillion = journalBytes / 1e6 / ingested * 1e6; // MB per call × 10^6
            var queries = queries(ctx, now);
            ctx.close();
            full.close();

            // 2. paced: the delay from the socket to the call row
            var paced = server(packets(transcripts, copy, 20), 1000);
            copy += 20;
            ctx = start(paced.port(), dataDir);
            double p99 = paced(ctx, paced);
            ctx.close();
            paced.close();
            var p = new Point(size, rate, p99, queries[0], queries[1], queries[2], mbPerMillion);
            points.add(p);
            System.out.printf(Locale.ROOT, "POINT %,d calls: %.0f events/s, delay p99 %.1f ms, call log p95 %.1f ms (day)"
                    + " / %.1f ms (30 days), dashboard p95 %.1f ms, journal %.1f GB per million calls%n", size,
                    p.eventsPerSecond(), p.delayP99Ms(), p.dayP95Ms(), p.monthP95Ms(), p.dashboardP95Ms(),
                    p.journalMbPerMillion() / 1000);
        }
        Files.createDirectories(chart.toAbsolutePath().getParent());
        draw(points, chart);
        System.out.println("chart: " + chart.toAbsolutePath());
        System.exit(0);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (var a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    /** Copies {@code first .. first + n - 1} of every recording, each a distinct set of calls. */
    static List<AmiPacket> packets(List<AmiTranscript> transcripts, int first, int n) {
        var rewriter = new TranscriptRewriter(transcripts);
        var out = new ArrayList<AmiPacket>();
        for (int c = first; c < first + n; c++) {
            for (var t : transcripts) {
                for (var p : t.packets()) {
                    if (!"FullyBooted".equalsIgnoreCase(p.get("Event"))) {
                        out.add(rewriter.rewrite(p, c, 0));
                    }
                }
            }
        }
        return out;
    }

    private static AmiReplayServer server(List<AmiPacket> packets, double rate) throws Exception {
        var b = AmiReplayServer.builder(EventSource.ofPackets(packets)).port(0)
                .bindAddress(InetAddress.getLoopbackAddress()).username("hotline").secret("bench")
                .faults(LinkFaults.heldUntilReleased()).name("cost-curve PBX");
        if (rate > 0) {
            b.eventsPerSecond(rate);
        }
        return b.start();
    }

    private static ConfigurableApplicationContext start(int port, Path dataDir) {
        return new SpringApplication(CostCurveBenchmark.class).run("--hotline.ami.host=127.0.0.1",
                "--hotline.ami.port=" + port, "--hotline.ami.secret=bench", "--hotline.ami.username=hotline",
                "--hotline.data-dir=" + dataDir, "--spring.main.web-application-type=none", "--logging.level.root=WARN",
                "--logging.level.kz.hotline114=WARN", "--hotline.elasticsearch.home=", "--hotline.calls.linger=10s",
                "--hotline.ami.reconcile.enabled=false",
                "--management.metrics.distribution.percentiles.hotline.ami.ingestion.lag=0.5,0.95,0.99",
                // the lag's percentiles over the last 30 s only: the paced phase reads them after 30 s of warm-up
                "--management.metrics.distribution.expiry.hotline.ami.ingestion.lag=30s",
                "--management.metrics.distribution.buffer-length.hotline.ami.ingestion.lag=3");
    }

    /** The embedded database's superuser (CHECKPOINT is theirs). */
    private static JdbcTemplate superuser(JdbcTemplate app, Path dataDir) throws Exception {
        String url;
        try (var c = app.getDataSource().getConnection()) {
            url = c.getMetaData().getURL();
        }
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres",
                kz.hotline114.shared.EmbeddedDatabaseHardening.superuserPassword(dataDir)));
    }

    /** Generated calls n = from..to, from now backwards 9.46 s apart, as a bulk load (indexes rebuilt after). */
    private static void generate(JdbcTemplate owner, long from, long to, Instant now) {
        var sql = ReportBenchmark.GENERATE.replace(
                "timestamptz '2023-01-01 00:00+05' + (n * 9.4608) * interval '1 second'",
                "timestamptz '" + now + "' - (n * 9.4608) * interval '1 second'");
        if (sql.equals(ReportBenchmark.GENERATE)) {
            throw new IllegalStateException("ReportBenchmark.GENERATE changed: the generator's time is not found");
        }
        OwnerJdbc.bulkLoadCalls(owner, () -> {
            for (long start = from; start <= to; start += 1_000_000) {
                owner.update(sql, start, Math.min(to, start + 999_999));
            }
        });
    }

    private static double fullSpeed(ConfigurableApplicationContext ctx, AmiReplayServer server) throws Exception {
        var link = ctx.getBean(PbxLink.class);
        if (!server.awaitLogin(Duration.ofSeconds(30))) {
            throw new IllegalStateException("no login");
        }
        Thread.sleep(1000);
        long before = link.status().received();
        long t0 = System.nanoTime();
        server.faults().release();
        server.awaitDone(Duration.ofMinutes(30));
        long sent = server.eventsSent();
        while (link.status().received() - before < sent) {
            Thread.sleep(2);
        }
        link.awaitIdle(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "   full speed: %,d events in %.1f s = %.0f events/s, dropped %d%n", sent, seconds,
                sent / seconds, link.status().dropped());
        return sent / seconds;
    }

    private static double paced(ConfigurableApplicationContext ctx, AmiReplayServer server) throws Exception {
        server.awaitLogin(Duration.ofSeconds(30));
        server.faults().release();
        Thread.sleep(60_000); // 30 s of warm-up (a context just started), then the 30 s the percentiles cover
        var timer = ctx.getBean(MeterRegistry.class).get("hotline.ami.ingestion.lag").timer();
        for (var v : timer.takeSnapshot().percentileValues()) {
            if (v.percentile() == 0.99) {
                System.out.printf(Locale.ROOT, "   paced 1 000 events/s: delay p99 %.2f ms (%d events)%n",
                        v.value(TimeUnit.MILLISECONDS), timer.count());
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("no p99");
    }

    /** p95 of: the call log's first page for the last day, for the last 30 days, the dashboard's board. */
    private static double[] queries(ConfigurableApplicationContext ctx, Instant now) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench",
                "n/a", List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
        var calls = ctx.getBean(CallLog.class);
        var dashboard = ctx.getBean(Dashboard.class);
        var day = new CallFilter(now.minus(Duration.ofDays(1)), now.plusSeconds(3600), null, null, null);
        var month = new CallFilter(now.minus(Duration.ofDays(30)), now.plusSeconds(3600), null, null, null);
        return new double[] {p95("call log, last day, first 50", () -> calls.find(day, 0, 50).total()),
                p95("call log, last 30 days, first 50", () -> calls.find(month, 0, 50).total()),
                // what the dashboard's refresh computes (today's figures from the database and the live state)
                p95("dashboard refresh", () -> dashboard.board("pbx-114").queues().size())};
    }

    private static double p95(String what, LongSupplier run) {
        for (int i = 0; i < 5; i++) {
            run.getAsLong();
        }
        var ms = new ArrayList<Double>();
        long result = 0;
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            result = run.getAsLong();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(null);
        double p95 = ms.get((int) Math.ceil(ms.size() * 0.95) - 1);
        System.out.printf(Locale.ROOT, "   %-36s p50 %7.1f ms, p95 %7.1f ms (%,d)%n", what, ms.get(ms.size() / 2), p95,
                result);
        return p95;
    }

    /** Four panels (log-scale calls on x), one per figure. */
    static void draw(List<Point> points, Path file) throws Exception {
        int w = 1200;
        int h = 800;
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString("Cost curve: calls in the database (log scale) vs. the figures (2 cores, embedded PostgreSQL 17)", 20, 26);
        record Panel(String title, java.util.function.ToDoubleFunction<Point> y, Color color) {
        }
        var panels = List.of(new Panel("ingestion, events/s (full speed)", Point::eventsPerSecond, new Color(0x1f77b4)),
                new Panel("event → call row, p99 ms (1 000 events/s)", Point::delayP99Ms, new Color(0xd62728)),
                new Panel("call log first page p95 ms: last day (solid), 30 days (dashed)", Point::dayP95Ms,
                        new Color(0x2ca02c)),
                new Panel("dashboard refresh p95 ms", Point::dashboardP95Ms, new Color(0x9467bd)));
        for (int i = 0; i < panels.size(); i++) {
            int x0 = 70 + (i % 2) * 580;
            int y0 = 70 + (i / 2) * 360;
            var p = panels.get(i);
            double maxY = 0;
            for (var pt : points) {
                maxY = Math.max(maxY, i == 2 ? Math.max(pt.dayP95Ms(), pt.monthP95Ms()) : p.y().applyAsDouble(pt));
            }
            maxY = maxY <= 0 ? 1 : maxY * 1.15;
            plot(g, x0, y0, 480, 260, p.title(), points, p.y(), maxY, p.color(), false);
            if (i == 2) {
                plot(g, x0, y0, 480, 260, null, points, Point::monthP95Ms, maxY, p.color(), true);
            }
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static void plot(java.awt.Graphics2D g, int x0, int y0, int pw, int ph, String title, List<Point> points,
                             java.util.function.ToDoubleFunction<Point> y, double maxY, Color color, boolean dashed) {
        double minX = Math.log10(points.getFirst().calls());
        double maxX = Math.max(minX + 1, Math.log10(points.getLast().calls()));
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(title, x0, y0 - 10);
            g.drawRect(x0, y0, pw, ph);
            for (var p : points) {
                int x = x0 + (int) ((Math.log10(p.calls()) - minX) / (maxX - minX) * pw);
                g.drawString(label(p.calls()), x - 12, y0 + ph + 16);
            }
            for (int t = 0; t <= 4; t++) {
                int yy = y0 + ph - t * ph / 4;
                g.setColor(new Color(0xdddddd));
                g.drawLine(x0, yy, x0 + pw, yy);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.0f", maxY * t / 4), x0 - 55, yy + 4);
            }
        }
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0)
                : new BasicStroke(2.5f));
        int px = -1;
        int py = -1;
        for (var p : points) {
            int x = x0 + (int) ((Math.log10(p.calls()) - minX) / (maxX - minX) * pw);
            int yy = y0 + ph - (int) (y.applyAsDouble(p) / maxY * ph);
            g.fillOval(x - 4, yy - 4, 8, 8);
            if (px >= 0) {
                g.drawLine(px, py, x, yy);
            }
            px = x;
            py = yy;
        }
        g.setStroke(new BasicStroke(1));
    }

    private static String label(long calls) {
        return calls >= 1_000_000 ? calls / 1_000_000 + "M" : calls / 1000 + "k";
    }
}
