package kz.hotline114.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The wrong-number filter ({@code hotline.wrong-number.*}).
 *
 * @param shortCallSeconds a caller who hangs up before choosing, within this many seconds of the IVR's answer,
 *                         is counted as a wrong number ({@link WrongNumberReason#SHORT_CALL}); later hang-ups in
 *                         the menu are {@link CallOutcome#IVR_ABANDONED}
 * @param misdialerCalls   a number becomes a known misdialer after this many wrong-number calls ... (K, default 2)
 * @param misdialerDays    ... within this many days, and stops being one after as many quiet days (D, default 90)
 */
@ConfigurationProperties("hotline.wrong-number")
public record WrongNumberProperties(Integer shortCallSeconds, Integer misdialerCalls, Integer misdialerDays) {

    public WrongNumberProperties {
        shortCallSeconds = shortCallSeconds == null ? 5 : shortCallSeconds;
        misdialerCalls = misdialerCalls == null ? 2 : misdialerCalls;
        misdialerDays = misdialerDays == null ? 90 : misdialerDays;
        if (misdialerCalls < 1 || misdialerDays < 1) {
            throw new IllegalArgumentException("hotline.wrong-number.misdialer-calls and misdialer-days must be at least 1");
        }
    }
}
