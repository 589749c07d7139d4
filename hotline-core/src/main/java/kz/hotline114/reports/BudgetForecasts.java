package kz.hotline114.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The communication budget of a grant project and what the wrong numbers do to it (issue 17, item 4). The line is free
 * for callers, so the grantee pays for every billed minute of every call (at {@code hotline.reports.tariff-per-minute})
 * from the project's {@link GrantProject#communicationBudget()}. The forecast says how much is spent, how much of it
 * went on wrong numbers and what the filter of known misdialers saved, and — at the rate of the last 30 days — the day
 * the budget runs out. Reporters, supervisors and admins; caller numbers only masked.
 */
public interface BudgetForecasts {

    /** How many days back the spending rate is averaged over. */
    int RATE_DAYS = 30;

    /** Calls and the wrong numbers among them. */
    record Share(long calls, long wrongNumber) {
        /** The wrong numbers' share, 0..1 (0 without calls). */
        public double share() {
            return calls == 0 ? 0 : (double) wrongNumber / calls;
        }
    }

    /** A number that called wrong most often: masked, its wrong-number calls and their billed minutes. */
    record TopNumber(String number, long calls, long minutes) {
    }

    /** Money spent up to and including {@code day} (cumulative), or the forecast for that day. */
    record Point(LocalDate day, BigDecimal spent) {
    }

    /**
     * The forecast of a project as of a day (within its period).
     *
     * @param spent            every billed minute since the project started, at the tariff
     * @param wrongNumberSpent of which the wrong-number calls
     * @param dailyRate        spending per day over the last {@link #RATE_DAYS} days (fewer at the project's start)
     * @param runsOutOn        the day the budget is spent: already (the day it was), or at {@code dailyRate}; null
     *                         without a budget or without spending
     * @param lastsThePeriod   false when {@code runsOutOn} comes before the project's end
     * @param filtered         wrong-number calls the filter ended (the 1414 message, no key) since the project started
     * @param minutesSaved     what those numbers' earlier wrong-number calls took on average, less what the filtered
     *                         ones took ({@link WrongNumberClaims.Summary#minutesSaved()})
     * @param spending         the cumulative spending by day, {@code from} to {@code asOf}
     * @param projection       the forecast from {@code asOf} to the project's end at {@code dailyRate}
     */
    record Forecast(long projectId, String projectName, LocalDate from, LocalDate asOf, LocalDate periodTo,
                    Share total, long minutes, long wrongNumberMinutes, BigDecimal tariffPerMinute, BigDecimal spent,
                    BigDecimal wrongNumberSpent, @Nullable BigDecimal budget, BigDecimal dailyRate,
                    @Nullable LocalDate runsOutOn, boolean lastsThePeriod, long filtered, long minutesSaved,
                    BigDecimal moneySaved, Map<LocalDate, Share> byDay, Map<Integer, Share> byHour,
                    Map<String, Share> byOperator, Map<String, Share> byRegion, List<TopNumber> topNumbers,
                    List<Point> spending, List<Point> projection) {
        public Forecast {
            byDay = ordered(byDay);
            byHour = ordered(byHour);
            byOperator = ordered(byOperator);
            byRegion = ordered(byRegion);
            topNumbers = List.copyOf(topNumbers);
            spending = List.copyOf(spending);
            projection = List.copyOf(projection);
        }

        /** A copy in the given order (days and hours ascending, operators and regions by calls). */
        private static <K, V> Map<K, V> ordered(Map<K, V> m) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
        }

        /** The budget left (negative when overspent); null without a budget. */
        public @Nullable BigDecimal left() {
            return budget == null ? null : budget.subtract(spent);
        }
    }

    /**
     * The forecast of project {@code projectId} as of {@code asOf} (moved into the project's period).
     *
     * @throws InvalidReport {@code id: unknown} for no such project
     */
    Forecast forecast(long projectId, LocalDate asOf);
}
