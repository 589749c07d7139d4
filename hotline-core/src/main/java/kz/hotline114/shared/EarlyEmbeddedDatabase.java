package kz.hotline114.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded PostgreSQL (and hardens it) on a thread of its own as soon as the configuration is known, while
 * Spring is still reading its bean definitions — instead of when the first bean needs the database, some seconds later
 * (issue 21: a fresh data directory's initdb and a start were ~2 s of the critical path on two cores). The
 * application's {@code main} adds it; {@link EmbeddedDatabaseConfiguration} takes what it started. Nothing happens
 * when a database URL is configured.
 */
public final class EarlyEmbeddedDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** A started, hardened embedded database. */
    record Started(EmbeddedPostgres pg, EmbeddedDatabaseHardening.Access access) {
    }

    private static final Map<Path, CompletableFuture<Started>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var env = event.getEnvironment();
        if (!env.getProperty("spring.datasource.url", "").isBlank() || Boolean.getBoolean("spring.aot.processing")) {
            return; // a database of its own, or a build step that runs main() only to read the configuration
        }
        var configured = env.getProperty("hotline.data-dir", "");
        var dataDir = configured.isBlank() ? HotlineProperties.defaultDataDir() : Path.of(configured);
        STARTING.computeIfAbsent(key(dataDir), dir -> {
            var started = new CompletableFuture<Started>();
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                try {
                    var pg = EmbeddedDatabaseConfiguration.start(dataDir);
                    started.complete(new Started(pg, EmbeddedDatabaseHardening.harden(pg, dataDir)));
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                }
            });
            return started;
        });
    }

    /** What was started early for this data directory (once), or null: the caller starts it then. */
    static @Nullable Started take(Path dataDir) throws IOException {
        var started = STARTING.remove(key(dataDir));
        if (started == null) {
            return null;
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Path key(Path dataDir) {
        return dataDir.toAbsolutePath().normalize();
    }
}
