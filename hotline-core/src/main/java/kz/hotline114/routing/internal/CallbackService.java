package kz.hotline114.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.MemberState;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiEventsJournaled;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.routing.Callback;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

/**
 * Schedules, originates and follows callbacks. The outbound call is recognised in the AMI events by
 * the variables the Originate sets on the specialist's channel ({@code HOTLINE_CALLBACK_ID}, and
 * {@code HOTLINE_CALLBACK_FOR} = the original Linkedid, the dialplan contract's name); a callback
 * originated outside the app (by hand at the PBX) is logged too, as one without a requester.
 * Answered = the trunk leg (created in {@code from-trunk} in state Down) entered a bridge; talk time
 * = from then to its leaving the bridge (or the end of the call).
 */
@Service
class CallbackService implements Callbacks {

    private static final Logger log = LoggerFactory.getLogger(CallbackService.class);
    static final String CONTEXT = "hotline-callback";
    static final String CALLER_ID = "\"Hotline 114\" <114>";

    private final JdbcTemplate jdbc;
    private final CallLog callLog;
    private final PbxCommands pbx;
    private final SpecialistDirectory directory;
    private final LiveModel live;
    private final AuditLog audit;
    /** Outbound Linkedid → what we know of the call while it lasts. */
    private final Map<String, Outbound> outbound = new ConcurrentHashMap<>();

    private final Clock clock;

    private final NodeLeases leases;

    private final kz.hotline114.pbx.Pbxs pbxs;

    CallbackService(JdbcTemplate jdbc, CallLog callLog, PbxCommands pbx, kz.hotline114.pbx.Pbxs pbxs,
                    SpecialistDirectory directory, LiveModel live, AuditLog audit, Clock clock, NodeLeases leases) {
        this.pbxs = pbxs;
        this.leases = leases;
        this.clock = clock;
        this.jdbc = jdbc;
        this.callLog = callLog;
        this.pbx = pbx;
        this.directory = directory;
        this.live = live;
        this.audit = audit;
    }

    private static final class Outbound {
        final long id;
        @Nullable String trunkUniqueid;
        @Nullable Instant answeredAt;
        @Nullable Instant leftBridgeAt;

        Outbound(long id) {
            this.id = id;
        }
    }

    @Override
    public Callback schedule(CallKey of, Instant dueAt, @Nullable String note, @Nullable String assignee) {
        requireStaff();
        var number = callLog.numberToDial(of)
                .orElseThrow(() -> new IllegalArgumentException("the caller's number is unknown or withheld: no callback"));
        var phone = assignee != null && !assignee.isBlank() ? assignee
                : directory.ofUser(CurrentUser.name()).map(s -> s.iface()).orElse(null);
        Long id = jdbc.queryForObject("""
                insert into callback (pbx_id, for_linkedid, number, requested_by, assignee, due_at, note, status)
                values (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED') returning id""", Long.class, of.pbxId(), of.linkedid(), number,
                CurrentUser.name(), phone, Timestamp.from(dueAt), note == null || note.isBlank() ? null : note.strip());
        audit.record("CALLBACK_SCHEDULED", of.toString(), "callback " + id + " due " + dueAt
                + (phone == null ? "" : " by " + phone));
        return get(id);
    }

    @Override
    public Callback dialNow(long id) {
        requireStaff();
        var me = directory.ofUser(CurrentUser.name())
                .orElseThrow(() -> new IllegalStateException("no phone is linked to user " + CurrentUser.name()));
        return originate(id, me.iface());
    }

    @Override
    public Callback cancel(long id) {
        requireStaff();
        int n = jdbc.update("update callback set status = 'CANCELLED' where id = ? and status in ('SCHEDULED',"
                + " 'NOT_ANSWERED', 'FAILED')", id);
        if (n == 0) {
            throw new IllegalStateException("callback " + id + " is not waiting: it cannot be cancelled");
        }
        audit.record("CALLBACK_CANCELLED", "callback " + id, null);
        return get(id);
    }

    @Override
    public List<Callback> ofCall(CallKey call) {
        return jdbc.query("select * from callback where pbx_id = ? and for_linkedid = ? order by created_at",
                CallbackService::map, call.pbxId(), call.linkedid());
    }

    @Override
    public List<Callback> open() {
        var phone = directory.ofUser(CurrentUser.name()).map(s -> s.iface()).orElse("");
        return jdbc.query("""
                select * from callback where status in ('SCHEDULED', 'DIALLING', 'NOT_ANSWERED', 'FAILED')
                    and (assignee is null or assignee = ? or requested_by = ?)
                order by due_at limit 100""", CallbackService::map, phone, CurrentUser.name());
    }

    /** Due callbacks whose phone is free now are dialled without anyone pressing a button. */
    @Scheduled(fixedDelayString = "${hotline.callbacks.poll:15s}", initialDelayString = "${hotline.callbacks.poll:15s}")
    void dialDue() {
        if (!leases.holds(NodeLeases.SCHEDULER)) { // one node of the cluster does this
            return;
        }
        var now = clock.instant();
        var due = jdbc.query("""
                select * from callback where status = 'SCHEDULED' and due_at <= ? and assignee is not null
                order by due_at limit 20""", CallbackService::map, Timestamp.from(now));
        var snapshot = live.snapshot();
        for (var c : due) {
            var free = snapshot.queues().stream().flatMap(q -> q.members().stream())
                    .filter(m -> m.iface().equals(c.assignee())).findFirst()
                    .map(m -> !m.paused() && m.call() == null && !m.inWrapUp(now)
                            && m.status() == MemberState.Status.AVAILABLE)
                    .orElse(false);
            if (free) {
                try {
                    originate(c.id(), c.assignee());
                } catch (RuntimeException e) {
                    log.warn("Callback {} could not be dialled: {}", c.id(), e.getMessage());
                }
            }
        }
    }

    private Callback originate(long id, String iface) {
        // the conditional update is the claim: two specialists (or the scheduler) cannot dial one callback twice
        int claimed = jdbc.update("""
                update callback set status = 'DIALLING', assignee = ?, dialled_at = ?, failure = null,
                    outbound_linkedid = null, answered_at = null, ended_at = null, talk_seconds = null
                where id = ? and status in ('SCHEDULED', 'NOT_ANSWERED', 'FAILED') and number is not null""", iface, Timestamp.from(clock.instant()), id);
        if (claimed == 0) {
            throw new IllegalStateException("callback " + id + " is being dialled, done or cancelled");
        }
        var number = jdbc.queryForObject("select number from callback where id = ?", String.class, id);
        var original = get(id);
        // the ActionID is stored first: a failed OriginateResponse may be journaled before originate() returns
        var actionId = "hotline-callback-" + id + "-" + UUID.randomUUID();
        jdbc.update("update callback set action_id = ? where id = ?", actionId, id);
        try {
            // the original call's own PBX dials back (its trunk, its phones)
            var onPbx = pbxs.ids().contains(original.pbxId()) ? pbxs.commands(original.pbxId()) : pbx;
            onPbx.originate(iface, CONTEXT, number, CALLER_ID, Map.of(
                    "HOTLINE_CALLBACK_FOR", original.forLinkedid(), "HOTLINE_CALLBACK_ID", Long.toString(id)), actionId);
            audit.record("CALLBACK_DIALLED", original.pbxId() + "/" + original.forLinkedid(), "callback " + id + " from "
                    + iface);
        } catch (PbxCommandFailed e) {
            jdbc.update("update callback set status = 'FAILED', failure = ? where id = ?", e.getMessage(), id);
            throw e;
        }
        return get(id);
    }

    /** Follows the outbound calls in the journaled events. */
    @EventListener
    void on(AmiEventsJournaled batch) {
        for (var e : batch.events()) {
            try {
                follow(e);
            } catch (RuntimeException ex) {
                log.warn("Callback tracking skipped event {}: {}", e.journalId(), ex.getMessage());
            }
        }
    }

    private void follow(AmiEvent e) {
        var name = e.name();
        var lid = e.linkedid();
        if (name.equals("VarSet") && lid != null && lid.equals(e.uniqueid())) {
            var variable = e.get("Variable");
            var value = e.get("Value");
            if ("HOTLINE_CALLBACK_ID".equals(variable) && value != null && value.matches("\\d{1,18}")) {
                link(Long.parseLong(value), e, lid);
            } else if ("HOTLINE_CALLBACK_FOR".equals(variable) && value != null && !outbound.containsKey(lid)) {
                adopt(e, lid, value);
            }
            return;
        }
        if (name.equals("OriginateResponse") && "Failure".equalsIgnoreCase(e.get("Response"))) {
            var actionId = e.get("ActionID");
            if (actionId != null) {
                int n = jdbc.update("""
                        update callback set status = 'FAILED', failure = ?, ended_at = ?
                        where status = 'DIALLING' and action_id is not null and ? like '%' || action_id""",
                        "originate failed: " + e.getOr("Reason", "?"), Timestamp.from(e.time()), actionId);
                if (n > 0) {
                    log.info("A callback's Originate failed (reason {})", e.get("Reason"));
                }
            }
            return;
        }
        var call = lid == null ? null : outbound.get(lid);
        if (call == null) {
            return;
        }
        switch (name) {
            case "Newchannel" -> {
                if ("from-trunk".equals(e.get("Context"))) {
                    call.trunkUniqueid = e.uniqueid();
                }
            }
            case "BridgeEnter" -> {
                if (call.trunkUniqueid != null && call.trunkUniqueid.equals(e.uniqueid()) && call.answeredAt == null) {
                    call.answeredAt = e.time();
                    jdbc.update("update callback set status = 'ANSWERED', answered_at = ? where id = ?",
                            Timestamp.from(e.time()), call.id);
                }
            }
            case "BridgeLeave" -> {
                if (call.trunkUniqueid != null && call.trunkUniqueid.equals(e.uniqueid())) {
                    call.leftBridgeAt = e.time();
                }
            }
            case "Hangup" -> {
                if (lid.equals(e.uniqueid())) {
                    outbound.remove(lid);
                    var end = e.time();
                    if (call.answeredAt != null) {
                        var until = call.leftBridgeAt != null ? call.leftBridgeAt : end;
                        int talk = (int) Math.round(Duration.between(call.answeredAt, until).toMillis() / 1000.0);
                        jdbc.update("update callback set ended_at = ?, talk_seconds = ? where id = ?",
                                Timestamp.from(end), talk, call.id);
                    } else {
                        jdbc.update("""
                                update callback set status = case when status = 'FAILED' then status else 'NOT_ANSWERED' end,
                                    ended_at = ?, failure = coalesce(failure, ?) where id = ?""",
                                Timestamp.from(end), "hang-up cause " + e.getOr("Cause", "?"), call.id);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void link(long id, AmiEvent e, String lid) {
        int n = jdbc.update("update callback set outbound_linkedid = ? where id = ? and pbx_id = ? and outbound_linkedid is null",
                lid, id, e.pbxId());
        if (n > 0 || jdbc.queryForObject("select count(*) from callback where id = ? and outbound_linkedid = ?", Long.class,
                id, lid) > 0) {
            outbound.put(lid, new Outbound(id));
        }
    }

    /** An outbound callback we did not originate by id (another app node, by hand, a replay): log it anyway. */
    private void adopt(AmiEvent e, String lid, String forLinkedid) {
        var existing = jdbc.query("select id from callback where pbx_id = ? and outbound_linkedid = ?",
                (rs, n) -> rs.getLong(1), e.pbxId(), lid);
        if (!existing.isEmpty()) {
            outbound.put(lid, new Outbound(existing.getFirst()));
            return;
        }
        var dialling = jdbc.query("""
                select id from callback where pbx_id = ? and for_linkedid = ? and status = 'DIALLING'
                and outbound_linkedid is null order by dialled_at desc limit 1""", (rs, n) -> rs.getLong(1),
                e.pbxId(), forLinkedid);
        if (!dialling.isEmpty()) {
            link(dialling.getFirst(), e, lid);
            return;
        }
        var channel = e.getOr("Channel", "");
        var iface = channel.contains("-") ? channel.substring(0, channel.lastIndexOf('-')) : channel;
        Long id = jdbc.queryForObject("""
                insert into callback (pbx_id, for_linkedid, number, requested_by, assignee, due_at, status,
                                      outbound_linkedid, dialled_at)
                values (?, ?, ?, null, ?, ?, 'DIALLING', ?, ?)
                on conflict (pbx_id, outbound_linkedid) do update set status = callback.status
                returning id""", Long.class, e.pbxId(), forLinkedid,
                callLog.numberToDial(new CallKey(e.pbxId(), forLinkedid)).orElse(null),
                iface.isBlank() ? null : iface, Timestamp.from(e.time()), lid, Timestamp.from(e.time()));
        outbound.put(lid, new Outbound(id));
    }

    private Callback get(long id) {
        return jdbc.query("select * from callback where id = ?", CallbackService::map, id).getFirst();
    }

    private static void requireStaff() {
        if (!(CurrentUser.has(Role.SPECIALIST) || CurrentUser.has(Role.OPERATOR) || CurrentUser.has(Role.SUPERVISOR)
                || CurrentUser.has(Role.ADMIN))) {
            throw new AccessDeniedException("only the line's staff arrange callbacks");
        }
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Callback map(ResultSet rs, int n) throws SQLException {
        var number = rs.getString("number");
        var talk = rs.getObject("talk_seconds", Integer.class);
        return new Callback(rs.getLong("id"), rs.getString("pbx_id"), rs.getString("for_linkedid"),
                number == null ? null : PhoneNumbers.mask(number), rs.getString("requested_by"), rs.getString("assignee"),
                rs.getTimestamp("due_at").toInstant(), rs.getString("note"), Callback.Status.valueOf(rs.getString("status")),
                rs.getString("outbound_linkedid"), instant(rs, "dialled_at"), instant(rs, "answered_at"),
                instant(rs, "ended_at"), talk, rs.getString("failure"));
    }
}
