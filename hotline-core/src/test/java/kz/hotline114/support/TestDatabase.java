package kz.hotline114.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests, one per test JVM: a Testcontainers PostgreSQL 17 where a Docker
 * engine exists (a developer laptop), otherwise the embedded PostgreSQL 17 binary (CI, these machines).
 */
public final class TestDatabase {

    private static volatile String url;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    public static synchronized String url() {
        start();
        return url;
    }

    public static synchronized String user() {
        start();
        return user;
    }

    public static synchronized String password() {
        start();
        return password;
    }

    private static void start() {
        if (url != null) {
            return;
        }
        if (dockerAvailable()) {
            var pg = new PostgreSQLContainer("postgres:17-alpine");
            pg.start();
            url = pg.getJdbcUrl() + (pg.getJdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            user = pg.getUsername();
            password = pg.getPassword();
            return;
        }
        try {
            var pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // exiting anyway
                }
            }));
            url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            user = "postgres";
            password = "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
