package kz.hotline114.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Callers at risk ({@code hotline.risk.*}).
 *
 * @param triesBeforeUnreachable how many tries to call back before a follow-up may close as "not reachable"
 * @param watch                  how often overdue follow-ups are looked for
 */
@ConfigurationProperties("hotline.risk")
public record RiskProperties(Integer triesBeforeUnreachable, Duration watch) {

    public RiskProperties {
        triesBeforeUnreachable = triesBeforeUnreachable == null ? 3 : triesBeforeUnreachable;
        watch = watch == null ? Duration.ofSeconds(30) : watch;
        if (triesBeforeUnreachable < 1) {
            throw new IllegalArgumentException("hotline.risk.tries-before-unreachable must be at least 1");
        }
    }
}
