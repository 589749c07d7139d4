package kz.hotline114.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.appointments.CentreEvent;
import kz.hotline114.appointments.EventsRegister;
import kz.hotline114.appointments.InvalidEvent;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.SocialStatus;

@Service
class JdbcEventsRegister implements EventsRegister {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    JdbcEventsRegister(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public CentreEvent register(CentreEvent e) {
        CentreAccess.requireStaffOrReporter("registering an event");
        validate(e);
        long id;
        try {
            id = jdbc.queryForObject("""
                insert into centre_event (centre_id, name, held_on, city, address, room, participants,
                    participant_categories, experts, completeness, documents, activity_label, grant_project_id,
                    grant_activity, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, e.centreId(), e.name().strip(), e.heldOn(), e.city().strip(), blank(e.address()),
                blank(e.room()), e.participants(), blank(e.participantCategories()), blank(e.experts()),
                blank(e.completeness()), blank(e.documents()), blank(e.activityLabel()), e.grantProjectId(),
                blank(e.grantActivity()), CurrentUser.name());
        } catch (DataIntegrityViolationException x) {
            throw refused(x);
        }
        writeBreakdown(id, e);
        audit.record("EVENT_REGISTERED", "centre_event/" + id, e.name());
        return get(id).orElseThrow();
    }

    @Override
    @Transactional
    public CentreEvent update(CentreEvent e) {
        CentreAccess.requireStaffOrReporter("changing an event");
        validate(e);
        int n;
        try {
            n = jdbc.update("""
                update centre_event set centre_id = ?, name = ?, held_on = ?, city = ?, address = ?, room = ?,
                    participants = ?, participant_categories = ?, experts = ?, completeness = ?, documents = ?,
                    activity_label = ?, grant_project_id = ?, grant_activity = ? where id = ?
                """, e.centreId(), e.name().strip(), e.heldOn(), e.city().strip(), blank(e.address()), blank(e.room()),
                e.participants(), blank(e.participantCategories()), blank(e.experts()), blank(e.completeness()),
                blank(e.documents()), blank(e.activityLabel()), e.grantProjectId(), blank(e.grantActivity()), e.id());
        } catch (DataIntegrityViolationException x) {
            throw refused(x);
        }
        if (n == 0) {
            throw new InvalidEvent(Map.of("id", "id.unknown"));
        }
        jdbc.update("delete from centre_event_participants where event_id = ?", e.id());
        writeBreakdown(e.id(), e);
        audit.record("EVENT_UPDATED", "centre_event/" + e.id(), e.name());
        return get(e.id()).orElseThrow();
    }

    @Override
    public Optional<CentreEvent> get(long id) {
        return load("where e.id = ?", id).stream().findFirst();
    }

    @Override
    public List<CentreEvent> between(LocalDate from, LocalDate to) {
        return load("where e.held_on between ? and ?", from, to);
    }

    private List<CentreEvent> load(String where, Object... args) {
        CentreAccess.requireStaffOrReporter("reading the events register");
        var breakdown = new HashMap<Long, Map<String, Map<String, Integer>>>();
        jdbc.query("select p.* from centre_event_participants p join centre_event e on e.id = p.event_id " + where,
                (ResultSet rs) -> {
                    breakdown.computeIfAbsent(rs.getLong("event_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString("dimension"), k -> new HashMap<>())
                            .put(rs.getString("bucket"), rs.getInt("count"));
                }, args);
        return jdbc.query("select e.* from centre_event e " + where + " order by e.held_on, e.id",
                (rs, i) -> map(rs, breakdown.getOrDefault(rs.getLong("id"), Map.of())), args);
    }

    private static CentreEvent map(ResultSet rs, Map<String, Map<String, Integer>> b) throws SQLException {
        return new CentreEvent(rs.getLong("id"), rs.getObject("centre_id", Long.class), rs.getString("name"),
                rs.getObject("held_on", LocalDate.class), rs.getString("city"), rs.getString("address"),
                rs.getString("room"), rs.getInt("participants"), rs.getString("participant_categories"),
                rs.getString("experts"), rs.getString("completeness"), rs.getString("documents"),
                rs.getString("activity_label"), enumMap(b.get("GENDER"), Gender.class),
                enumMap(b.get("AGE"), AgeBracket.class), enumMap(b.get("SOCIAL"), SocialStatus.class),
                rs.getObject("grant_project_id", Long.class), rs.getString("grant_activity"));
    }

    private static <E extends Enum<E>> Map<E, Integer> enumMap(Map<String, Integer> m, Class<E> type) {
        var out = new EnumMap<E, Integer>(type);
        if (m != null) {
            m.forEach((k, v) -> out.put(Enum.valueOf(type, k), v));
        }
        return out;
    }

    private void writeBreakdown(long id, CentreEvent e) {
        e.byGender().forEach((k, v) -> insert(id, "GENDER", k.name(), v));
        e.byAge().forEach((k, v) -> insert(id, "AGE", k.name(), v));
        e.bySocialStatus().forEach((k, v) -> insert(id, "SOCIAL", k.name(), v));
    }

    private void insert(long id, String dimension, String bucket, int count) {
        jdbc.update("insert into centre_event_participants (event_id, dimension, bucket, count) values (?, ?, ?, ?)",
                id, dimension, bucket, count);
    }

    /** Field by field; each breakdown (gender, age, social status) sums to at most the participants. */
    static void validate(CentreEvent e) {
        var errors = new LinkedHashMap<String, String>();
        if (e.name() == null || e.name().isBlank()) {
            errors.put("name", "name.required");
        }
        if (e.city() == null || e.city().isBlank()) {
            errors.put("city", "city.required");
        }
        if (e.participants() < 0) {
            errors.put("participants", "participants.negative");
        }
        for (var m : List.<Map<? extends Enum<?>, Integer>>of(e.byGender(), e.byAge(), e.bySocialStatus())) {
            int sum = m.values().stream().mapToInt(Integer::intValue).sum();
            if (sum > e.participants()) {
                errors.putIfAbsent("participants", "participants.breakdown");
            }
        }
        var activity = blank(e.grantActivity());
        if (activity != null && !ACTIVITY_KEY.matcher(activity).matches()) {
            errors.put("grantActivity", "grantActivity.format");
        } else if (activity != null && e.grantProjectId() == null) {
            errors.put("grantProjectId", "grantProjectId.required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidEvent(errors);
        }
    }

    /** A grant project's activity key: task number, dot, activity number ({@code 1.2}). */
    static final Pattern ACTIVITY_KEY = Pattern.compile("[1-9]\\d*\\.[1-9]\\d*");

    /**
     * The project must exist (centre_event's foreign key, V41.1): an unknown one is a field error. Whether the
     * activity key names an activity of that project is the picker's to get right: this feature does not read
     * the reports feature's projects (that feature depends on this one).
     */
    private static RuntimeException refused(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23503".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("grant_project")) {
                return new InvalidEvent(Map.of("grantProjectId", "grantProjectId.unknown"));
            }
        }
        return e;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
