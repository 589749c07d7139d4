package kz.hotline114.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.reports.CallFigures;
import kz.hotline114.reports.CallStatistics;
import kz.hotline114.reports.ReportsProperties;
import kz.hotline114.shared.HotlineProperties;

/**
 * Reads the daily rollup {@code call_daily} (V40): one grouping-sets query per report. Keeps the
 * rollup's zone equal to {@code hotline.zone} and rebuilds it when the zone changes.
 */
@Service
class JdbcCallStatistics implements CallStatistics {

    private static final Logger log = LoggerFactory.getLogger(JdbcCallStatistics.class);

    private final JdbcTemplate jdbc;
    private final HotlineProperties hotline;
    private final ReportsProperties props;

    JdbcCallStatistics(JdbcTemplate jdbc, HotlineProperties hotline, ReportsProperties props) {
        this.jdbc = jdbc;
        this.hotline = hotline;
        this.props = props;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void keepZone() {
        String zone = hotline.zone().getId();
        String stored = jdbc.queryForObject("select zone from call_stats_zone", String.class);
        if (!zone.equals(stored)) {
            log.info("hotline.zone is {} but the call rollup counts days in {}: rebuilding it", zone, stored);
            jdbc.update("update call_stats_zone set zone = ?", zone);
            jdbc.execute("select call_daily_rebuild()");
        }
    }

    @Override
    @Transactional
    public void rebuildRollup() {
        jdbc.update("update call_stats_zone set zone = ?", hotline.zone().getId());
        jdbc.execute("select call_daily_rebuild()");
    }

    @Override
    @Transactional(readOnly = true)
    public CallFigures figures(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        var outcomes = new TreeMap<String, long[]>();           // outcome -> {calls, billed minutes}
        var months = new TreeMap<String, Map<String, Long>>();   // month -> outcome -> calls
        var regions = new LinkedHashMap<String, Long>();
        var operators = new LinkedHashMap<String, Long>();
        var ivr = new LinkedHashMap<String, Long>();
        var queues = new LinkedHashMap<String, Long>();
        jdbc.query("""
                select grouping(month, outcome, region_key, operator_key, ivr_choice, queue) as g,
                       month, outcome, region_key, operator_key, ivr_choice, queue,
                       sum(calls) as calls, sum(billed_minutes) as minutes
                from (select to_char(day, 'YYYY-MM') as month, outcome,
                             case when region <> '' then region when operator <> '' then 'MOBILE' else 'UNKNOWN' end as region_key,
                             case when operator <> '' then operator when region <> '' then 'LANDLINE' else 'UNKNOWN' end as operator_key,
                             ivr_choice, queue, calls, billed_minutes
                      from call_daily where day between ? and ?) d
                group by grouping sets ((outcome), (month, outcome), (region_key), (operator_key), (ivr_choice), (queue))
                having sum(calls) <> 0""", rs -> {
            long calls = rs.getLong("calls");
            switch (rs.getInt("g")) {
                // grouping() bits, left to right: month, outcome, region_key, operator_key, ivr_choice, queue
                case 0b101111 -> outcomes.put(rs.getString("outcome"), new long[]{calls, rs.getLong("minutes")});
                case 0b001111 -> months.computeIfAbsent(rs.getString("month"), m -> new TreeMap<>())
                        .put(rs.getString("outcome"), calls);
                case 0b110111 -> regions.put(rs.getString("region_key"), calls);
                case 0b111011 -> operators.put(rs.getString("operator_key"), calls);
                case 0b111101 -> ivr.put(none(rs.getString("ivr_choice")), calls);
                case 0b111110 -> queues.put(none(rs.getString("queue")), calls);
                default -> throw new IllegalStateException("unexpected grouping " + rs.getInt("g"));
            }
        }, from, to);

        long total = outcomes.values().stream().mapToLong(v -> v[0]).sum();
        long wrong = count(outcomes, "WRONG_NUMBER");
        long wrongMinutes = outcomes.containsKey("WRONG_NUMBER") ? outcomes.get("WRONG_NUMBER")[1] : 0;
        var byOutcome = new LinkedHashMap<String, Long>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v[0]));
        var byMonth = new LinkedHashMap<String, Long>();
        var substantiveByMonth = new LinkedHashMap<String, Long>();
        var wrongByMonth = new LinkedHashMap<String, Long>();
        months.forEach((month, byOut) -> {
            byMonth.put(month, byOut.values().stream().mapToLong(Long::longValue).sum());
            substantiveByMonth.put(month, byOut.getOrDefault("ANSWERED", 0L));
            wrongByMonth.put(month, byOut.getOrDefault("WRONG_NUMBER", 0L));
        });
        double share = total == 0 ? 0 : BigDecimal.valueOf(wrong).divide(BigDecimal.valueOf(total), 4,
                RoundingMode.HALF_UP).doubleValue();
        return new CallFigures(from, to, total, count(outcomes, "ANSWERED"), wrong, share, count(outcomes, "ABANDONED"),
                count(outcomes, "UNANSWERED"), count(outcomes, "IVR_ABANDONED") + count(outcomes, "NO_INPUT")
                + count(outcomes, "INVALID_CHOICE"), wrongMinutes, props.tariffPerMinute(),
                props.tariffPerMinute().multiply(BigDecimal.valueOf(wrongMinutes)).setScale(2, RoundingMode.HALF_UP),
                byMonth, substantiveByMonth, wrongByMonth, byCountDesc(regions), byCountDesc(operators),
                byCountDesc(ivr), byCountDesc(queues), byCountDesc(byOutcome));
    }

    private static long count(Map<String, long[]> outcomes, String outcome) {
        long[] v = outcomes.get(outcome);
        return v == null ? 0 : v[0];
    }

    private static String none(String s) {
        return s.isEmpty() ? "NONE" : s;
    }

    static Map<String, Long> byCountDesc(Map<String, Long> m) {
        var sorted = new LinkedHashMap<String, Long>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
