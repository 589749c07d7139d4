package kz.hotline114.bench;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.reports.CallStatistics;
import kz.hotline114.reports.InterimReports;

/**
 * Report benchmark (not a test): {@code --calls} generated call rows (default 10 million, spread over
 * three years, outcomes and operators/regions in realistic shares) in an embedded PostgreSQL, the daily
 * rollup built from them, then the call figures of a quarter, of a year and of all three years, and a
 * whole interim report, each timed over repeated runs. Also the cost the rollup trigger adds to a call-row
 * insert. Usage: {@code java -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.ReportBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--calls=10000000]}
 */
@SpringBootApplication(scanBasePackages = "kz.hotline114")
public class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        long calls = 10_000_000;
        for (var a : args) {
            if (a.startsWith("--calls=")) {
                calls = Long.parseLong(a.substring(8));
            }
        }
        var dataDir = Files.createTempDirectory("hotline-report-bench");
        var ctx = new SpringApplication(ReportBenchmark.class).run("--hotline.data-dir=" + dataDir,
                "--spring.main.web-application-type=none", "--logging.level.root=ERROR",
                // no PBX for this benchmark: an address nobody listens on (the link retries quietly)
                "--hotline.ami.host=127.0.0.1", "--hotline.ami.port=9", "--hotline.ami.secret=bench");
        // the bulk load below switches the rollup trigger off: the schema's owner does that, not the app's role
        var jdbc = OwnerJdbc.of(ctx.getBean(JdbcTemplate.class), dataDir);
        var statistics = ctx.getBean(CallStatistics.class);
        var reports = ctx.getBean(InterimReports.class);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_REPORTER"))));

        System.out.printf(Locale.ROOT, "%n== generating %,d calls (2023-01-01 .. 2025-12-31)%n", calls);
        long t0 = System.nanoTime();
        // a bulk load as a DBA would do it: trigger off, secondary indexes dropped, rebuilt afterwards
        final long total = calls;
        OwnerJdbc.bulkLoadCalls(jdbc, () -> {
            long batch = 1_000_000;
            for (long start = 1; start <= total; start += batch) {
                long end = Math.min(total, start + batch - 1);
                jdbc.update(GENERATE, start, end);
                System.out.printf(Locale.ROOT, "   %,d rows%n", end);
            }
        });
        System.out.printf(Locale.ROOT, "   generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        statistics.rebuildRollup();
        jdbc.execute("analyze call_daily");
        System.out.printf(Locale.ROOT, "   rollup built in %.1f s: %,d rows for %,d calls%n", (System.nanoTime() - t1) / 1e9,
                jdbc.queryForObject("select count(*) from call_daily", Long.class),
                jdbc.queryForObject("select sum(calls) from call_daily", Long.class));

        var quarter = time("call figures, one quarter (2025-06-01..2025-08-31)",
                () -> statistics.figures(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 31)).total());
        time("call figures, one year (2025)", () -> statistics.figures(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).total());
        time("call figures, all three years", () -> statistics.figures(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)).total());
        time("whole interim report (calls, cases, centre, events, indicators), one quarter",
                () -> reports.report(1, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 31)).calls().total());
        long t2 = System.nanoTime();
        long direct = jdbc.queryForObject("""
                select count(*) from calls where started_at >= '2025-06-01T00:00+05' and started_at < '2025-09-01T00:00+05'
                and outcome <> 'IN_PROGRESS'""", Long.class);
        System.out.printf(Locale.ROOT, "%-80s %8.1f ms (one run; %,d calls, figures said %,d)%n",
                "for comparison: one count over the call table itself, one quarter", (System.nanoTime() - t2) / 1e6, direct, quarter);

        // what the trigger costs ingestion: 100 000 single-row inserts with it
        long t3 = System.nanoTime();
        jdbc.update(GENERATE.replace("'2023-01-01", "'2026-01-01").replace("'b'", "'t'"), 1, 100_000);
        double withTrigger = (System.nanoTime() - t3) / 1e9;
        System.out.printf(Locale.ROOT, "%-80s %8.1f µs per row (100 000 rows in %.1f s, rollup maintained)%n",
                "insert with the rollup trigger", withTrigger * 1e6 / 100_000, withTrigger);
        ctx.close();
    }

    static long time(String what, Supplier<Long> run) {
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        var ms = new ArrayList<Double>();
        long result = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            result = run.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-80s p50 %7.1f ms, max %7.1f ms (%,d calls)%n", what, ms.get(ms.size() / 2),
                ms.getLast(), result);
        return result;
    }

    /** Rows n = ?..?: three years of calls, ~85 % wrong numbers as in 2019, operators and regions by number. */
    static final String GENERATE = """
            insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, operator, region,
                ivr_choice, queues, wait_seconds, answered_by, talk_seconds, transfers, outcome, wrong_number_reason,
                repeat_caller, updated_at)
            select 'b', 'b-' || n, ts, ts + make_interval(secs => case when o = 'WRONG_NUMBER' then 6 + n % 20 else 60 + n % 900 end),
                '+7701' || lpad((n % 10000000)::text, 7, '0'), false,
                case when n % 4 <> 0 then (array['Kcell','Beeline','Tele2','Altel'])[1 + (n / 4) % 4] end,
                case when n % 4 = 0 then (array['Almaty','Astana','Taldykorgan','Shymkent','Aktau','Karaganda','Oral','Taraz'])[1 + (n / 4) % 8] end,
                case o when 'WRONG_NUMBER' then '0' when 'ANSWERED' then ((n % 3) + 1)::text when 'ABANDONED' then '2' else null end,
                case when o in ('ANSWERED', 'ABANDONED') then array[(array['psychologists','theologians','religious-scholars'])[1 + n % 3]]
                     else array[]::text[] end,
                case when o in ('ANSWERED', 'ABANDONED') then n % 120 end,
                case when o = 'ANSWERED' then array['PJSIP/20' || (n % 9)] else array[]::text[] end,
                case when o = 'ANSWERED' then 60 + n % 800 end, '[]'::jsonb, o,
                case when o = 'WRONG_NUMBER' then 'DECLARED' end, false, ts
            from (select n, timestamptz '2023-01-01 00:00+05' + (n * 9.4608) * interval '1 second' as ts,
                         case when n % 100 < 85 then 'WRONG_NUMBER' when n % 100 < 93 then 'ANSWERED'
                              when n % 100 < 96 then 'ABANDONED' when n % 100 < 98 then 'IVR_ABANDONED' else 'NO_INPUT' end as o
                  from generate_series(?::bigint, ?::bigint) n) g""";
}
