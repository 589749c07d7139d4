package kz.hotline114.reports;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reporting settings ({@code hotline.reports.*}).
 *
 * @param tariffPerMinute what one minute of an incoming call to 114 costs the grantee, in KZT; prices the
 *                        wrong-number calls (default 15)
 * @param exportMaxRows   most rows one call-log export may hold (default 2 000 000)
 */
@ConfigurationProperties("hotline.reports")
public record ReportsProperties(BigDecimal tariffPerMinute, Integer exportMaxRows) {

    public ReportsProperties {
        tariffPerMinute = tariffPerMinute == null ? new BigDecimal("15") : tariffPerMinute;
        exportMaxRows = exportMaxRows == null ? 2_000_000 : exportMaxRows;
        if (tariffPerMinute.signum() < 0) {
            throw new IllegalArgumentException("hotline.reports.tariff-per-minute must not be negative");
        }
    }
}
