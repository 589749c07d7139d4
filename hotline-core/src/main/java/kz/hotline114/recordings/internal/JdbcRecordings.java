package kz.hotline114.recordings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.CallKey;
import kz.hotline114.cases.Cases;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.recordings.RecordingsProperties;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;

/** {@link Recordings} over the {@code call_recording} rows and the encrypted store. */
@Service
class JdbcRecordings implements Recordings {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcTemplate jdbc;
    private final RecordingKeys keys;
    private final RecordingStore store;
    private final RecordingsProperties props;
    private final HotlineProperties hotline;
    private final AuditLog audit;
    private final Clock clock;
    private final Cases cases;

    JdbcRecordings(JdbcTemplate jdbc, RecordingKeys keys, RecordingStore store, RecordingsProperties props,
                   HotlineProperties hotline, AuditLog audit, Clock clock, Cases cases) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.keys = keys;
        this.store = store;
        this.props = props;
        this.hotline = hotline;
        this.audit = audit;
        this.clock = clock;
    }

    /** Supervisors and admins; an evaluator for a call assigned to them (the quality monitoring's table, in SQL). */
    @Override
    public boolean mayListen(CallKey call) {
        if (CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN)) {
            return true;
        }
        return CurrentUser.has(Role.EVALUATOR) && Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from evaluation where pbx_id = ? and linkedid = ? and evaluator = ?)""",
                Boolean.class, call.pbxId(), call.linkedid(), CurrentUser.name()));
    }

    private void checkListener(CallKey call) {
        if (!mayListen(call)) {
            throw new AccessDeniedException("recordings are for supervisors, admins and the call's evaluators");
        }
    }

    private static void checkSupervisor() {
        if (!(CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN))) {
            throw new AccessDeniedException("recordings are held by supervisors and admins");
        }
    }

    @Override
    public Optional<Recording> of(CallKey call) {
        if (!mayListen(call)) {
            return Optional.empty();
        }
        var holds = jdbc.query("""
                select * from recording_hold where pbx_id = ? and linkedid = ? and released_at is null order by held_at""",
                (rs, i) -> new Hold(rs.getLong("id"), HoldKind.valueOf(rs.getString("kind")), rs.getString("reason"),
                        rs.getString("held_by"), rs.getTimestamp("held_at").toInstant()), call.pbxId(), call.linkedid());
        return jdbc.query("select * from call_recording where pbx_id = ? and linkedid = ?",
                (rs, i) -> recording(rs, call, holds), call.pbxId(), call.linkedid()).stream().findFirst();
    }

    private Recording recording(ResultSet rs, CallKey call, List<Hold> holds) throws SQLException {
        var deleted = rs.getTimestamp("deleted_at");
        return new Recording(call, rs.getLong("size_bytes"), rs.getLong("duration_ms"), rs.getString("sha256"),
                rs.getTimestamp("taken_at").toInstant(), rs.getTimestamp("call_started_at").toInstant()
                .plus(Duration.ofDays(props.retentionDays())), deleted == null ? null : deleted.toInstant(), holds);
    }

    @Override
    public void write(CallKey call, long from, long length, boolean download, OutputStream out) throws IOException {
        checkListener(call);
        var key = jdbc.query("select store_key from call_recording where pbx_id = ? and linkedid = ? and deleted_at"
                + " is null", (rs, i) -> rs.getString(1), call.pbxId(), call.linkedid()).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no recording of call " + call));
        if (from == 0) {
            audit.record(download ? "RECORDING_DOWNLOADED" : "RECORDING_PLAYED", call.toString(), null);
        }
        try (var in = store.open(key)) {
            keys.forId(RecordingCipher.header(in).keyId()).decrypt(in, from, length, out);
        }
    }

    @Override
    public Hold hold(CallKey call, HoldKind kind, String reason) {
        checkSupervisor();
        return insertHold(call, kind, reason);
    }

    @Override
    public Hold holdForCase(CallKey call, String caseNumber, String reason) {
        var c = cases.get(caseNumber).orElseThrow(() -> new NoSuchElementException("no case " + caseNumber));
        if (c.calls().stream().noneMatch(k -> k.pbxId().equals(call.pbxId()) && k.linkedid().equals(call.linkedid()))) {
            throw new IllegalArgumentException("call: " + call + " is not a call of case " + caseNumber);
        }
        return insertHold(call, HoldKind.CASE, reason == null || reason.isBlank() ? reason
                : caseNumber + ": " + reason.strip());
    }

    private Hold insertHold(CallKey call, HoldKind kind, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new IllegalArgumentException("reason: required, up to 500 characters");
        }
        var kept = jdbc.queryForObject("select count(*) from call_recording where pbx_id = ? and linkedid = ?"
                + " and deleted_at is null", Long.class, call.pbxId(), call.linkedid());
        if (kept == null || kept == 0) {
            throw new NoSuchElementException("no recording of call " + call + " to hold");
        }
        var now = clock.instant();
        long id = jdbc.queryForObject("""
                insert into recording_hold (pbx_id, linkedid, kind, reason, held_by, held_at) values (?, ?, ?, ?, ?, ?)
                returning id""", Long.class, call.pbxId(), call.linkedid(), kind.name(), reason.strip(),
                CurrentUser.name(), Timestamp.from(now));
        audit.record("RECORDING_HELD", call.toString(), kind + ": " + reason.strip());
        return new Hold(id, kind, reason.strip(), CurrentUser.name(), now);
    }

    @Override
    public Optional<Retention> retention(CallKey call) {
        if (!(CurrentUser.has(Role.OPERATOR) || CurrentUser.has(Role.SPECIALIST) || CurrentUser.has(Role.SUPERVISOR)
                || CurrentUser.has(Role.ADMIN) || mayListen(call))) {
            throw new AccessDeniedException("a recording's retention is for the staff who work with its call");
        }
        var kinds = java.util.EnumSet.noneOf(HoldKind.class);
        jdbc.query("""
                select distinct kind from recording_hold where pbx_id = ? and linkedid = ? and released_at is null
                union select 'EVALUATION' from evaluation e where pbx_id = ? and linkedid = ?
                    and (e.status <> 'SUBMITTED' or e.response = 'DISPUTED' and e.resolved_at is null)""",
                (ResultSet rs) -> {
                    kinds.add(HoldKind.valueOf(rs.getString(1)));
                }, call.pbxId(), call.linkedid(), call.pbxId(), call.linkedid());
        return jdbc.query("select call_started_at from call_recording where pbx_id = ? and linkedid = ?"
                + " and deleted_at is null", (rs, i) -> new Retention(rs.getTimestamp(1).toInstant()
                .plus(Duration.ofDays(props.retentionDays())), kinds), call.pbxId(), call.linkedid()).stream().findFirst();
    }

    @Override
    public void release(CallKey call, long holdId, String reason) {
        checkSupervisor();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required");
        }
        int n = jdbc.update("""
                update recording_hold set released_at = ?, released_by = ?, release_reason = ?
                where id = ? and pbx_id = ? and linkedid = ? and released_at is null""", Timestamp.from(clock.instant()),
                CurrentUser.name(), reason.strip(), holdId, call.pbxId(), call.linkedid());
        if (n == 0) {
            throw new NoSuchElementException("no active hold " + holdId + " on call " + call);
        }
        audit.record("RECORDING_RELEASED", call.toString(), reason.strip());
    }

    @Override
    public Storage storage() {
        if (!CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("the recordings' storage is for admins");
        }
        return jdbc.queryForObject("""
                select count(*) filter (where deleted_at is null) as kept,
                       coalesce(sum(size_bytes) filter (where deleted_at is null), 0) as bytes,
                       min(call_started_at) filter (where deleted_at is null) as oldest,
                       count(*) filter (where deleted_at is null and exists (select 1 from recording_hold h
                           where h.pbx_id = r.pbx_id and h.linkedid = r.linkedid and h.released_at is null)) as held,
                       count(*) filter (where deleted_at is not null) as deleted
                from call_recording r""", (rs, i) -> new Storage(rs.getLong("kept"), rs.getLong("bytes"),
                rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(), rs.getLong("held"),
                rs.getLong("deleted"), props.retentionDays()));
    }

    // --- intake and retention (RecordingIntake calls these) --------------------------------------------

    /** The ended call a file belongs to: its start, or null while it is not logged or still in progress. */
    @Nullable Instant endedCallStart(CallKey call) {
        return jdbc.query("select started_at from calls where pbx_id = ? and linkedid = ? and outcome <> 'IN_PROGRESS'",
                (rs, i) -> rs.getTimestamp(1).toInstant(), call.pbxId(), call.linkedid()).stream().findFirst()
                .orElse(null);
    }

    /**
     * Which PBX's call a recording file named by its Linkedid belongs to (several PBXs share the directory): the one
     * logged call of that Linkedid not yet recorded; {@code fallback} (the first PBX) when none is, or when several
     * PBXs' calls share the Linkedid (give each PBX its own {@code systemname} in asterisk.conf: its ids then differ).
     */
    String pbxOf(String linkedid, String fallback) {
        var pbxs = jdbc.queryForList("""
                select distinct c.pbx_id from calls c where c.linkedid = ? and not exists
                    (select 1 from call_recording r where r.pbx_id = c.pbx_id and r.linkedid = c.linkedid)""",
                String.class, linkedid);
        return pbxs.size() == 1 ? pbxs.getFirst() : fallback;
    }

    boolean recorded(CallKey call) {
        Long n = jdbc.queryForObject("select count(*) from call_recording where pbx_id = ? and linkedid = ?", Long.class,
                call.pbxId(), call.linkedid());
        return n != null && n > 0;
    }

    /** Encrypts a finished WAV into the store and links it to its call; false if another node was first. */
    boolean store(CallKey call, Instant callStart, java.nio.file.Path wav) throws IOException {
        long size = java.nio.file.Files.size(wav);
        long duration = Wav.durationMillis(wav);
        var cipher = keys.current();
        String key = call.pbxId() + "/" + MONTH.format(callStart.atZone(hotline.zone())) + "/"
                + call.linkedid().replaceAll("[^A-Za-z0-9._-]", "_") + ".hrec";
        var tmp = store.temporaryFile();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(java.nio.file.Files.newInputStream(wav), sha);
             OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
            cipher.encrypt(in, size, out);
        }
        try {
            store.put(key, tmp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            java.nio.file.Files.deleteIfExists(tmp);
            return false;
        }
        int n = jdbc.update("""
                insert into call_recording (pbx_id, linkedid, store_key, size_bytes, duration_ms, sha256, key_id,
                    call_started_at, taken_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", call.pbxId(), call.linkedid(), key, size,
                duration, HexFormat.of().formatHex(sha.digest()), cipher.keyId(), Timestamp.from(callStart),
                Timestamp.from(clock.instant()));
        if (n == 0) {
            store.delete(key);
            return false;
        }
        return true;
    }

    /** Deletes the recordings whose time has come and that nothing holds; each deletion audited. */
    int applyRetention() throws IOException {
        var cutoff = clock.instant().minus(Duration.ofDays(props.retentionDays()));
        var due = jdbc.query("""
                select pbx_id, linkedid, store_key from call_recording r where deleted_at is null and call_started_at < ?
                    and not exists (select 1 from recording_hold h where h.pbx_id = r.pbx_id and h.linkedid = r.linkedid
                        and h.released_at is null)
                    and not exists (select 1 from evaluation e where e.pbx_id = r.pbx_id and e.linkedid = r.linkedid
                        and (e.status <> 'SUBMITTED' or e.response = 'DISPUTED' and e.resolved_at is null))
                order by call_started_at limit 1000""", (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                rs.getString(3)}, Timestamp.from(cutoff));
        for (var d : due) {
            store.delete(d[2]);
            jdbc.update("update call_recording set deleted_at = ?, deleted_by = ? where pbx_id = ? and linkedid = ?",
                    Timestamp.from(clock.instant()), CurrentUser.name(), d[0], d[1]);
            audit.record("RECORDING_DELETED", d[0] + "/" + d[1], "retention " + props.retentionDays() + " days");
        }
        return due.size();
    }
}
