package kz.hotline114.reports.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import kz.hotline114.appointments.AppointmentStatistics;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.CentreCounts;
import kz.hotline114.appointments.CentreEvent;
import kz.hotline114.appointments.EventsRegister;
import kz.hotline114.cases.CaseCounts;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.reports.BudgetForecasts;
import kz.hotline114.reports.CallFigures;
import kz.hotline114.reports.CallStatistics;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.InterimReport;
import kz.hotline114.reports.InterimReport.ActivitySection;
import kz.hotline114.reports.InterimReport.CaseFigures;
import kz.hotline114.reports.InterimReport.CentreFigures;
import kz.hotline114.reports.InterimReport.EventRow;
import kz.hotline114.reports.InterimReport.IndicatorLine;
import kz.hotline114.reports.InterimReport.Participants;
import kz.hotline114.reports.InterimReport.TaskSection;
import kz.hotline114.reports.InterimReports;
import kz.hotline114.reports.InvalidReport;
import kz.hotline114.reports.ReportContent;
import kz.hotline114.reports.ReportVersion;
import kz.hotline114.reports.Statistic;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.SocialStatus;

/**
 * Builds interim reports from the grant project, the statistics engine, the cases' counts, the centre's
 * figures and the events register; keeps the draft's content versions and the final snapshots.
 */
@Service
class JdbcInterimReports implements InterimReports {

    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    /** The longest period one report may cover. */
    static final long MAX_DAYS = 3 * 366;

    private final JdbcTemplate jdbc;
    private final JdbcGrantProjects projects;
    private final CallStatistics statistics;
    private final Cases cases;
    private final AppointmentStatistics centre;
    private final EventsRegister events;
    private final HotlineProperties hotline;
    private final AuditLog audit;

    private final Clock clock;
    private final BudgetForecasts forecasts;
    private final Evaluations quality;
    private final RiskFlags risk;

    JdbcInterimReports(JdbcTemplate jdbc, JdbcGrantProjects projects, CallStatistics statistics, Cases cases,
                       AppointmentStatistics centre, EventsRegister events, HotlineProperties hotline, AuditLog audit, Clock clock,
                       BudgetForecasts forecasts, Evaluations quality, RiskFlags risk) {
        this.risk = risk;
        this.clock = clock;
        this.forecasts = forecasts;
        this.quality = quality;
        this.jdbc = jdbc;
        this.projects = projects;
        this.statistics = statistics;
        this.cases = cases;
        this.centre = centre;
        this.events = events;
        this.hotline = hotline;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public InterimReport report(long projectId, LocalDate from, LocalDate to) {
        ReportAccess.read();
        var project = project(projectId, from, to);
        var snapshot = jdbc.queryForList("""
                select snapshot::text from interim_report where project_id = ? and period_from = ? and period_to = ?
                and status = 'FINAL' order by finalised_at desc limit 1""", String.class, projectId, Date.valueOf(from),
                Date.valueOf(to));
        if (!snapshot.isEmpty()) {
            return JSON.readValue(snapshot.getFirst(), InterimReport.class);
        }
        var latest = latest(projectId, from, to);
        return build(project, from, to, latest.map(Versioned::content).orElseGet(() -> defaults(project)),
                latest.map(Versioned::version).orElse(0), InterimReport.Status.DRAFT, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public ReportContent content(long projectId, LocalDate from, LocalDate to) {
        ReportAccess.read();
        var project = project(projectId, from, to);
        return latest(projectId, from, to).map(Versioned::content).orElseGet(() -> defaults(project));
    }

    @Override
    @Transactional
    public int saveDraft(long projectId, LocalDate from, LocalDate to, ReportContent content) {
        ReportAccess.write();
        project(projectId, from, to);
        validate(content);
        long id = draftId(projectId, from, to);
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from interim_report_version where report_id = ?",
                Integer.class, id);
        jdbc.update("insert into interim_report_version (report_id, version, content, saved_by) values (?, ?, ?::jsonb, ?)",
                id, version, JSON.writeValueAsString(content), CurrentUser.name());
        audit.record("REPORT_DRAFT_SAVED", projectId + ":" + from + ".." + to, "version " + version);
        return version;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReportVersion> versions(long projectId, LocalDate from, LocalDate to) {
        ReportAccess.read();
        return jdbc.query("""
                select v.version, v.saved_by, v.saved_at from interim_report_version v join interim_report r on r.id = v.report_id
                where r.project_id = ? and r.period_from = ? and r.period_to = ? order by v.version desc""",
                (rs, n) -> new ReportVersion(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                projectId, Date.valueOf(from), Date.valueOf(to));
    }

    @Override
    @Transactional
    public InterimReport finalise(long projectId, LocalDate from, LocalDate to) {
        ReportAccess.write();
        var project = project(projectId, from, to);
        long id = draftId(projectId, from, to);
        var latest = latest(projectId, from, to);
        var content = latest.map(Versioned::content).orElseGet(() -> defaults(project));
        int version = latest.map(Versioned::version).orElse(0);
        if (version == 0) {
            jdbc.update("insert into interim_report_version (report_id, version, content, saved_by) values (?, 1, ?::jsonb, ?)",
                    id, JSON.writeValueAsString(content), CurrentUser.name());
            version = 1;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var report = build(project, from, to, content, version, InterimReport.Status.FINAL, now, CurrentUser.name());
        jdbc.update("""
                update interim_report set status = 'FINAL', snapshot = ?::jsonb, finalised_at = ?, finalised_by = ?
                where id = ?""", JSON.writeValueAsString(report), Timestamp.from(now), CurrentUser.name(), id);
        audit.record("REPORT_FINALISED", projectId + ":" + from + ".." + to, "version " + version);
        return report;
    }

    // --- building --------------------------------------------------------------------------------

    private record Versioned(int version, ReportContent content) {
    }

    private Optional<Versioned> latest(long projectId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select v.version, v.content::text from interim_report_version v join interim_report r on r.id = v.report_id
                where r.project_id = ? and r.period_from = ? and r.period_to = ? order by r.status = 'FINAL' desc,
                v.version desc limit 1""", (rs, n) -> new Versioned(rs.getInt(1),
                JSON.readValue(rs.getString(2), ReportContent.class)), projectId, Date.valueOf(from), Date.valueOf(to))
                .stream().findFirst();
    }

    /** The draft's row, created on first use; refuses when the period is already final. */
    private long draftId(long projectId, LocalDate from, LocalDate to) {
        var finals = jdbc.queryForObject("""
                select count(*) from interim_report where project_id = ? and period_from = ? and period_to = ? and status = 'FINAL'""",
                Long.class, projectId, Date.valueOf(from), Date.valueOf(to));
        if (finals > 0) {
            throw new InvalidReport(Map.of("status", "final"));
        }
        jdbc.update("""
                insert into interim_report (project_id, period_from, period_to) values (?, ?, ?)
                on conflict (project_id, period_from, period_to) where status = 'DRAFT' do nothing""",
                projectId, Date.valueOf(from), Date.valueOf(to));
        return jdbc.queryForObject("""
                select id from interim_report where project_id = ? and period_from = ? and period_to = ? and status = 'DRAFT'""",
                Long.class, projectId, Date.valueOf(from), Date.valueOf(to));
    }

    private GrantProject project(long projectId, LocalDate from, LocalDate to) {
        var errors = new LinkedHashMap<String, String>();
        if (to.isBefore(from)) {
            errors.put("to", "before-from");
        } else if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            errors.put("to", "period-too-long");
        }
        var exists = jdbc.queryForObject("select count(*) from grant_project where id = ?", Long.class, projectId);
        if (exists == 0) {
            errors.put("project", "unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        return projects.load(projectId);
    }

    /** The pre-filled content: empty narratives, the wrong-number risk, one attachment per activity. */
    static ReportContent defaults(GrantProject project) {
        var attachments = new ArrayList<ReportContent.Attachment>();
        int n = 0;
        for (var task : project.tasks()) {
            for (var activity : task.activities()) {
                boolean callList = activity.indicators().stream().anyMatch(i -> i.metric() == Statistic.CALLS_TOTAL);
                var evidence = new StringJoiner("; ");
                activity.indicators().stream().map(GrantProject.Indicator::evidence)
                        .filter(e -> e != null && !e.isBlank()).forEach(evidence::add);
                attachments.add(new ReportContent.Attachment(String.valueOf(++n),
                        task.number() + "." + activity.number() + ". " + activity.title(),
                        callList || evidence.length() == 0 ? null : evidence.toString(), callList));
            }
        }
        return new ReportContent(Map.of(), Map.of(), List.of(new ReportContent.Risk(null, null, true)), attachments,
                null, null);
    }

    private InterimReport build(GrantProject project, LocalDate from, LocalDate to, ReportContent content, int version,
                                InterimReport.Status status, Instant finalisedAt, String finalisedBy) {
        var zone = hotline.zone();
        CallFigures calls = statistics.figures(from, to);
        CaseCounts caseCounts = cases.counts(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        Taxonomy taxonomy = cases.taxonomy();
        var namesKk = new LinkedHashMap<String, String>();
        var namesRu = new LinkedHashMap<String, String>();
        taxonomy.categories().forEach(t -> {
            namesKk.put(t.code(), t.nameKk());
            namesRu.put(t.code(), t.nameRu());
        });
        var caseFigures = new CaseFigures(caseCounts.total(), caseCounts.byCategory().getOrDefault("RELIGION_QUESTION", 0L),
                caseCounts.byCategory().getOrDefault("PSYCHOLOGICAL_SUPPORT", 0L),
                JdbcCallStatistics.byCountDesc(caseCounts.byCategory()), namesKk, namesRu);
        // the centre's figures come from its own statistics service only: no SQL on its tables here
        CentreCounts centreCounts = centre.counts(from, to);
        long mobile = centreCounts.heldOf(AppointmentType.MOBILE_RECEPTION);
        long walkIns = centreCounts.walkInsHeld();
        var centreFigures = new CentreFigures(centreCounts.consultationsHeld(), mobile, centreCounts.events(),
                centreCounts.participants());

        List<CentreEvent> held = events.between(from, to);
        var eventRows = new ArrayList<EventRow>();
        for (var e : held) {
            var place = new StringJoiner(", ");
            place.add(e.city());
            if (e.address() != null && !e.address().isBlank()) {
                place.add(e.address());
            }
            if (e.room() != null && !e.room().isBlank()) {
                place.add(e.room());
            }
            // an event carrying out an activity of this report's project is named with the activity's key ("1.2. ...")
            var name = e.grantActivity() != null && e.grantProjectId() != null && e.grantProjectId() == project.id()
                    ? e.grantActivity() + ". " + e.name() : e.name();
            eventRows.add(new EventRow(eventRows.size() + 1, name, e.heldOn(), place.toString(), e.participants(),
                    e.participantCategories(), e.experts(), e.completeness(), e.documents()));
        }

        var atRisk = atRisk(from, to);
        var metrics = metrics(calls, caseFigures, centreFigures, mobile, atRisk, from, to);

        var tasks = new ArrayList<TaskSection>();
        for (var t : project.tasks()) {
            var activities = new ArrayList<ActivitySection>();
            for (var a : t.activities()) {
                String key = t.number() + "." + a.number();
                var lines = new ArrayList<IndicatorLine>();
                int n = 0;
                for (var i : a.indicators()) {
                    String ikey = key + "." + (++n);
                    BigDecimal actual = i.metric() != null ? metrics.getOrDefault(i.metric(), BigDecimal.ZERO)
                            : JdbcGrantProjects.zeroIfNull(i.manualActual());
                    lines.add(new IndicatorLine(ikey, i.name(), i.unit(), plain(i.planned()),
                            plain(actual), i.metric(), i.evidence(),
                            content.justifications().getOrDefault(ikey, ""), i.nameRu(), i.unitRu()));
                }
                activities.add(new ActivitySection(key, a.number(), a.title(), content.narratives().getOrDefault(key, ""),
                        lines, a.titleRu()));
            }
            tasks.add(new TaskSection(t.number(), t.title(), activities, t.titleRu()));
        }

        var participants = participants(caseCounts, walkIns, centreCounts);
        return new InterimReport(project.id(), project.name(), project.grantee(), project.agreementNo(),
                project.agreementDate(), project.grantSum(), from, to, status, version,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), finalisedAt, finalisedBy, tasks, calls, caseFigures,
                centreFigures, eventRows, content.risks(), content.attachments(), participants, content.leader(),
                content.leaderPosition(), budget(project, to), atRisk);
    }

    /** What the indicators of the project can take their actual values from (issue 12's metrics and later ones). */
    private Map<Statistic, BigDecimal> metrics(CallFigures calls, CaseFigures caseFigures, CentreFigures centreFigures,
                                               long mobile, InterimReport.RiskFigures atRisk, LocalDate from,
                                               LocalDate to) {
        var metrics = new EnumMap<Statistic, BigDecimal>(Statistic.class);
        metrics.put(Statistic.CALLS_TOTAL, BigDecimal.valueOf(calls.total()));
        metrics.put(Statistic.SUBSTANTIVE_CALLS, BigDecimal.valueOf(calls.substantive()));
        metrics.put(Statistic.RELIGION_QUESTIONS, BigDecimal.valueOf(caseFigures.religionQuestions()));
        metrics.put(Statistic.PSYCHOLOGICAL_SUPPORT_REQUESTS, BigDecimal.valueOf(caseFigures.psychologicalSupport()));
        metrics.put(Statistic.CONSULTATIONS, BigDecimal.valueOf(centreFigures.consultations()));
        metrics.put(Statistic.APPOINTMENTS_ATTENDED, BigDecimal.valueOf(centreFigures.consultations()));
        metrics.put(Statistic.MOBILE_RECEPTION_CONSULTATIONS, BigDecimal.valueOf(mobile));
        metrics.put(Statistic.EVENTS_HELD, BigDecimal.valueOf(centreFigures.events()));
        metrics.put(Statistic.PARTICIPANTS, BigDecimal.valueOf(centreFigures.participants()));
        metrics.putAll(monitoring(from, to));
        metrics.put(Statistic.CALLERS_AT_RISK, BigDecimal.valueOf(atRisk.flags()));
        metrics.put(Statistic.CALLERS_AT_RISK_FOLLOWED_UP, BigDecimal.valueOf(atRisk.followedUp()));
        return metrics;
    }

    /** The callers at risk of the period, anonymous (issue 19). */
    private InterimReport.RiskFigures atRisk(LocalDate from, LocalDate to) {
        var zone = hotline.zone();
        var f = risk.figures(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        var namesKk = new LinkedHashMap<String, String>();
        var namesRu = new LinkedHashMap<String, String>();
        risk.allCategories().forEach(c -> {
            namesKk.put(c.code(), c.nameKk());
            namesRu.put(c.code(), c.nameRu());
        });
        long followedUp = f.byOutcome().getOrDefault("REACHED", 0L) + f.byOutcome().getOrDefault("REFERRED", 0L);
        return new InterimReport.RiskFigures(f.flags(), f.byLevel().getOrDefault(RiskFlags.Level.URGENT, 0L), followedUp,
                JdbcCallStatistics.byCountDesc(f.byCategory()), JdbcCallStatistics.byCountDesc(f.byOutcome()), namesKk,
                namesRu);
    }

    /** The quality monitoring's indicators: the calls evaluated, the months with monitoring results. */
    private Map<Statistic, BigDecimal> monitoring(LocalDate from, LocalDate to) {
        var f = quality.figures(from, to);
        return Map.of(Statistic.CALLS_EVALUATED, BigDecimal.valueOf(f.evaluatedCalls()),
                Statistic.MONITORING_REPORTS, BigDecimal.valueOf(f.byMonth().size()));
    }

    /** The budget's figures as of the period's end, or today while the period runs. */
    private InterimReport.BudgetFigures budget(GrantProject project, LocalDate to) {
        LocalDate today = clock.instant().atZone(hotline.zone()).toLocalDate();
        return InterimReport.BudgetFigures.of(forecasts.forecast(project.id(), to.isAfter(today) ? today : to));
    }

    /** 10.00 → 10, 2.50 → 2.5: no trailing zeros, never an exponent (the same after a JSON round trip). */
    static BigDecimal plain(BigDecimal b) {
        var s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static Participants participants(CaseCounts cases, long walkIns, CentreCounts centre) {
        long total = cases.total() + walkIns + centre.participants();
        return new Participants(total, cases.total(), walkIns, centre.participants(),
                merge(Gender.class, cases.byGender(), centre.participantsByGender(), total),
                merge(AgeBracket.class, cases.byAgeBracket(), centre.participantsByAge(), total),
                merge(SocialStatus.class, cases.bySocialStatus(), centre.participantsBySocialStatus(), total));
    }

    /** Enum order, every value listed; whatever no source recorded counts as UNKNOWN. */
    private static <E extends Enum<E>> Map<String, Long> merge(Class<E> type, Map<String, Long> fromCases,
                                                               Map<E, Long> fromEvents, long total) {
        var m = new LinkedHashMap<String, Long>();
        for (E e : type.getEnumConstants()) {
            m.put(e.name(), 0L);
        }
        if (!m.containsKey("UNKNOWN")) {
            m.put("UNKNOWN", 0L);
        }
        fromCases.forEach((k, v) -> m.merge(m.containsKey(k) ? k : "UNKNOWN", v, Long::sum));
        fromEvents.forEach((k, v) -> m.merge(k.name(), v, Long::sum));
        long known = m.entrySet().stream().filter(e -> !e.getKey().equals("UNKNOWN")).mapToLong(Map.Entry::getValue).sum();
        m.put("UNKNOWN", Math.max(0, total - known));
        return m;
    }

    static void validate(ReportContent c) {
        var errors = new LinkedHashMap<String, String>();
        c.narratives().forEach((k, v) -> {
            if (!k.matches("\\d+\\.\\d+")) {
                errors.put("narratives." + k, "bad-key");
            } else if (v.length() > 20_000) {
                errors.put("narratives." + k, "too-long");
            }
        });
        c.justifications().forEach((k, v) -> {
            if (!k.matches("\\d+\\.\\d+\\.\\d+")) {
                errors.put("justifications." + k, "bad-key");
            } else if (v.length() > 5_000) {
                errors.put("justifications." + k, "too-long");
            }
        });
        for (int i = 0; i < c.risks().size(); i++) {
            var r = c.risks().get(i);
            if (!r.wrongNumber() && (r.risk() == null || r.risk().isBlank())) {
                errors.put("risks." + (i + 1) + ".risk", "required");
            }
        }
        for (int i = 0; i < c.attachments().size(); i++) {
            var a = c.attachments().get(i);
            if (a.number() == null || a.number().isBlank()) {
                errors.put("attachments." + (i + 1) + ".number", "required");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
    }
}
