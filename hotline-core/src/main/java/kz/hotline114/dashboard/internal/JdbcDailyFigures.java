package kz.hotline114.dashboard.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.dashboard.DailyFigures;
import kz.hotline114.dashboard.DashboardProperties;
import kz.hotline114.dashboard.DayFigures;
import kz.hotline114.dashboard.Figure;
import kz.hotline114.shared.HotlineProperties;

/** {@link DailyFigures} as two queries over {@code calls} (index {@code calls_started}); definitions in {@link Figure}. */
@Service
class JdbcDailyFigures implements DailyFigures {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final DashboardProperties props;

    private final Clock clock;

    JdbcDailyFigures(JdbcTemplate jdbc, HotlineProperties hotline, DashboardProperties props, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.zone = hotline.zone();
        this.props = props;
    }

    @Override
    public DayFigures today() {
        return of(LocalDate.ofInstant(clock.instant(), zone));
    }

    @Override
    public DayFigures of(LocalDate day, @org.jspecify.annotations.Nullable String pbxId) {
        var from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        var to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        int t = props.serviceLevelSeconds();
        int shortAbandon = DashboardProperties.SHORT_ABANDON_SECONDS;
        var perHour = perHour(day, pbxId);
        var weekAgo = perHour(day.minusWeeks(1), pbxId);
        return jdbc.queryForObject("""
                select count(*) as offered,
                       count(*) filter (where outcome = 'ANSWERED') as answered,
                       count(*) filter (where outcome = 'ABANDONED' and coalesce(wait_seconds, 0) >= ?) as abandoned,
                       count(*) filter (where outcome = 'ABANDONED' and coalesce(wait_seconds, 0) < ?) as abandoned_short,
                       count(*) filter (where outcome = 'UNANSWERED') as unanswered,
                       count(*) filter (where outcome = 'WRONG_NUMBER') as wrong_number,
                       count(*) filter (where outcome = 'WRONG_NUMBER' and wrong_number_reason = 'DECLARED') as wrong_declared,
                       count(*) filter (where outcome = 'WRONG_NUMBER' and wrong_number_reason = 'SHORT_CALL') as wrong_short,
                       count(*) filter (where outcome = 'NO_INPUT') as no_input,
                       count(*) filter (where outcome = 'ANSWERED' and coalesce(wait_seconds, 0) <= ?) as answered_in_sl,
                       avg(wait_seconds) filter (where outcome in ('ANSWERED', 'ABANDONED', 'UNANSWERED')
                                                 and wait_seconds is not null) as avg_wait,
                       avg(talk_seconds) filter (where outcome = 'ANSWERED' and talk_seconds is not null) as avg_talk
                from calls where started_at >= ? and started_at < ? and (cast(? as text) is null or pbx_id = ?)
                """, (rs, i) -> {
            long answered = rs.getLong("answered");
            long abandoned = rs.getLong("abandoned");
            long inSl = rs.getLong("answered_in_sl");
            Double sl = answered + abandoned == 0 ? null : (double) inSl / (answered + abandoned);
            Double avgWait = rs.getObject("avg_wait") == null ? null : rs.getDouble("avg_wait");
            Double avgTalk = rs.getObject("avg_talk") == null ? null : rs.getDouble("avg_talk");
            return new DayFigures(day, rs.getLong("offered"), answered, abandoned, rs.getLong("abandoned_short"),
                    rs.getLong("unanswered"), rs.getLong("wrong_number"), rs.getLong("wrong_declared"),
                    rs.getLong("wrong_short"), rs.getLong("no_input"), inSl, sl, t, avgWait, avgTalk, perHour, weekAgo);
        }, shortAbandon, shortAbandon, t, from, to, pbxId, pbxId);
    }

    @Override
    public List<QueueLevel> queuesToday() {
        var day = LocalDate.ofInstant(clock.instant(), zone);
        var from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        var to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        var counts = new TreeMap<String, long[]>(); // answered, abandoned, answered within T
        jdbc.query("""
                select queues[1] as q, outcome, coalesce(wait_seconds, 0) as w from calls
                where started_at >= ? and started_at < ? and cardinality(queues) > 0
                  and outcome in ('ANSWERED', 'ABANDONED')""", rs -> {
            var queue = rs.getString("q");
            var c = counts.computeIfAbsent(queue, k -> new long[3]);
            int w = rs.getInt("w");
            if ("ANSWERED".equals(rs.getString("outcome"))) {
                c[0]++;
                if (w <= props.target(queue).serviceLevelSeconds()) {
                    c[2]++;
                }
            } else if (w >= DashboardProperties.SHORT_ABANDON_SECONDS) {
                c[1]++;
            }
        }, from, to);
        var levels = new ArrayList<QueueLevel>();
        counts.forEach((queue, c) -> {
            var t = props.target(queue);
            levels.add(new QueueLevel(queue, c[0], c[1], c[2], c[0] + c[1] == 0 ? null : (double) c[2] / (c[0] + c[1]),
                    t.serviceLevelSeconds(), t.targetPercent()));
        });
        return levels;
    }

    private List<Long> perHour(LocalDate day, @org.jspecify.annotations.Nullable String pbxId) {
        var from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        var to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        var hours = new ArrayList<>(Collections.nCopies(24, 0L));
        // on a day with a clock change an hour can occur twice or not at all: counts follow the wall clock
        jdbc.query("""
                select extract(hour from started_at at time zone ?)::int as h, count(*) as n
                from calls where started_at >= ? and started_at < ? and (cast(? as text) is null or pbx_id = ?)
                group by 1
                """, rs -> {
            hours.set(rs.getInt("h"), rs.getLong("n"));
        }, zone.getId(), from, to, pbxId, pbxId);
        return hours;
    }
}
