package kz.hotline114.bench;

import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.calls.CallFilter;
import kz.hotline114.reports.CallExports;
import kz.hotline114.reports.ReportTexts;

/**
 * Export benchmark (not a test): {@code --calls} generated call rows (default one million, the shape of
 * {@link ReportBenchmark}'s) exported by the real {@link CallExports} as CSV and as streamed XLSX into files:
 * time, rows per second, file size and the peak Java heap, so the "streaming, for a million rows" claim is
 * measured, not assumed. Run it with a small heap ({@code -Xmx256m}) to show the export does not hold the rows.
 * Usage: {@code java -Xmx256m -cp bench/target/hotline-bench.jar -Dloader.main=kz.hotline114.bench.ExportBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--calls=1000000]}
 */
@SpringBootApplication(scanBasePackages = "kz.hotline114")
public class ExportBenchmark {

    public static void main(String[] args) throws Exception {
        long calls = 1_000_000;
        for (var a : args) {
            if (a.startsWith("--calls=")) {
                calls = Long.parseLong(a.substring(8));
            }
        }
        var dataDir = Files.createTempDirectory("hotline-export-bench");
        var ctx = new SpringApplication(ExportBenchmark.class).run("--hotline.data-dir=" + dataDir,
                "--spring.main.web-application-type=none", "--logging.level.root=ERROR",
                "--hotline.ami.host=127.0.0.1", "--hotline.ami.port=9", "--hotline.ami.secret=bench",
                "--hotline.elasticsearch.home=");
        var jdbc = ctx.getBean(JdbcTemplate.class);
        var exports = ctx.getBean(CallExports.class);
        System.out.printf(Locale.ROOT, "%n== generating %,d calls%n", calls);
        long t0 = System.nanoTime();
        for (long start = 1; start <= calls; start += 1_000_000) {
            jdbc.update(ReportBenchmark.GENERATE, start, Math.min(calls, start + 999_999));
        }
        jdbc.execute("analyze calls");
        System.out.printf(Locale.ROOT, "   generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // all of them: GENERATE spaces calls 9.46 s apart from 2023-01-01
        var filter = new CallFilter(Instant.parse("2022-12-31T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"),
                null, null, null);
        var out = Files.createTempDirectory("hotline-export-files");
        for (var role : List.of("REPORTER", "ADMIN")) {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", "n/a",
                    List.of(new SimpleGrantedAuthority("ROLE_" + role))));
            for (var format : List.of("csv", "xlsx")) {
                System.gc();
                resetPeaks();
                var file = out.resolve("calls-" + role.toLowerCase(Locale.ROOT) + "." + format);
                long t = System.nanoTime();
                try (var os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    if (format.equals("csv")) {
                        exports.csv(filter, KEYS, os);
                    } else {
                        exports.xlsx(filter, KEYS, os);
                    }
                }
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "%-4s as %-8s %,d rows in %6.1f s = %,8.0f rows/s, %,6.1f MB, peak heap %,5.0f MB (max %,d MB)%n",
                        format, role, calls, s, calls / s, Files.size(file) / 1e6, peakHeapMb(),
                        Runtime.getRuntime().maxMemory() >> 20);
                Files.delete(file);
            }
        }
        ctx.close();
    }

    /** Column headers and labels as their keys: the benchmark measures rows, not translations. */
    private static final ReportTexts KEYS = new ReportTexts() {
        @Override
        public String text(String key, Object... args) {
            return key;
        }

        @Override
        public Locale locale() {
            return Locale.forLanguageTag("kk");
        }

        @Override
        public boolean has(String key) {
            return true;
        }
    };

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The heap pools' peaks summed (an upper bound: the pools need not peak together). */
    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }
}
