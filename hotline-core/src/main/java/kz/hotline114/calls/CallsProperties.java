package kz.hotline114.calls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Call assembly ({@code hotline.calls.*}).
 *
 * @param repeatWindow     a call from a number that already called within this window is a repeat call
 * @param linger           how long an ended call stays in memory to absorb late events (CDR, last hangups)
 * @param staleAfter       an unfinished call with no events for this long is dropped from memory
 */
@ConfigurationProperties("hotline.calls")
public record CallsProperties(Duration repeatWindow, Duration linger, Duration staleAfter) {

    public CallsProperties {
        repeatWindow = repeatWindow == null ? Duration.ofHours(24) : repeatWindow;
        linger = linger == null ? Duration.ofSeconds(60) : linger;
        staleAfter = staleAfter == null ? Duration.ofHours(4) : staleAfter;
    }
}
