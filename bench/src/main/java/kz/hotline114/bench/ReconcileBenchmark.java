package kz.hotline114.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;

import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.TranscriptRewriter;
import kz.hotline114.pbx.PbxRecordTables;

/**
 * Reconciliation benchmark (not a test): how fast calls the AMI link missed are logged from the PBX's own
 * records. The CEL and Cdr events of the bundled recordings, multiplied into distinct calls, are written into the
 * {@code cel}/{@code cdr} tables as cel_pgsql/cdr_pgsql would (while the app's link is down: no PBX configured,
 * demo off); the clock runs from the reconciler's next look until every such call has its row, read from its
 * records, journaled and marked recovered.
 *
 * <p>Usage: {@code java -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.ReconcileBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--copies=100]}
 */
@SpringBootApplication(scanBasePackages = "kz.hotline114")
public class ReconcileBenchmark {

    public static void main(String[] args) throws Exception {
        int copies = intArg(args, "copies", 100);
        var app = new SpringApplication(ReconcileBenchmark.class);
        var ctx = app.run("--hotline.data-dir=" + Files.createTempDirectory("hotline-bench"),
                "--spring.main.web-application-type=none", "--logging.level.root=WARN",
                "--logging.level.kz.hotline114=ERROR", "--hotline.ami.demo.enabled=false",
                "--hotline.ami.reconcile.interval=1s", "--hotline.ami.reconcile.grace=0s",
                "--hotline.calls.linger=10s", "--hotline.elasticsearch.home=");
        var jdbc = ctx.getBean(JdbcTemplate.class);
        // the reconciler's first look sets its mark (records older than the app are never imported)
        while (jdbc.queryForObject("select count(*) from pbx_records_reconciliation", Long.class) == 0) {
            Thread.sleep(100);
        }
        var transcripts = AmiTranscript.bundled();
        var rewriter = new TranscriptRewriter(transcripts);
        long rows = 0;
        long w0 = System.nanoTime();
        // stop the reconciler from reading half-written data: the tables are filled in one transaction
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        rows = tx.execute(status -> {
            long n = 0;
            for (int copy = 1; copy <= copies; copy++) {
                for (var t : transcripts) {
                    n += PbxRecordTables.insert(jdbc, rewriter.rewriteAll(t, copy, -3600));
                }
            }
            return n;
        });
        long w1 = System.nanoTime();
        long expected = jdbc.queryForObject("""
                select count(distinct e.linkedid) from cel e where e.eventtype = 'LINKEDID_END'
                   and exists (select 1 from cel c where c.linkedid = e.linkedid and c.eventtype = 'CHAN_START'
                               and c.context = 'from-trunk' and c.exten <> 's')""", Long.class);
        System.out.printf(Locale.ROOT, "%n== %d copies of %d recordings: %d CEL/CDR rows written in %.1f s, %d inbound "
                + "calls among them%n", copies, transcripts.size(), rows, (w1 - w0) / 1e9, expected);
        long t0 = System.nanoTime();
        long logged = 0;
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        while (logged < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            logged = jdbc.queryForObject("select count(*) from calls where recovered and outcome <> 'IN_PROGRESS'",
                    Long.class);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long journaled = jdbc.queryForObject("select count(*) from ami_journal where raw like '%Hotline-Recovered:%'",
                Long.class);
        System.out.printf(Locale.ROOT, "%d of %d calls logged from the records in %.1f s (≤ 1 s of it waiting for the "
                + "next look): %.0f calls/s, %d records journaled (%.0f records/s)%n", logged, expected, seconds,
                logged / seconds, journaled, journaled / seconds);
        var outcomes = jdbc.queryForList("select outcome, count(*) as n from calls where recovered group by outcome"
                + " order by n desc");
        System.out.println("outcomes: " + outcomes);
        ctx.close();
        System.exit(0);
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
