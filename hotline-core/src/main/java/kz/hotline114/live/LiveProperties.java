package kz.hotline114.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live model ({@code hotline.live.*}).
 *
 * @param wrapUp after a queue call ends, its specialist counts as in wrap-up (not available) this long;
 *               match the queues' {@code wrapuptime} in pbx-config (default 10 s)
 */
@ConfigurationProperties("hotline.live")
public record LiveProperties(Duration wrapUp) {

    public LiveProperties {
        wrapUp = wrapUp == null ? Duration.ofSeconds(10) : wrapUp;
    }
}
