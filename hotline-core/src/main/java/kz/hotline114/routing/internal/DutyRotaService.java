package kz.hotline114.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.routing.DutyRota;
import kz.hotline114.routing.Shift;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

@Service
class DutyRotaService implements DutyRota {

    private static final Logger log = LoggerFactory.getLogger(DutyRotaService.class);
    private static final String SELECT = """
            select s.*, p.display_name, p.interface from shift s join specialist p on p.id = s.specialist_id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PbxCommands pbx;
    private final SpecialistDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    private final NodeLeases leases;

    private final kz.hotline114.live.LiveModel live;
    private final kz.hotline114.pbx.Pbxs pbxs;

    DutyRotaService(JdbcTemplate jdbc, TransactionTemplate tx, PbxCommands pbx, SpecialistDirectory directory,
                    AuditLog audit, Clock clock, NodeLeases leases, kz.hotline114.live.LiveModel live,
                    kz.hotline114.pbx.Pbxs pbxs) {
        this.live = live;
        this.pbxs = pbxs;
        this.leases = leases;
        this.jdbc = jdbc;
        this.tx = tx;
        this.pbx = pbx;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The PBX the phone is on as the live state saw it (several PBXs); the first PBX for a phone never seen. */
    private PbxCommands pbxOf(String iface) {
        return live.pbxOf(iface).map(pbxs::commands).orElse(pbx);
    }

    @Override
    public List<Shift> between(Instant from, Instant to) {
        return jdbc.query(SELECT + " where s.starts_at < ? and s.ends_at > ? order by s.starts_at, p.display_name",
                DutyRotaService::map, Timestamp.from(to), Timestamp.from(from));
    }

    @Override
    public List<Shift> add(long specialistId, Instant startsAt, Instant endsAt, @Nullable String note, int weeks) {
        requireSupervisor();
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a shift ends after it starts");
        }
        if (Duration.between(startsAt, endsAt).compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("a shift lasts at most 24 hours");
        }
        if (weeks < 1 || weeks > 26) {
            throw new IllegalArgumentException("repeat for 1 to 26 weeks");
        }
        try {
            var ids = tx.execute(status -> {
                var added = new ArrayList<Long>();
                for (int w = 0; w < weeks; w++) {
                    var shift = Duration.ofDays(7L * w);
                    added.add(jdbc.queryForObject("""
                            insert into shift (specialist_id, starts_at, ends_at, note, created_by) values (?, ?, ?, ?, ?)
                            returning id""", Long.class, specialistId, Timestamp.from(startsAt.plus(shift)),
                            Timestamp.from(endsAt.plus(shift)), note == null || note.isBlank() ? null : note.strip(),
                            CurrentUser.name()));
                }
                return added;
            });
            audit.record("SHIFTS_ADDED", "specialist " + specialistId, startsAt + "/" + endsAt + " x" + weeks);
            return ids.stream().map(this::get).toList();
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains("shift_not_overlapping")) {
                throw new IllegalArgumentException("the shift overlaps another shift of this specialist", e);
            }
            throw new IllegalArgumentException("no such specialist, or the shift is not valid", e);
        }
    }

    @Override
    public void remove(long shiftId) {
        requireSupervisor();
        var shift = get(shiftId);
        var now = clock.instant();
        if (shift.state(now) == Shift.State.PLANNED) {
            jdbc.update("delete from shift where id = ?", shiftId);
        } else if (shift.state(now) == Shift.State.ON_DUTY) {
            jdbc.update("update shift set ends_at = greatest(?, starts_at + interval '1 second') where id = ?",
                    Timestamp.from(now), shiftId);
            applyDue(now.plusSeconds(1));
        } else {
            throw new IllegalStateException("a shift that is over stays in the rota");
        }
        audit.record("SHIFT_REMOVED", "shift " + shiftId, shift.specialistName());
    }

    @Override
    public void joinQueues(long specialistId) {
        requireSupervisor();
        var s = specialist(specialistId);
        join(s);
        audit.record("QUEUES_JOINED_BY_HAND", s.iface(), String.join(",", s.queues()));
    }

    @Override
    public void leaveQueues(long specialistId) {
        requireSupervisor();
        var s = specialist(specialistId);
        leave(s);
        audit.record("QUEUES_LEFT_BY_HAND", s.iface(), String.join(",", s.queues()));
    }

    @Scheduled(fixedDelayString = "${hotline.rota.poll:30s}", initialDelayString = "${hotline.rota.initial-delay:20s}")
    void tick() {
        if (!leases.holds(NodeLeases.SCHEDULER)) { // one node of the cluster does this
            return;
        }
        try {
            applyDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("The duty rota could not be applied: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void applyDue(Instant now) {
        var ts = Timestamp.from(now);
        for (var shift : jdbc.query(SELECT + " where s.joined_at is null and s.left_at is null and s.starts_at <= ? and s.ends_at > ?",
                DutyRotaService::map, ts, ts)) {
            var s = specialist(shift.specialistId());
            try {
                join(s);
                jdbc.update("update shift set joined_at = ?, failure = null where id = ?", ts, shift.id());
                audit.record("SHIFT_STARTED", s.iface(), "shift " + shift.id() + " " + String.join(",", s.queues()));
            } catch (PbxCommandFailed e) {
                fail(shift, e);
            }
        }
        for (var shift : jdbc.query(SELECT + " where s.left_at is null and s.ends_at <= ?", DutyRotaService::map, ts)) {
            var s = specialist(shift.specialistId());
            boolean goesOn = Boolean.TRUE.equals(jdbc.queryForObject("""
                    select exists (select 1 from shift where specialist_id = ? and id <> ? and starts_at <= ? and ends_at > ?)""",
                    Boolean.class, shift.specialistId(), shift.id(), ts, ts));
            try {
                if (shift.joinedAt() != null && !goesOn) {
                    leave(s);
                }
                jdbc.update("update shift set left_at = ?, failure = null where id = ?", ts, shift.id());
                audit.record("SHIFT_ENDED", s.iface(), "shift " + shift.id() + (goesOn ? " (next shift goes on)" : ""));
            } catch (PbxCommandFailed e) {
                fail(shift, e);
            }
        }
    }

    private void fail(Shift shift, PbxCommandFailed e) {
        log.warn("Shift {} of {}: the PBX refused: {} (retried at the next tick)", shift.id(), shift.iface(), e.getMessage());
        jdbc.update("update shift set failure = ? where id = ?", e.getMessage(), shift.id());
    }

    private void join(Specialist s) {
        for (var queue : s.queues()) {
            try {
                pbxOf(s.iface()).queueAdd(queue, s.iface(), s.displayName(), false);
            } catch (PbxCommandFailed e) {
                if (!said(e, "already there")) {
                    throw e;
                }
            }
        }
    }

    private void leave(Specialist s) {
        for (var queue : s.queues()) {
            try {
                pbxOf(s.iface()).queueRemove(queue, s.iface());
            } catch (PbxCommandFailed e) {
                if (!said(e, "not there")) {
                    throw e;
                }
            }
        }
    }

    private static boolean said(PbxCommandFailed e, String text) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(text);
    }

    private Specialist specialist(long id) {
        return directory.all().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no specialist " + id));
    }

    private Shift get(long id) {
        return jdbc.query(SELECT + " where s.id = ?", DutyRotaService::map, id).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shift " + id));
    }

    private static void requireSupervisor() {
        if (!(CurrentUser.has(Role.ADMIN) || CurrentUser.has(Role.SUPERVISOR))) {
            throw new AccessDeniedException("only supervisors and admins keep the duty rota");
        }
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Shift map(ResultSet rs, int n) throws SQLException {
        return new Shift(rs.getLong("id"), rs.getLong("specialist_id"), rs.getString("display_name"),
                rs.getString("interface"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("note"), instant(rs, "joined_at"), instant(rs, "left_at"), rs.getString("failure"));
    }
}
