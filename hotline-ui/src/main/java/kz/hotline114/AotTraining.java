package kz.hotline114;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The build's training run for the JDK's ahead-of-time cache (issue 21, JEP 483/514/515): with
 * {@code hotline.aot-training=true} the application, once ready, asks itself what a first user would (the sign-in page,
 * the console's resources, health, the call log's API) and exits; the JVM, started with {@code -XX:AOTCacheOutput},
 * then writes the classes it loaded and linked, and the methods' profiles, into the cache the README's command uses.
 */
@Component
@ConditionalOnProperty("hotline.aot-training")
class AotTraining {

    private static final Logger log = LoggerFactory.getLogger(AotTraining.class);

    @EventListener
    void on(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
        var password = context.getEnvironment().getProperty("hotline.admin-password", "");
        Thread.ofPlatform().name("aot-training").start(() -> {
            try {
                exercise(port, password);
            } catch (Exception e) {
                log.warn("The AOT training run's requests failed (the cache holds less): {}", e.toString());
            }
            int code = SpringApplication.exit(context, () -> 0);
            System.exit(code);
        });
    }

    private static void exercise(int port, String password) throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        var base = "http://127.0.0.1:" + port;
        for (int round = 0; round < 3; round++) {
            for (var path : List.of("/login", "/", "/actuator/health", "/api/calls?size=20", "/api/live",
                    "/api/no-such-thing")) {
                var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                        .header("Authorization", basic).GET().build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                log.info("AOT training: {} → {}", path, response.statusCode());
            }
            Thread.sleep(1000);
        }
    }
}
