package kz.hotline114.quality.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.calls.CallKey;
import kz.hotline114.quality.EvaluationForm;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.quality.InvalidEvaluation;
import kz.hotline114.quality.MonitoringFigures;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link Evaluations} in PostgreSQL (forms as JSON definitions, one row per evaluator and call). */
@Service
class JdbcEvaluations implements Evaluations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final HotlineProperties hotline;
    private final AuditLog audit;
    private final Clock clock;

    JdbcEvaluations(JdbcTemplate jdbc, HotlineProperties hotline, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.hotline = hotline;
        this.audit = audit;
        this.clock = clock;
    }

    private static boolean supervises() {
        return CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN);
    }

    private static void checkSupervisor() {
        if (!supervises()) {
            throw new AccessDeniedException("samples and assignments are for supervisors and admins");
        }
    }

    // --- forms ------------------------------------------------------------------------------------

    private record Definition(List<EvaluationForm.Section> sections) {
    }

    private EvaluationForm form(ResultSet rs) throws SQLException {
        var d = JSON.readValue(rs.getString("definition"), Definition.class);
        return new EvaluationForm(rs.getLong("id"), rs.getInt("version"), rs.getString("name_kk"),
                rs.getString("name_ru"), d.sections());
    }

    @Override
    public EvaluationForm currentForm() {
        return jdbc.queryForObject("select * from evaluation_form order by version desc limit 1", (rs, i) -> form(rs));
    }

    @Override
    public EvaluationForm form(long id) {
        return jdbc.query("select * from evaluation_form where id = ?", (rs, i) -> form(rs), id).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no evaluation form " + id));
    }

    @Override
    @Transactional
    public EvaluationForm saveForm(EvaluationForm form) {
        if (!(supervises() || CurrentUser.has(Role.EVALUATOR))) {
            throw new AccessDeniedException("forms are changed by the experts, supervisors and admins");
        }
        var problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidEvaluation(problems);
        }
        jdbc.execute("lock table evaluation_form in exclusive mode");
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from evaluation_form", Integer.class);
        long id = jdbc.queryForObject("""
                insert into evaluation_form (version, name_kk, name_ru, definition, created_by, created_at)
                values (?, ?, ?, ?::jsonb, ?, ?) returning id""", Long.class, version, form.nameKk().strip(),
                form.nameRu().strip(), JSON.writeValueAsString(new Definition(form.sections())), CurrentUser.name(),
                Timestamp.from(clock.instant()));
        audit.record("EVALUATION_FORM_SAVED", "v" + version, form.nameKk());
        return form(id);
    }

    // --- samples ----------------------------------------------------------------------------------

    /** A candidate call of a sample: its key, stratum (first specialist, first queue). */
    private record Candidate(CallKey call, String specialist, String queue) {
    }

    @Override
    @Transactional
    public Sample sample(LocalDate from, LocalDate to, int perStratum, double calibrationShare, @Nullable Long seed) {
        checkSupervisor();
        var errors = new LinkedHashMap<String, String>();
        if (to.isBefore(from)) {
            errors.put("to", "before-from");
        }
        if (perStratum < 1 || perStratum > 100) {
            errors.put("perStratum", "between-1-and-100");
        }
        if (!(calibrationShare >= 0 && calibrationShare <= 1)) {
            errors.put("calibrationShare", "between-0-and-1");
        }
        var evaluators = evaluators();
        if (evaluators.isEmpty()) {
            errors.put("evaluators", "none");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEvaluation(errors);
        }
        long s = seed != null ? seed : new SecureRandom().nextLong();
        var picked = draw(from, to, perStratum, s);
        var form = currentForm();
        long sampleId = jdbc.queryForObject("""
                insert into evaluation_sample (period_from, period_to, seed, per_stratum, calibration_share, created_by,
                    created_at) values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, java.sql.Date.valueOf(from),
                java.sql.Date.valueOf(to), s, perStratum, BigDecimal.valueOf(calibrationShare), CurrentUser.name(),
                Timestamp.from(clock.instant()));
        var calibrated = calibrated(picked.size(), calibrationShare, s, evaluators.size());
        for (int i = 0; i < picked.size(); i++) {
            var c = picked.get(i);
            String first = evaluators.get(i % evaluators.size());
            insert(sampleId, c, first, form.id(), false);
            if (calibrated.contains(i)) {
                insert(sampleId, c, evaluators.get((i + 1) % evaluators.size()), form.id(), true);
            }
        }
        audit.record("EVALUATION_SAMPLE_DRAWN", String.valueOf(sampleId), from + ".." + to + ", " + picked.size()
                + " calls, seed " + s);
        var evaluations = jdbc.query("select * from evaluation where sample_id = ? order by id", (rs, i) -> row(rs),
                sampleId);
        return new Sample(sampleId, from, to, s, perStratum, calibrationShare, picked.size(), evaluations);
    }

    /**
     * The calls of a sample: the period's answered calls with a recording still kept, grouped by stratum (sorted), each
     * stratum's calls in key order shuffled by {@code Random(seed + stratum)} (the JDK's specified generator: the same
     * seed gives the same calls on any machine), the first {@code perStratum} of each.
     */
    private List<Candidate> draw(LocalDate from, LocalDate to, int perStratum, long seed) {
        var strata = new TreeMap<String, List<Candidate>>();
        jdbc.query("""
                select c.pbx_id, c.linkedid, c.answered_by[1] as specialist, coalesce(c.queues[1], '') as queue
                from calls c join call_recording r on r.pbx_id = c.pbx_id and r.linkedid = c.linkedid
                where c.outcome = 'ANSWERED' and r.deleted_at is null and c.started_at >= ? and c.started_at < ?
                    and cardinality(c.answered_by) > 0
                order by c.pbx_id, c.linkedid""", rs -> {
            var c = new Candidate(new CallKey(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4));
            strata.computeIfAbsent(c.specialist() + "\u0000" + c.queue(), k -> new ArrayList<>()).add(c);
        }, start(from), start(to.plusDays(1)));
        var picked = new ArrayList<Candidate>();
        strata.forEach((stratum, calls) -> {
            Collections.shuffle(calls, new Random(seed + stratum.hashCode()));
            picked.addAll(calls.subList(0, Math.min(perStratum, calls.size())));
        });
        return picked;
    }

    /** Which of {@code n} picked calls a second evaluator also scores: the seeded first share of them. */
    private static java.util.Set<Integer> calibrated(int n, double share, long seed, int evaluators) {
        if (evaluators < 2 || n == 0) {
            return java.util.Set.of();
        }
        var order = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
        return new java.util.HashSet<>(order.subList(0, (int) Math.round(n * share)));
    }

    private java.sql.Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(hotline.zone()).toInstant());
    }

    private void insert(@Nullable Long sampleId, Candidate c, String evaluator, long formId, boolean calibration) {
        jdbc.update("""
                insert into evaluation (sample_id, pbx_id, linkedid, evaluator, form_id, calibration, status, specialist,
                    queue, assigned_by, assigned_at)
                values (?, ?, ?, ?, ?, ?, 'ASSIGNED', ?, ?, ?, ?) on conflict (pbx_id, linkedid, evaluator) do nothing""",
                sampleId, c.call().pbxId(), c.call().linkedid(), evaluator, formId, calibration, c.specialist(),
                c.queue().isEmpty() ? null : c.queue(), CurrentUser.name(), Timestamp.from(clock.instant()));
    }

    @Override
    public Evaluation assign(CallKey call, String evaluator) {
        checkSupervisor();
        if (!evaluators().contains(evaluator)) {
            throw new InvalidEvaluation(Map.of("evaluator", "not-an-evaluator"));
        }
        var c = jdbc.query("""
                select answered_by[1], coalesce(queues[1], '') from calls where pbx_id = ? and linkedid = ?
                    and outcome = 'ANSWERED'""", (rs, i) -> new Candidate(call, rs.getString(1), rs.getString(2)),
                call.pbxId(), call.linkedid()).stream().findFirst()
                .orElseThrow(() -> new InvalidEvaluation(Map.of("call", "not-an-answered-call")));
        insert(null, c, evaluator, currentForm().id(), false);
        audit.record("EVALUATION_ASSIGNED", call.toString(), evaluator);
        return jdbc.queryForObject("select * from evaluation where pbx_id = ? and linkedid = ? and evaluator = ?",
                (rs, i) -> row(rs), call.pbxId(), call.linkedid(), evaluator);
    }

    // --- evaluations --------------------------------------------------------------------------------

    private Evaluation row(ResultSet rs) throws SQLException {
        var total = rs.getBigDecimal("total");
        return new Evaluation(rs.getLong("id"), (Long) rs.getObject("sample_id"), new CallKey(rs.getString("pbx_id"),
                rs.getString("linkedid")), rs.getString("evaluator"), rs.getLong("form_id"), rs.getBoolean("calibration"),
                Status.valueOf(rs.getString("status")), JSON.readValue(rs.getString("scores"),
                new TypeReference<Map<String, Integer>>() { }), JSON.readValue(rs.getString("comments"),
                new TypeReference<Map<String, String>>() { }), rs.getString("conclusion"),
                total == null ? null : total.doubleValue(), (Boolean) rs.getObject("critical_failed"),
                rs.getString("specialist"), rs.getString("queue"), rs.getTimestamp("assigned_at").toInstant(),
                rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("response") == null ? null : Response.valueOf(rs.getString("response")),
                rs.getString("response_comment"), rs.getString("resolution"));
    }

    /** The specialist the signed-in user is (their name as the queues know it), or null. */
    private @Nullable String specialistName() {
        return jdbc.query("select display_name from specialist where username = ?", (rs, i) -> rs.getString(1),
                CurrentUser.name()).stream().findFirst().orElse(null);
    }

    private boolean isTheSpecialistOf(Evaluation e) {
        return e.status() == Status.SUBMITTED && e.specialist() != null && CurrentUser.has(Role.SPECIALIST)
                && e.specialist().equals(specialistName());
    }

    @Override
    public List<Evaluation> mine(LocalDate from, LocalDate to) {
        var name = CurrentUser.has(Role.SPECIALIST) ? specialistName() : null;
        if (name == null) {
            return List.of();
        }
        return jdbc.query("""
                select e.* from evaluation e join calls c on c.pbx_id = e.pbx_id and c.linkedid = e.linkedid
                where e.status = 'SUBMITTED' and e.specialist = ? and c.started_at >= ? and c.started_at < ?
                order by c.started_at, e.id""", (rs, i) -> row(rs), name, start(from), start(to.plusDays(1)));
    }

    @Override
    public Evaluation respond(long id, Response response, @Nullable String comment) {
        var e = get(id);
        if (!isTheSpecialistOf(e)) {
            throw new AccessDeniedException("only the evaluated specialist answers an evaluation");
        }
        if (response == Response.DISPUTED && (comment == null || comment.isBlank())) {
            throw new InvalidEvaluation(Map.of("comment", "required"));
        }
        if (e.response() != null) {
            throw new InvalidEvaluation(Map.of("response", "given"));
        }
        jdbc.update("update evaluation set response = ?, response_comment = ?, responded_at = ? where id = ?",
                response.name(), comment == null || comment.isBlank() ? null : comment.strip(),
                Timestamp.from(clock.instant()), id);
        audit.record(response == Response.ACKNOWLEDGED ? "EVALUATION_ACKNOWLEDGED" : "EVALUATION_DISPUTED",
                e.call().toString(), comment);
        return get(id);
    }

    @Override
    public Evaluation resolve(long id, String resolution) {
        checkSupervisor();
        var e = get(id);
        if (e.response() != Response.DISPUTED || e.resolution() != null) {
            throw new InvalidEvaluation(Map.of("response", "not-disputed"));
        }
        if (resolution == null || resolution.isBlank()) {
            throw new InvalidEvaluation(Map.of("resolution", "required"));
        }
        jdbc.update("update evaluation set resolution = ?, resolved_by = ?, resolved_at = ? where id = ?",
                resolution.strip(), CurrentUser.name(), Timestamp.from(clock.instant()), id);
        audit.record("EVALUATION_DISPUTE_RESOLVED", e.call().toString(), resolution.strip());
        return get(id);
    }

    @Override
    public List<Evaluation> list(LocalDate from, LocalDate to) {
        String who = supervises() ? "" : CurrentUser.has(Role.EVALUATOR) ? " and e.evaluator = ?" : null;
        if (who == null) {
            throw new AccessDeniedException("evaluations are for evaluators, supervisors and admins");
        }
        var args = new ArrayList<Object>(List.of(start(from), start(to.plusDays(1))));
        if (!who.isEmpty()) {
            args.add(CurrentUser.name());
        }
        return jdbc.query("""
                select e.* from evaluation e join calls c on c.pbx_id = e.pbx_id and c.linkedid = e.linkedid
                where c.started_at >= ? and c.started_at < ?""" + who + " order by c.started_at, e.id",
                (rs, i) -> row(rs), args.toArray());
    }

    @Override
    public Evaluation get(long id) {
        var e = jdbc.query("select * from evaluation where id = ?", (rs, i) -> row(rs), id).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no evaluation " + id));
        if (!supervises() && !(CurrentUser.has(Role.EVALUATOR) && e.evaluator().equals(CurrentUser.name()))
                && !isTheSpecialistOf(e)) {
            throw new AccessDeniedException("not an evaluation of yours");
        }
        return e;
    }

    @Override
    @Transactional
    public Evaluation save(long id, Map<String, Integer> scores, Map<String, String> comments,
                           @Nullable String conclusion, boolean submit) {
        var e = get(id);
        if (!e.evaluator().equals(CurrentUser.name())) {
            throw new AccessDeniedException("only its evaluator scores an evaluation");
        }
        if (e.status() == Status.SUBMITTED) {
            throw new InvalidEvaluation(Map.of("status", "submitted"));
        }
        var form = form(e.formId());
        EvaluationForm.Score score = null;
        if (submit) {
            var missing = new LinkedHashMap<String, String>(); // every criterion without its points, at once
            for (var c : form.criteria()) {
                Integer p = scores.get(c.code());
                if (p == null || p < 0 || p > c.scale()) {
                    missing.put(c.code(), "points");
                }
            }
            scores.keySet().stream().filter(code -> form.criteria().stream().noneMatch(c -> c.code().equals(code)))
                    .forEach(code -> missing.put(code, "not-a-criterion"));
            if (!missing.isEmpty()) {
                throw new InvalidEvaluation(missing);
            }
            score = form.score(scores);
        }
        jdbc.update("""
                update evaluation set scores = ?::jsonb, comments = ?::jsonb, conclusion = ?, status = ?, total = ?,
                    critical_failed = ?, submitted_at = ? where id = ?""", JSON.writeValueAsString(scores),
                JSON.writeValueAsString(comments), conclusion == null || conclusion.isBlank() ? null : conclusion.strip(),
                submit ? "SUBMITTED" : "DRAFT", score == null ? null : BigDecimal.valueOf(score.totalPercent()),
                score == null ? null : score.criticalFailed(), submit ? Timestamp.from(clock.instant()) : null, id);
        if (submit) {
            audit.record("EVALUATION_SUBMITTED", e.call().toString(), score.totalPercent() + " %"
                    + (score.criticalFailed() ? ", critical: " + score.failedCritical() : ""));
        }
        return get(id);
    }

    @Override
    public MonitoringFigures figures(LocalDate from, LocalDate to) {
        if (!(supervises() || CurrentUser.has(Role.REPORTER))) {
            throw new AccessDeniedException("the monitoring's figures are for supervisors, reporters and admins");
        }
        var zone = hotline.zone();
        var done = new ArrayList<Map.Entry<LocalDate, Evaluation>>();
        jdbc.query("""
                select e.*, c.started_at as call_started from evaluation e
                join calls c on c.pbx_id = e.pbx_id and c.linkedid = e.linkedid
                where e.status = 'SUBMITTED' and c.started_at >= ? and c.started_at < ? order by c.started_at, e.id""",
                rs -> {
                    done.add(Map.entry(rs.getTimestamp("call_started").toInstant().atZone(zone).toLocalDate(), row(rs)));
                }, start(from), start(to.plusDays(1)));
        long answered = jdbc.queryForObject("select count(*) from calls where outcome = 'ANSWERED' and started_at >= ?"
                + " and started_at < ?", Long.class, start(from), start(to.plusDays(1)));
        var forms = new java.util.HashMap<Long, EvaluationForm>();
        done.forEach(d -> forms.computeIfAbsent(d.getValue().formId(), this::form));
        var names = new java.util.HashMap<String, String>();
        var evaluators = done.stream().map(d -> d.getValue().evaluator()).distinct().toArray();
        jdbc.query("select username, display_name from app_user where username = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", evaluators)), (ResultSet rs) -> {
                    if (rs.getString(2) != null && !rs.getString(2).isBlank()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                });
        return MonitoringMath.figures(from, to, answered, done, forms, names);
    }

    @Override
    public List<String> evaluators() {
        return jdbc.queryForList("select username from app_user where enabled and 'EVALUATOR' = any(roles)"
                + " order by username", String.class);
    }
}
