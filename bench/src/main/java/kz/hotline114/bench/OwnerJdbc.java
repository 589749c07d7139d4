package kz.hotline114.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import kz.hotline114.shared.EmbeddedDatabaseHardening;

/**
 * A connection to the benchmark's embedded database as the schema's owner: a bulk load switches the rollup trigger off
 * and rebuilds indexes, which the application's own role (rightly) may not do.
 */
final class OwnerJdbc {

    private OwnerJdbc() {
    }

    /** {@code app} is the application's JdbcTemplate, {@code dataDir} the data directory it was started with. */
    static JdbcTemplate of(JdbcTemplate app, Path dataDir) throws IOException, SQLException {
        var secrets = new Properties();
        try (var in = Files.newInputStream(dataDir.resolve("db-secrets.properties"))) {
            secrets.load(in);
        }
        String url;
        try (var c = app.getDataSource().getConnection()) {
            url = c.getMetaData().getURL();
        }
        return new JdbcTemplate(new DriverManagerDataSource(url, EmbeddedDatabaseHardening.OWNER,
                secrets.getProperty("owner.password")));
    }

    /**
     * A bulk load of the call table as a DBA would do it: the rollup trigger off and the keys and secondary indexes
     * dropped while {@code load} runs, then rebuilt and the table analysed ({@code owner}: {@link #of}).
     */
    static void bulkLoadCalls(JdbcTemplate owner, Runnable load) {
        owner.execute("alter table calls disable trigger calls_daily");
        owner.execute("alter table calls drop constraint calls_pkey");
        owner.execute("drop index calls_started, calls_caller, calls_outcome");
        load.run();
        owner.execute("alter table calls add primary key (pbx_id, linkedid)");
        owner.execute("create index calls_started on calls (started_at desc)");
        owner.execute("create index calls_caller on calls (caller_number, started_at) where caller_number is not null");
        owner.execute("create index calls_outcome on calls (outcome, started_at)");
        owner.execute("alter table calls enable trigger calls_daily");
        owner.execute("analyze calls");
    }
}
