package kz.hotline114.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The call figures of a period (see {@link Statistic} for each definition). Maps are ordered: months
 * ({@code 2019-06}) ascending, the other breakdowns by count descending. Keys of {@code byRegion}: the
 * landline region, {@code MOBILE} for mobile numbers, {@code UNKNOWN} when withheld or unreadable;
 * of {@code byOperator}: the mobile operator, {@code LANDLINE} or {@code UNKNOWN}; of {@code byIvrChoice}
 * and {@code byQueue}: the key / first queue, {@code NONE} when none.
 */
public record CallFigures(LocalDate from, LocalDate to, long total, long substantive, long wrongNumber,
                          double wrongNumberShare, long abandoned, long unanswered, long menuDropped,
                          long wrongNumberMinutes, BigDecimal tariffPerMinute, BigDecimal wrongNumberCost,
                          Map<String, Long> byMonth, Map<String, Long> substantiveByMonth,
                          Map<String, Long> wrongNumberByMonth, Map<String, Long> byRegion,
                          Map<String, Long> byOperator, Map<String, Long> byIvrChoice, Map<String, Long> byQueue,
                          Map<String, Long> byOutcome) {
}
