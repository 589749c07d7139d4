package kz.hotline114.bench;

import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.TranscriptRewriter;

/**
 * Live latency benchmark (not a test): how long after an AMI event leaves the PBX's socket does the
 * matching change reach a wall-board WebSocket client, and a supervisor's dashboard in a real Chromium?
 *
 * <p>Runs the real application jar as its own process (embedded PostgreSQL, no Elasticsearch), logged in
 * over AMI to a replay server in this process. Recorded queue calls are replayed one after another at
 * their recorded pace divided by {@code --speed}, with fresh ids and times moved to now. The marker
 * events are {@code QueueCallerJoin} (the queue's "waiting" goes up by one) and {@code QueueCallerLeave} /
 * {@code QueueCallerAbandon} (down by one); the clock starts when the replay server hands the packet to the
 * socket write and stops when the wall-board client receives a board whose count for that queue moved in
 * that direction (same process, {@code System.nanoTime}), or when the dashboard page's DOM shows it
 * (a MutationObserver stamps {@code Date.now()}; millisecond resolution, same machine clock).
 *
 * <p>Usage (after {@code ./mvnw -DskipTests package}): {@code java -jar bench/target/hotline-bench.jar}
 * is the ingestion benchmark; this one: {@code java -cp bench/target/hotline-bench.jar
 * -Dloader.main=kz.hotline114.bench.LiveLatencyBenchmark org.springframework.boot.loader.launch.PropertiesLauncher
 * [--calls=40] [--speed=2] [--jar=hotline-ui/target/hotline-ui.jar] [--browser=true]}
 */
public class LiveLatencyBenchmark {

    /**
     * The machine's clock, named: this benchmark compares its send times with the browser's {@code Date.now()} on
     * the same machine, so it must read the real wall clock (the app under test has its own Clock bean).
     */
    private static final java.time.Clock WALL = java.time.Clock.systemUTC();

    static final String TOKEN = "bench-wallboard-token";
    static final String PASSWORD = "bench-admin-114";
    static final List<String> SCENARIOS = List.of("answered-psychologist", "answered-theologian", "answered-scholar",
            "abandoned-in-queue");

    /** A marker sent to the app: queue, +1/-1, when it left (nano and epoch ms). */
    record Sent(String queue, int direction, long nanos, long epochMillis) {
    }

    static final LinkedBlockingQueue<AmiPacket> OUT = new LinkedBlockingQueue<>();
    static final LinkedList<Sent> pendingWs = new LinkedList<>();
    static final List<Sent> allSent = new ArrayList<>();
    static final List<Double> wsLatencies = new ArrayList<>();
    static int wsMissed;
    /** Changes later than this after their marker belong to another call (calls are replayed one at a time). */
    static final long MATCH_WINDOW_MS = 3000;

    public static void main(String[] args) throws Exception {
        int calls = intArg(args, "calls", 40);
        double speed = Double.parseDouble(arg(args, "speed", "2"));
        var jar = arg(args, "jar", "hotline-ui/target/hotline-ui.jar");
        boolean browser = Boolean.parseBoolean(arg(args, "browser", "true"));
        int httpPort = intArg(args, "port", 8097);

        var pbx = AmiReplayServer.builder(() -> {
            var p = OUT.take();
            mark(p);
            return p;
        }).port(0).bindAddress(InetAddress.getLoopbackAddress()).username("hotline").secret("bench").name("latency PBX")
                .start();
        var data = Files.createTempDirectory("hotline-latency");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder(java, "-jar", jar).redirectErrorStream(true)
                .redirectOutput(data.resolve("app.log").toFile());
        pb.environment().putAll(Map.of("SERVER_PORT", String.valueOf(httpPort), "HOTLINE_DATA_DIR",
                data.resolve("db").toString(), "HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT",
                String.valueOf(pbx.port()), "HOTLINE_AMI_SECRET", "bench", "HOTLINE_WALLBOARD_TOKEN", TOKEN,
                "HOTLINE_ADMIN_PASSWORD", PASSWORD, "HOTLINE_ELASTICSEARCH_HOME", data.resolve("no-es").toString()));
        var app = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroy));
        try {
            run(calls, speed, browser, httpPort, pbx, data);
        } finally {
            app.destroy();
            app.waitFor();
            pbx.close();
        }
        System.exit(0);
    }

    static void run(int calls, double speed, boolean browser, int port, AmiReplayServer pbx, Path data) throws Exception {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not become ready; see " + data.resolve("app.log"));
            }
            Thread.sleep(500);
        }
        pbx.awaitLogin(Duration.ofSeconds(30));
        System.out.printf(Locale.ROOT, "app ready on port %d, AMI logged in%n", port);

        var ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/ws/wallboard?token=" + TOKEN),
                new BoardListener()).join();

        WebDriver driver = null;
        if (browser && Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            driver = openDashboard(port);
        }

        var transcripts = new HashMap<String, AmiTranscript>();
        for (var s : SCENARIOS) {
            transcripts.put(s, AmiTranscript.fromClasspath("/kz/hotline114/pbx/recordings/" + s + ".ami"));
        }
        for (int i = 0; i < calls; i++) {
            var t = transcripts.get(SCENARIOS.get(i % SCENARIOS.size()));
            double first = t.packets().stream().map(p -> p.get("Timestamp")).filter(v -> v != null && !v.isBlank())
                    .mapToDouble(Double::parseDouble).min().orElseThrow();
            var packets = new TranscriptRewriter(List.of(t)).rewriteAll(t, i + 1,
                    Math.ceil(WALL.instant().getEpochSecond() - first));
            play(packets, speed);
            Thread.sleep(300);
            // a change never seen (a join and its leave coalesced into one board) must not pair with the next call's
            synchronized (pendingWs) {
                wsMissed += pendingWs.size();
                pendingWs.clear();
            }
        }
        Thread.sleep(2000);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

        System.out.printf(Locale.ROOT, "%n== AMI event leaves the socket → wall-board WebSocket client has the change%n");
        report(wsLatencies, allSent.size());
        System.out.printf(Locale.ROOT, "markers whose change never showed (coalesced within one board): %d%n", wsMissed);
        if (driver != null) {
            var browserLatencies = browserLatencies(driver);
            System.out.printf(Locale.ROOT, "%n== AMI event leaves the socket → dashboard DOM in Chromium shows it (ms resolution)%n");
            report(browserLatencies, allSent.size());
            driver.quit();
        }
    }

    /** Writes the packets with the recorded gaps between their Timestamps, divided by {@code speed}. */
    static void play(List<AmiPacket> packets, double speed) throws InterruptedException {
        double last = Double.NaN;
        for (var p : packets) {
            var ts = p.get("Timestamp");
            if (ts != null && !ts.isBlank()) {
                double t = Double.parseDouble(ts);
                if (!Double.isNaN(last) && t > last) {
                    Thread.sleep((long) ((t - last) * 1000 / speed));
                }
                last = t;
            }
            OUT.put(p);
        }
        while (!OUT.isEmpty()) {
            Thread.sleep(1);
        }
    }

    static void mark(AmiPacket p) {
        int direction = switch (p.event() == null ? "" : p.event()) {
            case "QueueCallerJoin" -> 1;
            case "QueueCallerLeave" -> -1;
            default -> 0;
        };
        if (direction != 0 && p.get("Queue") != null) {
            var s = new Sent(p.get("Queue"), direction, System.nanoTime(), WALL.millis());
            synchronized (pendingWs) {
                pendingWs.add(s);
                allSent.add(s);
            }
        }
    }

    /** Compares each board with the previous one; a queue's count moving matches the oldest marker for it. */
    static final class BoardListener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, Integer> last = new HashMap<>();
        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean done) {
            long now = System.nanoTime();
            partial.append(data);
            if (done) {
                var seen = new HashMap<String, Integer>();
                for (var q : JSON.readTree(partial.toString()).get("queues")) {
                    seen.put(q.get("name").asString(), q.get("waiting").asInt());
                }
                for (var e : seen.entrySet()) {
                    int before = last.getOrDefault(e.getKey(), 0);
                    int delta = Integer.signum(e.getValue() - before);
                    if (delta != 0) {
                        match(e.getKey(), delta, now);
                    }
                }
                // a queue missing from the board has nobody waiting
                for (var q : last.keySet()) {
                    if (!seen.containsKey(q) && last.get(q) > 0) {
                        match(q, -1, now);
                    }
                }
                last.clear();
                last.putAll(seen);
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private static void match(String queue, int direction, long now) {
            synchronized (pendingWs) {
                var it = pendingWs.iterator();
                while (it.hasNext()) {
                    var s = it.next();
                    if (s.queue().equals(queue) && s.direction() == direction) {
                        it.remove();
                        wsLatencies.add((now - s.nanos()) / 1e6);
                        return;
                    }
                }
            }
        }
    }

    static WebDriver openDashboard(int port) {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900");
        var driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get("http://localhost:" + port + "/login");
        wait.until(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
        driver.findElement(By.cssSelector("input[name=username]")).sendKeys("admin");
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.findElements(By.id("pbx-state")).isEmpty());
        driver.get("http://localhost:" + port + "/dashboard");
        wait.until(d -> !d.findElements(By.id("dashboard-queues")).isEmpty());
        ((JavascriptExecutor) driver).executeScript("""
                window.__changes = [];
                var last = {};
                function read() {
                  var now = Date.now();
                  var seen = {};
                  document.querySelectorAll('[id^="queue-"][id$="-waiting"]').forEach(function (e) {
                    seen[e.id.substring(6, e.id.length - 8)] = parseInt(e.textContent, 10);
                  });
                  Object.keys(Object.assign({}, last, seen)).forEach(function (q) {
                    var a = last[q] || 0, b = seen[q] || 0;
                    if (a !== b) { window.__changes.push([q, b > a ? 1 : -1, now]); }
                  });
                  last = seen;
                }
                read();
                window.__changes = [];
                new MutationObserver(read).observe(document.body, {subtree: true, childList: true, characterData: true});
                """);
        return driver;
    }

    @SuppressWarnings("unchecked")
    static List<Double> browserLatencies(WebDriver driver) {
        var changes = (List<List<Object>>) ((JavascriptExecutor) driver).executeScript("return window.__changes;");
        var pending = new LinkedList<>(allSent);
        var out = new ArrayList<Double>();
        for (var c : changes) {
            var q = (String) c.get(0);
            int dir = ((Number) c.get(1)).intValue();
            long at = ((Number) c.get(2)).longValue();
            var it = pending.iterator();
            while (it.hasNext()) {
                var s = it.next();
                if (at - s.epochMillis() > MATCH_WINDOW_MS) {
                    it.remove(); // its change never showed: it must not pair with a later call's
                    continue;
                }
                if (s.queue().equals(q) && s.direction() == dir && at >= s.epochMillis()) {
                    it.remove();
                    out.add((double) (at - s.epochMillis()));
                    break;
                }
            }
        }
        return out;
    }

    static void report(List<Double> latencies, int markers) {
        var sorted = new ArrayList<>(latencies);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "markers sent %d, changes matched %d%n", markers, sorted.size());
        if (sorted.isEmpty()) {
            return;
        }
        for (double p : new double[] {0.50, 0.95, 0.99}) {
            int i = Math.max(0, (int) Math.ceil(p * sorted.size()) - 1);
            System.out.printf(Locale.ROOT, "p%.0f = %.1f ms%n", p * 100, sorted.get(i));
        }
        System.out.printf(Locale.ROOT, "min = %.1f ms, max = %.1f ms%n", sorted.getFirst(), sorted.getLast());
    }

    static String arg(String[] args, String name, String fallback) {
        for (var a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
    }
}
