package kz.hotline114.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.calls.CallKey;
import kz.hotline114.cases.Cases;
import kz.hotline114.live.AgentCall;
import kz.hotline114.live.LiveModel;
import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.RiskAcknowledged;
import kz.hotline114.risk.RiskFlagged;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.risk.RiskProperties;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link RiskFlags} in PostgreSQL; the alerts go out as application events once a change is stored. */
@Service
class JdbcRiskFlags implements RiskFlags {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A flag with the number of the case its call has (the first one opened), if any. */
    private static final String SELECT = """
            select f.*, (select c.number from case_call k join consultation_case c on c.id = k.case_id
                         where k.pbx_id = f.pbx_id and k.linkedid = f.linkedid order by c.opened_at limit 1) as case_number
            from risk_flag f""";

    private final JdbcTemplate jdbc;
    private final LiveModel live;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final RiskProperties props;
    private final Clock clock;
    private final Cases cases;

    JdbcRiskFlags(JdbcTemplate jdbc, LiveModel live, AuditLog audit, ApplicationEventPublisher events,
                  RiskProperties props, Clock clock, Cases cases) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.live = live;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    static boolean supervises() {
        return CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN);
    }

    private static void checkSupervisor() {
        if (!supervises()) {
            throw new AccessDeniedException("for supervisors and admins");
        }
    }

    // --- categories -------------------------------------------------------------------------------

    private static Category category(ResultSet rs) throws SQLException {
        return new Category(rs.getString("code"), rs.getString("name_kk"), rs.getString("name_ru"),
                JSON.readValue(rs.getString("protocol"), new TypeReference<List<Step>>() { }),
                rs.getInt("follow_up_hours"), rs.getInt("follow_up_hours_urgent"), rs.getBoolean("active"));
    }

    @Override
    public List<Category> categories() {
        return jdbc.query("select * from risk_category where active order by sort_order, code", (rs, i) -> category(rs));
    }

    @Override
    public List<Category> allCategories() {
        return jdbc.query("select * from risk_category order by sort_order, code", (rs, i) -> category(rs));
    }

    @Override
    public Category saveCategory(Category c) {
        if (!CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("risk categories are kept by admins");
        }
        var errors = new LinkedHashMap<String, String>();
        if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.put("code", "format");
        }
        if (c.nameKk() == null || c.nameKk().isBlank()) {
            errors.put("nameKk", "required");
        }
        if (c.nameRu() == null || c.nameRu().isBlank()) {
            errors.put("nameRu", "required");
        }
        for (var hours : Map.of("followUpHours", c.followUpHours(), "followUpHoursUrgent", c.followUpHoursUrgent())
                .entrySet()) {
            if (hours.getValue() < 1 || hours.getValue() > 720) {
                errors.put(hours.getKey(), "between-1-and-720");
            }
        }
        if (c.protocol().stream().anyMatch(s -> s.kk() == null || s.kk().isBlank() || s.ru() == null || s.ru().isBlank())) {
            errors.put("protocol", "step-in-both-languages");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRisk(errors);
        }
        jdbc.update("""
                insert into risk_category (code, name_kk, name_ru, protocol, follow_up_hours, follow_up_hours_urgent,
                    active, sort_order)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, (select coalesce(max(sort_order), 0) + 10 from risk_category))
                on conflict (code) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru,
                    protocol = excluded.protocol, follow_up_hours = excluded.follow_up_hours,
                    follow_up_hours_urgent = excluded.follow_up_hours_urgent, active = excluded.active""",
                c.code(), c.nameKk().strip(), c.nameRu().strip(), JSON.writeValueAsString(c.protocol()),
                c.followUpHours(), c.followUpHoursUrgent(), c.active());
        audit.record("RISK_CATEGORY_SAVED", c.code(), c.nameKk().strip());
        return allCategories().stream().filter(x -> x.code().equals(c.code())).findFirst().orElseThrow();
    }

    // --- flags ---------------------------------------------------------------------------------------

    private Flag row(ResultSet rs) throws SQLException {
        return new Flag(rs.getLong("id"), new CallKey(rs.getString("pbx_id"), rs.getString("linkedid")),
                rs.getString("category"), Level.valueOf(rs.getString("level")), rs.getString("flagged_by"),
                instant(rs, "flagged_at"), rs.getString("specialist"), rs.getString("queue"),
                instantOrNull(rs, "talking_since"), rs.getString("acknowledged_by"), instantOrNull(rs, "acknowledged_at"),
                rs.getInt("escalations"), JSON.readValue(rs.getString("protocol_done"),
                new TypeReference<List<Integer>>() { }), instant(rs, "follow_up_due"), rs.getString("follow_up_owner"),
                rs.getInt("attempts"), instantOrNull(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("referral_partner"), rs.getString("outcome_note"), rs.getString("case_number"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A flag as stored, for the watch (no user). */
    Flag loadForWatch(long id) {
        return load(id);
    }

    private Flag load(long id) {
        return jdbc.query(SELECT + " where f.id = ?", (rs, i) -> row(rs), id).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no risk flag " + id));
    }

    /** The signed-in user's desk phone ({@code PJSIP/201}) and name as the queues know them, if they are a specialist. */
    private @Nullable String[] mySpecialist() {
        return jdbc.query("select interface, display_name from specialist where username = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, CurrentUser.name()).stream().findFirst()
                .orElse(null);
    }

    /** Whether the signed-in user is (or was) the specialist on this call: on their phone now, or among who answered. */
    private boolean onTheCall(CallKey call) {
        var me = mySpecialist();
        if (me == null) {
            return false;
        }
        var onPhone = live.snapshot().onPhones().get(me[0]);
        if (onPhone != null && onPhone.linkedid().equals(call.linkedid())) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from calls where pbx_id = ? and linkedid = ? and ? = any(answered_by))""",
                Boolean.class, call.pbxId(), call.linkedid(), me[1]));
    }

    @Override
    @Transactional
    public Flag flag(CallKey call, String categoryCode, Level level) {
        if (!supervises() && !onTheCall(call)) {
            throw new AccessDeniedException("a call is flagged by the specialist on it or a supervisor");
        }
        var errors = new LinkedHashMap<String, String>();
        var category = categories().stream().filter(c -> c.code().equals(categoryCode)).findFirst().orElse(null);
        if (category == null) {
            errors.put("category", "unknown");
        }
        if (level == null) {
            errors.put("level", "required");
        }
        var facts = jdbc.query("""
                select answered_by[cardinality(answered_by)] as specialist, queues[cardinality(queues)] as queue
                from calls where pbx_id = ? and linkedid = ?""", (rs, i) -> new String[] {rs.getString(1),
                rs.getString(2)}, call.pbxId(), call.linkedid()).stream().findFirst().orElse(null);
        var onPhone = onPhone(call);
        if (facts == null && onPhone == null) {
            errors.put("call", "unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRisk(errors);
        }
        var now = clock.instant();
        var due = now.plus(Duration.ofHours(level == Level.URGENT ? category.followUpHoursUrgent()
                : category.followUpHours()));
        String specialist = onPhone != null ? onPhone.name() : facts[0];
        String queue = onPhone != null ? onPhone.call().queue() : facts[1];
        var since = onPhone != null && onPhone.call().answered() ? onPhone.call().since() : null;
        long id = jdbc.queryForObject("""
                insert into risk_flag (pbx_id, linkedid, category, level, flagged_by, flagged_at, specialist, queue,
                    talking_since, follow_up_due, follow_up_owner)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, call.pbxId(), call.linkedid(),
                categoryCode, level.name(), CurrentUser.name(), Timestamp.from(now), specialist, queue,
                since == null ? null : Timestamp.from(since), Timestamp.from(due), CurrentUser.name());
        audit.record("RISK_FLAGGED", call.toString(), categoryCode + " " + level);
        var flag = load(id);
        events.publishEvent(new RiskFlagged(flag));
        return flag;
    }

    /** The call on a specialist's phone now, with that specialist's name. */
    private record OnPhone(String name, AgentCall call) {
    }

    private @Nullable OnPhone onPhone(CallKey call) {
        var snapshot = live.snapshot();
        for (var e : snapshot.onPhones().entrySet()) {
            if (e.getValue().linkedid().equals(call.linkedid())) {
                String name = snapshot.queues().stream().flatMap(q -> q.members().stream())
                        .filter(m -> m.iface().equals(e.getKey())).map(m -> m.name()).findFirst().orElse(e.getKey());
                return new OnPhone(name, e.getValue());
            }
        }
        return null;
    }

    @Override
    public Flag acknowledge(long id) {
        checkSupervisor();
        int changed = jdbc.update("update risk_flag set acknowledged_by = ?, acknowledged_at = ? where id = ?"
                + " and acknowledged_at is null", CurrentUser.name(), Timestamp.from(clock.instant()), id);
        var flag = load(id);
        if (changed == 1) {
            audit.record("RISK_ACKNOWLEDGED", flag.call().toString(), flag.category() + " " + flag.level());
            events.publishEvent(new RiskAcknowledged(flag));
        }
        return flag;
    }

    /** The flag, if the signed-in user may work on it: supervisors and admins, and who flagged it or owns it. */
    private Flag workable(long id) {
        var flag = load(id);
        var me = CurrentUser.name();
        if (!supervises() && !me.equals(flag.flaggedBy()) && !me.equals(flag.followUpOwner())) {
            throw new AccessDeniedException("not a flag of yours");
        }
        return flag;
    }

    @Override
    public Flag get(long id) {
        return workable(id);
    }

    @Override
    public List<Flag> ofCall(CallKey call) {
        var all = jdbc.query(SELECT + " where f.pbx_id = ? and f.linkedid = ? order by f.flagged_at", (rs, i) -> row(rs),
                call.pbxId(), call.linkedid());
        if (supervises()) {
            return all;
        }
        var me = CurrentUser.name();
        return all.stream().filter(f -> me.equals(f.flaggedBy()) || me.equals(f.followUpOwner())).toList();
    }

    @Override
    public List<Flag> ofCase(String caseNumber) {
        var c = cases.get(caseNumber).orElseThrow(() -> new NoSuchElementException("no case " + caseNumber));
        var flags = new ArrayList<Flag>();
        for (var k : c.calls()) {
            flags.addAll(jdbc.query(SELECT + " where f.pbx_id = ? and f.linkedid = ? order by f.flagged_at",
                    (rs, i) -> row(rs), k.pbxId(), k.linkedid()));
        }
        return flags;
    }

    @Override
    public List<Flag> find(@Nullable Instant from, @Nullable Instant to, @Nullable State state) {
        checkSupervisor();
        var sql = new StringBuilder(SELECT).append(" where true");
        var args = new ArrayList<Object>();
        if (from != null) {
            sql.append(" and f.flagged_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and f.flagged_at < ?");
            args.add(Timestamp.from(to));
        }
        var now = Timestamp.from(clock.instant());
        if (state != null) {
            sql.append(switch (state) {
                case CLOSED -> " and f.closed_at is not null";
                case OVERDUE -> " and f.closed_at is null and f.follow_up_due < ?";
                case NEW -> " and f.closed_at is null and f.follow_up_due >= ? and f.acknowledged_at is null";
                case ACKNOWLEDGED -> " and f.closed_at is null and f.follow_up_due >= ? and f.acknowledged_at is not null";
            });
            if (state != State.CLOSED) {
                args.add(now);
            }
        }
        sql.append(" order by f.flagged_at desc limit 1000");
        var list = jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
        audit.recordListing("RISK_LISTED", (state == null ? "all" : state.name()), list.size() + " flags");
        return list;
    }

    @Override
    public long waitingCount() {
        return jdbc.queryForObject("select count(*) from risk_flag where acknowledged_at is null and closed_at is null",
                Long.class);
    }

    @Override
    public long overdueCount() {
        return jdbc.queryForObject("select count(*) from risk_flag where closed_at is null and follow_up_due < ?",
                Long.class, Timestamp.from(clock.instant()));
    }

    @Override
    public List<Flag> unacknowledged() {
        checkSupervisor();
        return jdbc.query(SELECT + " where f.acknowledged_at is null and f.closed_at is null order by f.flagged_at",
                (rs, i) -> row(rs));
    }

    @Override
    public Flag protocolStep(long id, int step, boolean done) {
        var flag = workable(id);
        var steps = categories().stream().filter(c -> c.code().equals(flag.category())).findFirst()
                .map(c -> c.protocol().size()).orElse(0);
        if (step < 0 || step >= steps) {
            throw new InvalidRisk(Map.of("step", "unknown"));
        }
        var set = new TreeSet<>(flag.protocolDone());
        if (done) {
            set.add(step);
        } else {
            set.remove(step);
        }
        jdbc.update("update risk_flag set protocol_done = ?::jsonb where id = ?", JSON.writeValueAsString(set), id);
        audit.record("RISK_PROTOCOL_STEP", flag.call().toString(), (done ? "done " : "undone ") + (step + 1));
        return load(id);
    }

    @Override
    @Transactional
    public Flag attempt(long id, @Nullable String note) {
        var flag = workable(id);
        if (flag.closedAt() != null) {
            throw new InvalidRisk(Map.of("state", "closed"));
        }
        if (note != null && note.strip().length() > 1000) {
            throw new InvalidRisk(Map.of("note", "too-long"));
        }
        jdbc.update("insert into risk_attempt (flag_id, at, by_user, note) values (?, ?, ?, ?)", id,
                Timestamp.from(clock.instant()), CurrentUser.name(), note == null || note.isBlank() ? null : note.strip());
        jdbc.update("update risk_flag set attempts = attempts + 1 where id = ?", id);
        audit.record("RISK_CALLBACK_TRIED", flag.call().toString(), String.valueOf(flag.attempts() + 1));
        return load(id);
    }

    @Override
    public List<Attempt> attempts(long id) {
        workable(id);
        return jdbc.query("select at, by_user, note from risk_attempt where flag_id = ? order by at, id",
                (rs, i) -> new Attempt(instant(rs, "at"), rs.getString("by_user"), rs.getString("note")), id);
    }

    @Override
    public Flag close(long id, Outcome outcome, @Nullable String referralPartner, @Nullable String note) {
        var flag = workable(id);
        var errors = new LinkedHashMap<String, String>();
        if (flag.closedAt() != null) {
            errors.put("state", "closed");
        }
        if (outcome == null) {
            errors.put("outcome", "required");
        } else if (outcome == Outcome.REFERRED && (referralPartner == null || referralPartner.isBlank())) {
            errors.put("referralPartner", "required");
        } else if (outcome == Outcome.NOT_REACHABLE && flag.attempts() < props.triesBeforeUnreachable()) {
            errors.put("outcome", "too-few-tries");
        }
        if (note != null && note.strip().length() > 2000) {
            errors.put("note", "too-long");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRisk(errors);
        }
        jdbc.update("""
                update risk_flag set closed_at = ?, closed_by = ?, outcome = ?, referral_partner = ?, outcome_note = ?
                where id = ? and closed_at is null""", Timestamp.from(clock.instant()), CurrentUser.name(), outcome.name(),
                outcome == Outcome.REFERRED ? referralPartner.strip() : null,
                note == null || note.isBlank() ? null : note.strip(), id);
        audit.record("RISK_CLOSED", flag.call().toString(), outcome.name());
        return load(id);
    }

    @Override
    public Figures figures(Instant from, Instant to) {
        if (!(supervises() || CurrentUser.has(Role.REPORTER))) {
            throw new AccessDeniedException("risk figures are for supervisors, reporters and admins");
        }
        var f = Timestamp.from(from);
        var t = Timestamp.from(to);
        var byCategory = new LinkedHashMap<String, Long>();
        jdbc.query("select category, count(*) from risk_flag where flagged_at >= ? and flagged_at < ? group by category"
                + " order by category", (ResultSet rs) -> {
                    byCategory.put(rs.getString(1), rs.getLong(2));
                }, f, t);
        var byLevel = new EnumMap<Level, Long>(Level.class);
        jdbc.query("select level, count(*) from risk_flag where flagged_at >= ? and flagged_at < ? group by level",
                (ResultSet rs) -> {
                    byLevel.put(Level.valueOf(rs.getString(1)), rs.getLong(2));
                }, f, t);
        var byOutcome = new LinkedHashMap<String, Long>();
        jdbc.query("select coalesce(outcome, 'OPEN'), count(*) from risk_flag where flagged_at >= ? and flagged_at < ?"
                + " group by 1 order by 1", (ResultSet rs) -> {
                    byOutcome.put(rs.getString(1), rs.getLong(2));
                }, f, t);
        return jdbc.queryForObject("""
                select count(*) as flags, count(acknowledged_at) as acked,
                    percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - flagged_at))
                        filter (where acknowledged_at is not null) as p50,
                    percentile_cont(0.95) within group (order by extract(epoch from acknowledged_at - flagged_at))
                        filter (where acknowledged_at is not null) as p95,
                    count(*) filter (where closed_at is null and follow_up_due < ?) as overdue
                from risk_flag where flagged_at >= ? and flagged_at < ?""", (rs, i) -> new Figures(rs.getLong("flags"),
                byCategory, byLevel, byOutcome, rs.getLong("acked"), (Double) rs.getObject("p50"),
                (Double) rs.getObject("p95"), rs.getLong("overdue")), Timestamp.from(clock.instant()), f, t);
    }
}
