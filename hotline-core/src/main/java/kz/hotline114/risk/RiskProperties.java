package kz.hotline114.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Callers at risk ({@code hotline.risk.*}).
 *
 * @param triesBeforeUnreachable how many tries to call back before a follow-up may close as "not reachable"
 * @param watch                  how often overdue follow-ups are looked for
 * @param ackTimeout             an urgent flag no supervisor acknowledged this long rings the next on-call contact
 * @param onCall                 the on-call contacts in order ({@code PJSIP/301}, or a mobile as
 *                               {@code PJSIP/+77011234567@carrier}), rung with the alert message; empty = none
 */
@ConfigurationProperties("hotline.risk")
public record RiskProperties(Integer triesBeforeUnreachable, Duration watch, Duration ackTimeout,
                             java.util.List<String> onCall) {

    public RiskProperties {
        triesBeforeUnreachable = triesBeforeUnreachable == null ? 3 : triesBeforeUnreachable;
        watch = watch == null ? Duration.ofSeconds(30) : watch;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
        onCall = onCall == null ? java.util.List.of() : onCall.stream().filter(c -> c != null && !c.isBlank())
                .map(String::strip).toList();
        if (triesBeforeUnreachable < 1) {
            throw new IllegalArgumentException("hotline.risk.tries-before-unreachable must be at least 1");
        }
    }
}
