package kz.hotline114.quality;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The quality monitoring ({@code hotline.quality.*}): the monthly sample drawn by itself.
 *
 * @param monthlySample  whether the previous month's sample is drawn by itself once the month is over (unless one was
 *                       drawn for it already, by hand or before)
 * @param sampleDay      the day of the month from which it is drawn (1 = the first day of the next month)
 * @param perStratum     calls per specialist and queue
 * @param calibrationShare the share of the sampled calls a second evaluator also scores (0..1)
 * @param poll           how often it looks whether the month's sample is due
 */
@ConfigurationProperties("hotline.quality")
public record QualityProperties(Boolean monthlySample, Integer sampleDay, Integer perStratum, Double calibrationShare,
                                Duration poll) {

    public QualityProperties {
        monthlySample = monthlySample == null || monthlySample;
        sampleDay = sampleDay == null ? 1 : sampleDay;
        perStratum = perStratum == null ? 2 : perStratum;
        calibrationShare = calibrationShare == null ? 0.1 : calibrationShare;
        poll = poll == null ? Duration.ofHours(1) : poll;
        if (sampleDay < 1 || sampleDay > 28) {
            throw new IllegalArgumentException("hotline.quality.sample-day must be 1..28");
        }
        if (perStratum < 1 || perStratum > 100) {
            throw new IllegalArgumentException("hotline.quality.per-stratum must be 1..100");
        }
        if (calibrationShare < 0 || calibrationShare > 1) {
            throw new IllegalArgumentException("hotline.quality.calibration-share must be 0..1");
        }
    }
}
