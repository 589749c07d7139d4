package kz.hotline114.dashboard;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard ({@code hotline.dashboard.*}).
 *
 * @param serviceLevelSeconds T of the service level: answered within this many seconds of queueing (default 20)
 * @param waitAlert           a caller waiting longer than this raises an alert (default 60 s)
 * @param queues              per queue: its service-level target and wait colours
 *                            ({@code hotline.dashboard.queues.theologians.target-percent=90}); a queue not named
 *                            takes the defaults
 */
@ConfigurationProperties("hotline.dashboard")
public record DashboardProperties(Integer serviceLevelSeconds, Duration waitAlert, @Nullable Map<String, QueueTarget> queues) {

    /**
     * A queue's targets: the share of callers answered within {@code serviceLevelSeconds} it aims at, and the waits
     * that turn a waiting caller amber ({@code waitWarn}) and red ({@code waitAlert}).
     */
    public record QueueTarget(@Nullable Integer serviceLevelSeconds, @Nullable Integer targetPercent,
                              @Nullable Duration waitWarn, @Nullable Duration waitAlert) {
    }

    /** The targets of one queue, the defaults filled in: T, target %, amber and red waits. */
    public QueueTarget target(String queue) {
        var t = queues == null ? null : queues.get(queue);
        return new QueueTarget(t != null && t.serviceLevelSeconds() != null ? t.serviceLevelSeconds() : serviceLevelSeconds,
                t != null && t.targetPercent() != null ? t.targetPercent() : DEFAULT_TARGET_PERCENT,
                t != null && t.waitWarn() != null ? t.waitWarn() : waitAlert.dividedBy(2),
                t != null && t.waitAlert() != null ? t.waitAlert() : waitAlert);
    }

    /** The usual call-centre target: 80 % answered within T. */
    public static final int DEFAULT_TARGET_PERCENT = 80;

    /** Abandons within this many seconds are short abandons: counted apart, outside the service level. */
    public static final int SHORT_ABANDON_SECONDS = 5;

    public DashboardProperties {
        serviceLevelSeconds = serviceLevelSeconds == null ? 20 : serviceLevelSeconds;
        waitAlert = waitAlert == null ? Duration.ofSeconds(60) : waitAlert;
        if (serviceLevelSeconds < 1) {
            throw new IllegalArgumentException("hotline.dashboard.service-level-seconds must be 1 or more");
        }
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        queues.forEach((name, t) -> {
            if (t.targetPercent() != null && (t.targetPercent() < 1 || t.targetPercent() > 100)) {
                throw new IllegalArgumentException("hotline.dashboard.queues." + name + ".target-percent must be 1..100");
            }
            if (t.serviceLevelSeconds() != null && t.serviceLevelSeconds() < 1) {
                throw new IllegalArgumentException("hotline.dashboard.queues." + name
                        + ".service-level-seconds must be 1 or more");
            }
        });
    }
}
