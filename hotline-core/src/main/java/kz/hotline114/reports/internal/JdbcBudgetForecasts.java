package kz.hotline114.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.reports.BudgetForecasts;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportsProperties;
import kz.hotline114.reports.WrongNumberClaims;
import kz.hotline114.shared.HotlineProperties;

/**
 * {@link BudgetForecasts} from the daily rollup ({@code call_daily}: spending, days, operators, regions) and the call
 * table (hours of the day, the top numbers), with the filter's savings as the carrier claim counts them.
 */
@Service
class JdbcBudgetForecasts implements BudgetForecasts {

    private static final int TOP = 10;

    private final JdbcTemplate jdbc;
    private final GrantProjects projects;
    private final WrongNumberClaims claims;
    private final ReportsProperties props;
    private final HotlineProperties hotline;

    JdbcBudgetForecasts(JdbcTemplate jdbc, GrantProjects projects, WrongNumberClaims claims, ReportsProperties props,
                        HotlineProperties hotline) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.claims = claims;
        this.props = props;
        this.hotline = hotline;
    }

    @Override
    @Transactional(readOnly = true)
    public Forecast forecast(long projectId, LocalDate asOf) {
        ReportAccess.read();
        GrantProject p = projects.get(projectId).orElseThrow(() -> new InvalidReport(Map.of("id", "unknown")));
        LocalDate from = p.periodFrom();
        LocalDate day = asOf.isBefore(from) ? from : asOf.isAfter(p.periodTo()) ? p.periodTo() : asOf;
        var byDay = new TreeMap<LocalDate, Share>();
        var minutesByDay = new TreeMap<LocalDate, Long>();
        var operators = new LinkedHashMap<String, Share>();
        var regions = new LinkedHashMap<String, Share>();
        long[] wrongMinutes = new long[1];
        rollup(from, day, byDay, minutesByDay, operators, regions, wrongMinutes);
        long calls = byDay.values().stream().mapToLong(Share::calls).sum();
        long wrong = byDay.values().stream().mapToLong(Share::wrongNumber).sum();
        long minutes = minutesByDay.values().stream().mapToLong(Long::longValue).sum();

        var spending = new ArrayList<Point>();
        long cumulative = 0;
        for (LocalDate d = from; !d.isAfter(day); d = d.plusDays(1)) {
            cumulative += minutesByDay.getOrDefault(d, 0L);
            spending.add(new Point(d, money(cumulative)));
        }
        BigDecimal spent = money(minutes);
        LocalDate rateFrom = day.minusDays(RATE_DAYS - 1L).isBefore(from) ? from : day.minusDays(RATE_DAYS - 1L);
        long rateMinutes = minutesByDay.tailMap(rateFrom).values().stream().mapToLong(Long::longValue).sum();
        BigDecimal rate = money(rateMinutes).divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(rateFrom, day) + 1), 2,
                RoundingMode.HALF_UP);
        BigDecimal budget = p.communicationBudget();
        LocalDate runsOut = runsOut(budget, spent, rate, day, spending);
        var claim = claims.summary(from, day);
        return new Forecast(p.id(), p.name(), from, day, p.periodTo(), new Share(calls, wrong), minutes, wrongMinutes[0],
                props.tariffPerMinute(), spent, money(wrongMinutes[0]), budget, rate, runsOut,
                runsOut == null || runsOut.isAfter(p.periodTo()), claim.filtered(), claim.minutesSaved(),
                money(claim.minutesSaved()), byDay, byHour(from, day), byCalls(operators), byCalls(regions),
                top(from, day), spending, projection(spent, rate, day, p.periodTo()));
    }

    /** Days, operators and regions from the rollup: one pass over the project's days. */
    private void rollup(LocalDate from, LocalDate to, Map<LocalDate, Share> byDay, Map<LocalDate, Long> minutesByDay,
                        Map<String, Share> operators, Map<String, Share> regions, long[] wrongMinutes) {
        jdbc.query("""
                select day, case when region <> '' then region when operator <> '' then 'MOBILE' else 'UNKNOWN' end as r,
                       case when operator <> '' then operator when region <> '' then 'LANDLINE' else 'UNKNOWN' end as o,
                       outcome = 'WRONG_NUMBER' as wrong, sum(calls) as calls, sum(billed_minutes) as minutes
                from call_daily where day between ? and ? group by 1, 2, 3, 4 having sum(calls) <> 0""", rs -> {
            LocalDate d = rs.getDate("day").toLocalDate();
            long n = rs.getLong("calls");
            long w = rs.getBoolean("wrong") ? n : 0;
            byDay.merge(d, new Share(n, w), JdbcBudgetForecasts::plus);
            minutesByDay.merge(d, rs.getLong("minutes"), Long::sum);
            operators.merge(rs.getString("o"), new Share(n, w), JdbcBudgetForecasts::plus);
            regions.merge(rs.getString("r"), new Share(n, w), JdbcBudgetForecasts::plus);
            if (rs.getBoolean("wrong")) {
                wrongMinutes[0] += rs.getLong("minutes");
            }
        }, Date.valueOf(from), Date.valueOf(to));
    }

    private Map<Integer, Share> byHour(LocalDate from, LocalDate to) {
        var hours = new TreeMap<Integer, Share>();
        jdbc.query("""
                select extract(hour from started_at at time zone ?)::int as h, count(*) as calls,
                       count(*) filter (where outcome = 'WRONG_NUMBER') as wrong
                from calls where started_at >= ? and started_at < ? and outcome <> 'IN_PROGRESS' group by 1""",
                rs -> {
                    hours.put(rs.getInt("h"), new Share(rs.getLong("calls"), rs.getLong("wrong")));
                }, hotline.zone().getId(), start(from), start(to.plusDays(1)));
        return hours;
    }

    private List<TopNumber> top(LocalDate from, LocalDate to) {
        return jdbc.query("""
                select caller_number, count(*) as calls, sum(%s) as minutes
                from calls where outcome = 'WRONG_NUMBER' and caller_number is not null and started_at >= ?
                    and started_at < ?
                group by caller_number order by calls desc, minutes desc, caller_number limit ?"""
                .formatted(JdbcWrongNumberClaims.MINUTES),
                (rs, i) -> new TopNumber(PhoneNumbers.mask(rs.getString(1)), rs.getLong(2), rs.getLong(3)),
                start(from), start(to.plusDays(1)), TOP);
    }

    /**
     * The run-out day: with the budget spent already, the first day the cumulative spending reached it; else today
     * plus the days the rest lasts at {@code rate}; null without a budget or a rate.
     */
    static @Nullable LocalDate runsOut(@Nullable BigDecimal budget, BigDecimal spent, BigDecimal rate, LocalDate day,
                                       List<Point> spending) {
        if (budget == null) {
            return null;
        }
        if (spent.compareTo(budget) >= 0) {
            return spending.stream().filter(pt -> pt.spent().compareTo(budget) >= 0).findFirst().map(Point::day)
                    .orElse(day);
        }
        if (rate.signum() <= 0) {
            return null;
        }
        long days = budget.subtract(spent).divide(rate, 0, RoundingMode.CEILING).longValueExact();
        return day.plusDays(days);
    }

    /** The forecast line: from {@code day} at {@code rate} to the project's end. */
    private static List<Point> projection(BigDecimal spent, BigDecimal rate, LocalDate day, LocalDate periodTo) {
        var out = new ArrayList<Point>();
        for (LocalDate d = day; !d.isAfter(periodTo); d = d.plusDays(1)) {
            out.add(new Point(d, spent.add(rate.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(day, d))))));
        }
        return out;
    }

    private BigDecimal money(long minutes) {
        return props.tariffPerMinute().multiply(BigDecimal.valueOf(minutes)).setScale(2, RoundingMode.HALF_UP);
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(hotline.zone()).toInstant());
    }

    private static Share plus(Share a, Share b) {
        return new Share(a.calls() + b.calls(), a.wrongNumber() + b.wrongNumber());
    }

    /** Most calls first, then by name. */
    private static Map<String, Share> byCalls(Map<String, Share> m) {
        var sorted = new LinkedHashMap<String, Share>();
        m.entrySet().stream().sorted(Map.Entry.<String, Share>comparingByValue((a, b) -> Long.compare(b.calls(),
                a.calls())).thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
