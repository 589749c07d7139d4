package kz.hotline114.reports.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProject.Activity;
import kz.hotline114.reports.GrantProject.Indicator;
import kz.hotline114.reports.GrantProject.ReportingPeriod;
import kz.hotline114.reports.GrantProject.Task;
import kz.hotline114.reports.GrantProjectRules;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.Statistic;
import kz.hotline114.security.AuditLog;

@Service
class JdbcGrantProjects implements GrantProjects {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    JdbcGrantProjects(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<GrantProject> list() {
        ReportAccess.read();
        return jdbc.queryForList("select id from grant_project order by period_from desc, id", Long.class).stream()
                .map(this::load).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GrantProject> get(long id) {
        ReportAccess.read();
        var exists = jdbc.queryForObject("select count(*) from grant_project where id = ?", Long.class, id);
        return exists == 0 ? Optional.empty() : Optional.of(load(id));
    }

    GrantProject load(long id) {
        var indicators = new LinkedHashMap<Long, List<Indicator>>();
        jdbc.query("""
                select i.* from grant_indicator i join grant_activity a on a.id = i.activity_id
                join grant_task t on t.id = a.task_id where t.project_id = ? order by i.sort_order, i.id""", rs -> {
            indicators.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>()).add(new Indicator(
                    rs.getLong("id"), rs.getString("name"), rs.getString("unit"), rs.getBigDecimal("planned"),
                    rs.getString("metric") == null ? null : Statistic.valueOf(rs.getString("metric")),
                    rs.getBigDecimal("manual_actual"), rs.getString("evidence"), rs.getString("name_ru"),
                    rs.getString("unit_ru")));
        }, id);
        var activities = new LinkedHashMap<Long, List<Activity>>();
        jdbc.query("""
                select a.* from grant_activity a join grant_task t on t.id = a.task_id
                where t.project_id = ? order by a.number""", rs -> {
            activities.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new Activity(rs.getLong("id"),
                    rs.getInt("number"), rs.getString("title"), rs.getString("title_ru"),
                    indicators.getOrDefault(rs.getLong("id"), List.of())));
        }, id);
        var tasks = jdbc.query("select * from grant_task where project_id = ? order by number", (rs, n) -> new Task(
                rs.getLong("id"), rs.getInt("number"), rs.getString("title"), rs.getString("title_ru"),
                activities.getOrDefault(rs.getLong("id"), List.of())), id);
        var periods = jdbc.query("select * from grant_reporting_period where project_id = ? order by period_from, id",
                (rs, n) -> new ReportingPeriod(rs.getString("label"), rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate()), id);
        return jdbc.queryForObject("select * from grant_project where id = ?", (rs, n) -> new GrantProject(
                rs.getLong("id"), rs.getString("name"), rs.getString("grantee"), rs.getString("agreement_no"),
                rs.getDate("agreement_date") == null ? null : rs.getDate("agreement_date").toLocalDate(),
                rs.getBigDecimal("grant_sum"), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), tasks, periods, rs.getBigDecimal("communication_budget")), id);
    }

    @Override
    @Transactional
    public GrantProject save(GrantProject p) {
        ReportAccess.write();
        validate(p);
        long id = p.id();
        if (id == 0) {
            var keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                var ps = c.prepareStatement("""
                        insert into grant_project (name, grantee, agreement_no, agreement_date, grant_sum, period_from, period_to,
                            communication_budget)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", new String[]{"id"});
                bindProject(ps, p);
                return ps;
            }, keys);
            id = keys.getKey().longValue();
        } else {
            long pid = id;
            int n = jdbc.update(c -> {
                var ps = c.prepareStatement("""
                        update grant_project set name = ?, grantee = ?, agreement_no = ?, agreement_date = ?,
                            grant_sum = ?, period_from = ?, period_to = ?, communication_budget = ? where id = ?""");
                bindProject(ps, p);
                ps.setLong(9, pid);
                return ps;
            });
            if (n == 0) {
                throw new InvalidReport(Map.of("id", "unknown"));
            }
            jdbc.update("delete from grant_task where project_id = ?", id);
            jdbc.update("delete from grant_reporting_period where project_id = ?", id);
        }
        for (Task t : p.tasks()) {
            long taskId = insert("insert into grant_task (project_id, number, title, title_ru) values (?, ?, ?, ?)", id,
                    t.number(), t.title().strip(), blankToNull(t.titleRu()));
            for (Activity a : t.activities()) {
                long activityId = insert("insert into grant_activity (task_id, number, title, title_ru) values (?, ?, ?, ?)",
                        taskId, a.number(), a.title().strip(), blankToNull(a.titleRu()));
                int order = 0;
                for (Indicator i : a.indicators()) {
                    jdbc.update("""
                            insert into grant_indicator (activity_id, name, unit, planned, metric, manual_actual, evidence,
                                sort_order, name_ru, unit_ru)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", activityId, i.name().strip(), i.unit().strip(),
                            i.planned(), i.metric() == null ? null : i.metric().name(),
                            i.metric() == null ? i.manualActual() : null, blankToNull(i.evidence()), ++order,
                            blankToNull(i.nameRu()), blankToNull(i.unitRu()));
                }
            }
        }
        for (ReportingPeriod r : p.periods()) {
            jdbc.update("insert into grant_reporting_period (project_id, label, period_from, period_to) values (?, ?, ?, ?)",
                    id, r.label().strip(), Date.valueOf(r.from()), Date.valueOf(r.to()));
        }
        audit.record("GRANT_PROJECT_SAVED", String.valueOf(id), p.name());
        return load(id);
    }

    private long insert(String sql, Object... args) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement(sql, new String[]{"id"});
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static void bindProject(PreparedStatement ps, GrantProject p) throws SQLException {
        ps.setString(1, p.name().strip());
        ps.setString(2, p.grantee().strip());
        ps.setString(3, blankToNull(p.agreementNo()));
        ps.setDate(4, p.agreementDate() == null ? null : Date.valueOf(p.agreementDate()));
        ps.setBigDecimal(5, p.grantSum());
        ps.setDate(6, Date.valueOf(p.periodFrom()));
        ps.setDate(7, Date.valueOf(p.periodTo()));
        ps.setBigDecimal(8, p.communicationBudget());
    }

    static void validate(GrantProject p) {
        var errors = GrantProjectRules.problems(p);
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    static BigDecimal zeroIfNull(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
