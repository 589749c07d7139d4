package kz.hotline114.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard ({@code hotline.dashboard.*}).
 *
 * @param serviceLevelSeconds T of the service level: answered within this many seconds of queueing (default 20)
 * @param waitAlert           a caller waiting longer than this raises an alert (default 60 s)
 */
@ConfigurationProperties("hotline.dashboard")
public record DashboardProperties(Integer serviceLevelSeconds, Duration waitAlert) {

    /** Abandons within this many seconds are short abandons: counted apart, outside the service level. */
    public static final int SHORT_ABANDON_SECONDS = 5;

    public DashboardProperties {
        serviceLevelSeconds = serviceLevelSeconds == null ? 20 : serviceLevelSeconds;
        waitAlert = waitAlert == null ? Duration.ofSeconds(60) : waitAlert;
        if (serviceLevelSeconds < 1) {
            throw new IllegalArgumentException("hotline.dashboard.service-level-seconds must be 1 or more");
        }
    }
}
