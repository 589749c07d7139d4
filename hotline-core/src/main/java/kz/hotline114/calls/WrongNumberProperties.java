package kz.hotline114.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The wrong-number filter ({@code hotline.wrong-number.*}).
 *
 * @param shortCallSeconds a caller who hangs up before choosing, within this many seconds of the IVR's answer,
 *                         is counted as a wrong number ({@link WrongNumberReason#SHORT_CALL}); later hang-ups in
 *                         the menu are {@link CallOutcome#IVR_ABANDONED}
 */
@ConfigurationProperties("hotline.wrong-number")
public record WrongNumberProperties(Integer shortCallSeconds) {

    public WrongNumberProperties {
        shortCallSeconds = shortCallSeconds == null ? 5 : shortCallSeconds;
    }
}
