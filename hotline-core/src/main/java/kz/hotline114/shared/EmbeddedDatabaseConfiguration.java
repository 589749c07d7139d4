package kz.hotline114.shared;

import java.io.IOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url}, the app runs on an embedded PostgreSQL (a real PostgreSQL 17 binary,
 * started in about a second) whose data lives in {@code hotline.data-dir}/pgdata and survives restarts: durable
 * (fsync and synchronous commits on — the library's test defaults turn them off), every connection with a password,
 * the migrations run as the schema's owner and the application as a role that may not change the audit log
 * ({@link EmbeddedDatabaseHardening}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Made by {@link #embeddedPostgres} when {@link EarlyEmbeddedDatabase} had started the database already. */
    private EmbeddedDatabaseHardening.@org.jspecify.annotations.Nullable Access earlyAccess;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HotlineProperties props) throws IOException {
        var early = EarlyEmbeddedDatabase.take(props.dataDir());
        if (early != null) {
            earlyAccess = early.access();
            return early.pg();
        }
        return start(props.dataDir());
    }

    /** Starts the embedded PostgreSQL of {@code dataDir} (also from {@link EarlyEmbeddedDatabase}'s thread). */
    static EmbeddedPostgres start(java.nio.file.Path dataDir) throws IOException {
        var dir = dataDir.resolve("pgdata");
        Files.createDirectories(dir.getParent());
        var superuserPassword = EmbeddedDatabaseHardening.superuserPassword(dataDir);
        log.info("No spring.datasource.url: starting an embedded PostgreSQL with its data in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "50")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", superuserPassword)
                .start();
    }

    @Bean
    EmbeddedDatabaseHardening.Access embeddedDatabaseAccess(EmbeddedPostgres pg, HotlineProperties props)
            throws IOException {
        return earlyAccess != null ? earlyAccess : EmbeddedDatabaseHardening.harden(pg, props.dataDir());
    }

    /** The application's connections: the runtime role. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres pg, EmbeddedDatabaseHardening.Access access) {
        return pool(pg, access.database(), EmbeddedDatabaseHardening.APP, access.appPassword(), 10, "hotline-embedded");
    }

    /** The migrations' connections: the schema's owner, unpooled (used once at start, as many as Flyway asks). */
    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres pg, EmbeddedDatabaseHardening.Access access) {
        var owner = new PGSimpleDataSource();
        owner.setUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + access.database());
        owner.setUser(EmbeddedDatabaseHardening.OWNER);
        owner.setPassword(access.ownerPassword());
        return owner;
    }

    private static HikariDataSource pool(EmbeddedPostgres pg, String database, String user, String password, int size,
                                         String name) {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + database + "?reWriteBatchedInserts=true");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(size, 2));
        config.setPoolName(name);
        return new HikariDataSource(config);
    }
}
