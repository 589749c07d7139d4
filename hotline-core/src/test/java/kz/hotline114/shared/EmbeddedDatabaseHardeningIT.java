package kz.hotline114.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL as the app starts it on its own (no datasource configured), attacked as the audit did:
 * no password, the app's role running commands through {@code COPY … TO PROGRAM}, truncating the audit log, fsync off.
 */
class EmbeddedDatabaseHardeningIT {

    @TempDir
    Path dataDir;

    @Test
    void a_fresh_data_directory_needs_passwords_and_the_app_role_cannot_touch_the_audit_log() throws Exception {
        try (var pg = start()) {
            var access = EmbeddedDatabaseHardening.harden(pg, dataDir);
            assertThat(access.database()).isEqualTo("hotline");
            migrate(pg, access);

            assertThatThrownBy(() -> connect(pg, "hotline", "postgres", "")).as("no password, no entry")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(pg, "hotline", EmbeddedDatabaseHardening.APP, "guess"))
                    .isInstanceOf(SQLException.class);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-secrets.properties")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            try (var app = connect(pg, "hotline", EmbeddedDatabaseHardening.APP, access.appPassword());
                 var s = app.createStatement()) {
                assertThat(value(app, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
                assertThat(value(app, "show fsync")).isEqualTo("on");
                assertThat(value(app, "show synchronous_commit")).isEqualTo("on");
                s.execute("insert into audit_log (username, action) values ('it', 'TEST')");
                assertThat(value(app, "select count(*)::text from app_user")).isNotNull();
                assertThatThrownBy(() -> s.execute("copy (select 1) to program 'id'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("truncate audit_log")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("delete from audit_log")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("drop trigger audit_log_append_only on audit_log"))
                        .hasMessageContaining("must be owner");
            }
            try (var owner = connect(pg, "hotline", EmbeddedDatabaseHardening.OWNER, access.ownerPassword());
                 var s = owner.createStatement()) {
                assertThatThrownBy(() -> s.execute("truncate audit_log")).as("even the owner: the statement trigger")
                        .hasMessageContaining("append-only");
            }
        }
        try (var again = start()) {
            var access = EmbeddedDatabaseHardening.harden(again, dataDir);
            try (var app = connect(again, "hotline", EmbeddedDatabaseHardening.APP, access.appPassword())) {
                assertThat(value(app, "select count(*)::text from audit_log")).isEqualTo("1");
            }
        }
    }

    @Test
    void a_data_directory_from_before_keeps_its_tables_now_owned_by_the_owner_role() throws Exception {
        try (var old = start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration")
                    .outOfOrder(true).load().migrate();
        }
        try (var pg = start()) {
            var access = EmbeddedDatabaseHardening.harden(pg, dataDir);
            assertThat(access.database()).isEqualTo("postgres");
            migrate(pg, access);
            try (var app = connect(pg, "postgres", EmbeddedDatabaseHardening.APP, access.appPassword())) {
                assertThat(value(app, "select tableowner from pg_tables where tablename = 'calls'"))
                        .isEqualTo(EmbeddedDatabaseHardening.OWNER);
                try (var s = app.createStatement()) {
                    s.execute("insert into audit_log (username, action) values ('it', 'TEST')");
                    assertThatThrownBy(() -> s.execute("update audit_log set action = 'X'"))
                            .hasMessageContaining("permission denied");
                }
            }
        }
    }

    private EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pgdata")).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setConnectConfig("password", EmbeddedDatabaseHardening.superuserPassword(dataDir)).start();
    }

    private static void migrate(EmbeddedPostgres pg, EmbeddedDatabaseHardening.Access access) {
        var owner = new PGSimpleDataSource();
        owner.setUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + access.database());
        owner.setUser(EmbeddedDatabaseHardening.OWNER);
        owner.setPassword(access.ownerPassword());
        Flyway.configure().dataSource(owner).locations("classpath:db/migration").outOfOrder(true).load().migrate();
    }

    private static Connection connect(EmbeddedPostgres pg, String db, String user, String password) throws SQLException {
        var p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db, p);
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
