package kz.hotline114.shared;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Application-wide settings ({@code hotline.*}).
 *
 * @param zone    the hotline's time zone: days, months and hours in views and reports are counted in it
 *                (times are stored as instants)
 * @param dataDir where the embedded PostgreSQL keeps its data when no database URL is configured
 *                ({@code HOTLINE_DATA_DIR}, default {@code ~/.hotline114})
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(ZoneId zone, Path dataDir) {

    public HotlineProperties {
        zone = zone == null ? ZoneId.of("Asia/Almaty") : zone;
        dataDir = dataDir == null ? defaultDataDir() : dataDir;
    }

    /** {@code ~/.hotline114}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".hotline114");
    }
}
