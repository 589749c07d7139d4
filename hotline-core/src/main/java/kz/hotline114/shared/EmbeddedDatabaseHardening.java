package kz.hotline114.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL made fit to hold callers' data: every connection needs a password (SCRAM; the server's
 * default is {@code trust}); the superuser gets a password nobody uses after this; the schema belongs to
 * {@value #OWNER} (not a superuser: no {@code COPY … TO PROGRAM}, no dropping another role's triggers), which runs
 * the migrations; the application runs as {@value #APP}, which may read and write the tables but only add to the
 * audit log (the grants are Flyway's {@code afterMigrate} callback). Passwords are generated once into
 * {@code db-secrets.properties} in the data directory, readable by its owner only. Idempotent: run at every start.
 * A data directory from before (the tables in database {@code postgres}, owned by the superuser) keeps its
 * database, whose objects are handed to the owner role.
 */
public final class EmbeddedDatabaseHardening {

    public static final String OWNER = "hotline_owner";
    public static final String APP = "hotline_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseHardening.class);

    /** The roles' passwords and the database the application's tables are in. */
    public record Access(String database, String ownerPassword, String appPassword) {
    }

    private EmbeddedDatabaseHardening() {
    }

    /**
     * The superuser's password (generated with the others at the first start): the embedded server's own start-up
     * check connects as the superuser, and after the first start it needs the password like everyone.
     */
    public static String superuserPassword(Path dataDir) throws IOException {
        return secrets(dataDir.resolve("db-secrets.properties")).getProperty("superuser.password");
    }

    public static Access harden(EmbeddedPostgres pg, Path dataDir) throws IOException {
        var secrets = secrets(dataDir.resolve("db-secrets.properties"));
        String superPassword = secrets.getProperty("superuser.password");
        try (var c = connect(pg, "postgres", "postgres", superPassword)) {
            try (var s = c.createStatement()) {
                s.execute("alter role postgres password " + literal(superPassword));
                role(c, OWNER, secrets.getProperty("owner.password"));
                role(c, APP, secrets.getProperty("app.password"));
            }
            String database = legacy(c) ? "postgres" : "hotline";
            if (database.equals("hotline") && !exists(c, "select 1 from pg_database where datname = 'hotline'")) {
                try (var s = c.createStatement()) {
                    s.execute("create database hotline owner " + OWNER + " encoding 'UTF8'");
                }
            }
            try (var db = connect(pg, database, "postgres", superPassword); var s = db.createStatement()) {
                s.execute("alter schema public owner to " + OWNER);
                s.execute("revoke create on schema public from public");
                s.execute(HAND_OVER);
            }
            requirePasswords(c, pg);
            return new Access(database, secrets.getProperty("owner.password"), secrets.getProperty("app.password"));
        } catch (SQLException e) {
            throw new IOException("could not secure the embedded PostgreSQL in " + dataDir + ": " + e.getMessage()
                    + " (if db-secrets.properties was deleted, restore it: the roles' passwords are in it)", e);
        }
    }

    /** Every object of the public schema not yet the owner role's becomes its (a data directory from before). */
    private static final String HAND_OVER = """
            do $$
            declare r record;
            begin
                for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                           and pg_get_userbyid(c.relowner) <> '%1$s' loop
                    execute format('alter %%s %%I owner to %1$s',
                                   case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                                   r.relname);
                end loop;
                for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> '%1$s' loop
                    begin
                        execute format('alter sequence %%I owner to %1$s', r.relname);
                    exception when others then
                        null; -- a serial column's sequence follows its table
                    end;
                end loop;
                for r in select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
                         where n.nspname = 'public' and t.typtype in ('e', 'd', 'r')
                           and pg_get_userbyid(t.typowner) <> '%1$s' loop
                    execute format('alter type %%I owner to %1$s', r.typname);
                end loop;
                for r in select p.oid::regprocedure as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                         where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
                    execute format('alter routine %%s owner to %1$s', r.f);
                end loop;
            end $$""".formatted(OWNER);

    private static boolean legacy(Connection c) throws SQLException {
        return exists(c, "select 1 from pg_tables where schemaname = 'public' and tablename = 'flyway_schema_history'");
    }

    private static void role(Connection c, String name, String password) throws SQLException {
        try (var s = c.createStatement()) {
            if (exists(c, "select 1 from pg_roles where rolname = '" + name + "'")) {
                s.execute("alter role " + name + " login nosuperuser nocreatedb nocreaterole password " + literal(password));
            } else {
                s.execute("create role " + name + " login nosuperuser nocreatedb nocreaterole password " + literal(password));
            }
        }
    }

    /** pg_hba.conf: a password (SCRAM) for every connection, local or over loopback; nothing from elsewhere. */
    private static void requirePasswords(Connection c, EmbeddedPostgres pg) throws SQLException, IOException {
        String file;
        try (var s = c.createStatement(); var rs = s.executeQuery("show hba_file")) {
            rs.next();
            file = rs.getString(1);
        }
        var hba = """
                # written by the hotline at every start (EmbeddedDatabaseHardening): a password for every connection
                local   all all                scram-sha-256
                host    all all 127.0.0.1/32   scram-sha-256
                host    all all ::1/128        scram-sha-256
                """;
        var path = Path.of(file);
        if (!Files.readString(path).equals(hba)) {
            Files.writeString(path, hba);
            try (var s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL on port {}: every connection now needs a password", pg.getPort());
        }
    }

    private static Properties secrets(Path file) throws IOException {
        var p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }
        for (var key : new String[] {"superuser.password", "owner.password", "app.password"}) {
            p.setProperty(key, random());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return secrets(file);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "passwords of the embedded PostgreSQL's roles (generated at first start; keep this file)");
        }
        log.info("Generated the embedded PostgreSQL's role passwords into {} (readable by its owner only)", file);
        return p;
    }

    private static Connection connect(EmbeddedPostgres pg, String database, String user, String password)
            throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + database, props);
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String random() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
