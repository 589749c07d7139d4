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
}
