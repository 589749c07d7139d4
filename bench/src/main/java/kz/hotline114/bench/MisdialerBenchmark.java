package kz.hotline114.bench;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;

import kz.hotline114.calls.Misdialers;

/**
 * Misdialer look-up benchmark (not a test; issue 17 item 6): the PBX waits on "misdialer or not" for every call, so
 * this measures {@link Misdialers#isMisdialer} with {@code --numbers} known misdialers (default 1 000 000: two
 * wrong-number calls each in the last 60 days, 2 000 000 call rows) plus 200 000 answered calls from other numbers:
 * p50/p99/max over {@code --lookups} random look-ups (default 20 000) each of a known misdialer, a number that
 * called once, and a number never seen.
 * Usage: {@code java -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.MisdialerBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--numbers=1000000] [--lookups=20000]}
 */
@SpringBootApplication(scanBasePackages = "kz.hotline114")
public class MisdialerBenchmark {

    private static final String GENERATE = """
            insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, queues,
                answered_by, transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
            select 'bench', 'misdial-' || n || '-' || k, now() - make_interval(days => ((n + k * 7) % 60)::int),
                now() - make_interval(days => ((n + k * 7) % 60)::int) + interval '8 seconds',
                '+7701' || lpad(n::text, 7, '0'), false, '{}', '{}', '[]'::jsonb,
                case when n > ? then 'ANSWERED' else 'WRONG_NUMBER' end,
                case when n > ? then null else 'DECLARED' end, k = 2, now()
            from generate_series(?::bigint, ?::bigint) n, generate_series(1, 2) k
            where k = 1 or n <= ?""";

    public static void main(String[] args) throws Exception {
        long numbers = 1_000_000;
        int lookups = 20_000;
        for (var a : args) {
            if (a.startsWith("--numbers=")) {
                numbers = Long.parseLong(a.substring(10));
            } else if (a.startsWith("--lookups=")) {
                lookups = Integer.parseInt(a.substring(10));
            }
        }
        var dataDir = Files.createTempDirectory("hotline-misdialer-bench");
        var ctx = new SpringApplication(MisdialerBenchmark.class).run("--hotline.data-dir=" + dataDir,
                "--spring.main.web-application-type=none", "--logging.level.root=ERROR",
                "--hotline.ami.host=127.0.0.1", "--hotline.ami.port=9", "--hotline.ami.secret=bench",
                "--hotline.elasticsearch.home=");
        var app = ctx.getBean(JdbcTemplate.class);
        // the bulk load runs as the schema's owner (the app's own role may not switch the rollup trigger off)
        var jdbc = OwnerJdbc.of(app, dataDir);
        var misdialers = ctx.getBean(Misdialers.class);
        long others = 200_000;
        System.out.printf(Locale.ROOT, "%n== generating %,d misdialers (2 wrong-number calls each) and %,d other callers%n",
                numbers, others);
        long t0 = System.nanoTime();
        // a bulk load as a DBA would do it (as ReportBenchmark): the rollup trigger off, the indexes built afterwards
        final long n = numbers;
        final long rows = numbers + others;
        OwnerJdbc.bulkLoadCalls(jdbc, () -> {
            for (long start = 1; start <= rows; start += 500_000) {
                jdbc.update(GENERATE, n, n, start, Math.min(rows, start + 499_999), n);
            }
        });
        System.out.printf(Locale.ROOT, "   generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        var random = ThreadLocalRandom.current();
        final long known = numbers;
        for (int warm = 0; warm < 2_000; warm++) {
            misdialers.isMisdialer(number(random.nextLong(1, numbers + 1)));
        }
        report("known misdialer", lookups, () -> {
            boolean is = misdialers.isMisdialer(number(random.nextLong(1, known + 1)));
            if (!is) {
                throw new AssertionError("a known misdialer was not found");
            }
        });
        long firstOther = numbers + 1;
        long lastOther = numbers + others;
        report("answered caller", lookups, () -> {
            if (misdialers.isMisdialer(number(random.nextLong(firstOther, lastOther + 1)))) {
                throw new AssertionError("an answered caller was filtered");
            }
        });
        report("never seen", lookups, () -> {
            if (misdialers.isMisdialer("+7707" + (1_000_000 + random.nextInt(9_000_000)))) {
                throw new AssertionError("an unknown number was filtered");
            }
        });
        ctx.close();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "+7701%07d", n);
    }

    private static void report(String what, int lookups, Runnable lookup) {
        var nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            long t = System.nanoTime();
            lookup.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-16s %,d look-ups: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, lookups,
                nanos[lookups / 2] / 1e6, nanos[(int) (lookups * 0.99)] / 1e6, nanos[lookups - 1] / 1e6);
    }
}
