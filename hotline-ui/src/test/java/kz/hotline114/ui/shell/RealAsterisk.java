package kz.hotline114.ui.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Asterisk 22 for the tests: Debian's package in a chroot ({@code /opt/asterisk-sid}, which
 * {@code .ci/run} builds with debootstrap; {@code -Dhotline.test.asterisk-root=} points elsewhere), running the
 * repository's {@code pbx-config/asterisk} rendered exactly as the container's entrypoint renders it (the same
 * {@code SUBST_VARS}), with the AMI and SIP ports moved to free ones and two harness contexts appended to the
 * dialplan: a caller who presses keys and stays on the line, and a queue member who answers and talks. The tests
 * are skipped where no such Asterisk exists (or not as root, which chroot needs).
 */
final class RealAsterisk {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final String AMI_SECRET = "real-asterisk-secret";

    /** What the tests need of a caller and a specialist, not part of the hotline's dialplan. */
    static final String HARNESS = """

            ; ---- test harness (RealAsterisk), not part of pbx-config
            [hotline-test-caller]
            exten => s,1,Wait(1)
             same => n,SendDTMF(${DIGITS})
             same => n,PlayTones(350)
             same => n,Wait(${STAY})
             same => n,Hangup()
            ; a specialist answers and talks (a tone: audio for the recording) for the extension's last two digits in
            ; seconds (Local/203 = 3 s)
            [hotline-test-agent]
            exten => _X.,1,Answer()
             same => n,PlayTones(440)
             same => n,Wait(${EXTEN:-2})
             same => n,Hangup()
            ; a supervisor's phone: answers and stays on the line for the extension's last two digits in seconds
            [hotline-test-supervisor]
            exten => _X.,1,Answer()
             same => n,Wait(${EXTEN:-2})
             same => n,Hangup()
            """;

    private final Path root;
    private final int amiPort;
    private Process process;
    private Path console;

    private RealAsterisk(Path root, int amiPort) {
        this.root = root;
        this.amiPort = amiPort;
    }

    /** The chroot's Asterisk, or the test is skipped. */
    static RealAsterisk available() {
        var root = Path.of(System.getProperty("hotline.test.asterisk-root", "/opt/asterisk-sid"));
        assumeTrue(Files.isExecutable(root.resolve("usr/sbin/asterisk")), "no Asterisk at " + root);
        assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
        return new RealAsterisk(root, freeTcpPort());
    }

    int amiPort() {
        return amiPort;
    }

    /** Where MixMonitor writes the recordings, seen from outside the chroot. */
    java.nio.file.Path monitorDirectory() {
        return root.resolve("var/spool/asterisk/monitor");
    }

    /**
     * Renders the configuration for a PostgreSQL at {@code jdbcUrl} and starts Asterisk with {@code environment} added
     * to its own (as docker-compose gives the container: the misdialer look-up's {@code HOTLINE_APP_URL} and token);
     * returns when fully booted.
     */
    void start(String jdbcUrl, String dbUser, String dbPassword, Map<String, String> environment) throws Exception {
        stopLeftover();
        Matcher db = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(jdbcUrl);
        if (!db.find()) {
            throw new IllegalArgumentException(jdbcUrl);
        }
        var env = new java.util.HashMap<String, String>();
        env.put("HOTLINE_AMI_SECRET", AMI_SECRET);
        env.put("HOTLINE_AMI_BIND", "127.0.0.1");
        env.put("HOTLINE_AMI_PERMIT", "127.0.0.1/255.255.255.255");
        env.put("PGHOST", db.group(1).equals("localhost") ? "127.0.0.1" : db.group(1));
        env.put("PGPORT", db.group(2));
        env.put("PGDATABASE", db.group(3));
        env.put("PGUSER", dbUser);
        env.put("PGPASSWORD", dbPassword);
        env.put("HOTLINE_TRUNK_HOST", "127.0.0.1:5999");
        env.put("HOTLINE_TRUNK_MATCH", "127.0.0.1");
        env.put("HOTLINE_PBX_PUBLIC_ADDRESS", "127.0.0.1");
        env.put("HOTLINE_PHONES_PERMIT", "127.0.0.1/255.255.255.255");
        env.put("HOTLINE_CEL_TABLE", "cel"); // the entrypoint's defaults: the first PBX's tables
        env.put("HOTLINE_CDR_TABLE", "cdr");
        for (int phone = 201; phone <= 207; phone++) {
            env.put("HOTLINE_PHONE_" + phone + "_PASSWORD", "test-phone-" + phone);
        }
        var etc = root.resolve("etc/asterisk");
        Files.createDirectories(etc);
        // as the entrypoint does: only the hotline's files, none of the package's samples (manager.d/ and others)
        try (var old = Files.walk(etc)) {
            for (var f : old.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(etc)).toList()) {
                Files.delete(f);
            }
        }
        var substituted = substitutedVariables();
        int sipPort = freeUdpPort();
        try (var templates = Files.list(REPOSITORY.resolve("pbx-config/asterisk"))) {
            for (var template : templates.filter(f -> f.toString().endsWith(".conf")).toList()) {
                String text = Files.readString(template, StandardCharsets.UTF_8);
                for (var name : substituted) {
                    text = text.replace("${" + name + "}", env.getOrDefault(name, ""));
                }
                String file = template.getFileName().toString();
                if (file.equals("manager.conf")) {
                    text = text.replaceFirst("(?m)^port\\s*=\\s*5038", "port = " + amiPort);
                } else if (file.equals("pjsip.conf")) {
                    text = text.replace("bind = 0.0.0.0:5060", "bind = 127.0.0.1:" + sipPort);
                } else if (file.equals("extensions.conf")) {
                    text = text + HARNESS;
                }
                Files.writeString(etc.resolve(file), text, StandardCharsets.UTF_8);
            }
        }
        // queues.conf keeps dynamic members across restarts (astdb): every run starts with none; nor recordings
        run("chroot", root.toString(), "sh", "-c", "rm -rf /var/lib/asterisk/astdb/* /var/spool/asterisk/monitor/*");
        if (!Files.exists(root.resolve("proc/self"))) {
            run("mount", "-t", "proc", "proc", root.resolve("proc").toString());
        }
        if (!Files.exists(root.resolve("etc/hosts"))) {
            Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
        }
        run("chroot", root.toString(), "sh", "-c", "mkdir -p /var/lib/asterisk/astdb /var/spool/asterisk/monitor "
                + "/var/log/asterisk/cdr-csv /var/run/asterisk && chown -R asterisk:asterisk /etc/asterisk "
                + "/var/lib/asterisk/astdb /var/spool/asterisk /var/log/asterisk /var/run/asterisk");
        console = Path.of("target/asterisk-console.log").toAbsolutePath();
        Files.createDirectories(console.getParent());
        var asterisk = new ProcessBuilder("chroot", root.toString(), "/usr/sbin/asterisk", "-f", "-n", "-vvv")
                .redirectErrorStream(true).redirectOutput(console.toFile());
        asterisk.environment().putAll(environment);
        process = asterisk.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!cli("core waitfullybooted").contains("fully booted")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Asterisk did not boot:\n" + Files.readString(console));
            }
            Thread.sleep(300);
        }
    }

    /** The {@code ${VAR}} names the container's entrypoint substitutes (its {@code SUBST_VARS} line). */
    static List<String> substitutedVariables() throws IOException {
        var entrypoint = Files.readString(REPOSITORY.resolve("pbx-config/docker/entrypoint.sh"));
        Matcher line = Pattern.compile("(?m)^SUBST_VARS='([^']*)'").matcher(entrypoint);
        if (!line.find()) {
            throw new IllegalStateException("no SUBST_VARS in entrypoint.sh");
        }
        var names = new ArrayList<String>();
        Matcher var = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(line.group(1));
        while (var.find()) {
            names.add(var.group(1));
        }
        return names;
    }

    /** An Asterisk CLI command ({@code asterisk -rx}); its output, empty when Asterisk is not there. */
    String cli(String command) {
        try {
            var p = new ProcessBuilder("chroot", root.toString(), "/usr/sbin/asterisk", "-rx", command)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The ERROR and WARNING lines Asterisk has logged so far. */
    List<String> problems() throws IOException {
        return Files.readAllLines(console, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("ERROR[") || l.contains("WARNING[")).toList();
    }

    /** Everything Asterisk has written to its console (verbose 3, as {@code docker logs} shows it). */
    String consoleLog() throws IOException {
        return Files.readString(console, StandardCharsets.UTF_8);
    }

    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        cli("core stop now");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** An Asterisk of an earlier run (or a developer's) would hold the control socket. */
    private void stopLeftover() throws InterruptedException {
        if (!cli("core show version").isBlank()) {
            cli("core stop now");
            Thread.sleep(2000);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freeTcpPort() {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeUdpPort() {
        try (var s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Variables for a harness caller. */
    static Map<String, String> caller(String digits, int staySeconds) {
        return Map.of("DIGITS", digits, "STAY", String.valueOf(staySeconds));
    }
}
