package kz.hotline114.calls.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallNote;
import kz.hotline114.calls.CallFilter;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.HangupSide;
import kz.hotline114.calls.Transfer;
import kz.hotline114.calls.WrongNumberReason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code calls} table: one row per (pbx_id, linkedid). */
@Repository
class JdbcCallRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    JdbcCallRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For the rest of the current transaction: its commit does not wait for the WAL to reach the disk. Only for rows
     * that the journal (committed and flushed before) can give again: a crash loses at most the last fraction of a
     * second of them, and the node that journals the PBX next re-logs every call of the last ten minutes whose row is
     * missing or unfinished ({@code JournalTakenOver}). Waiting for that flush took a third of the ingestion's time.
     */
    void commitWithoutFlush() {
        jdbc.execute("set local synchronous_commit = off");
    }

    /** Inserts or replaces the row; a row that would not change is left alone. @return true when written */
    boolean upsert(Call c) {
        return jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ivr_answered_at, ended_at, caller_number, caller_withheld,
                    caller_raw, caller_name, operator, region, dialled_number, ivr_choice, queues, wait_seconds, answered_by,
                    talk_seconds, transfers, hangup_by, outcome, wrong_number_reason, repeat_caller, recovered, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, now())
                on conflict (pbx_id, linkedid) do update set
                    started_at = excluded.started_at, ivr_answered_at = excluded.ivr_answered_at, ended_at = excluded.ended_at,
                    caller_number = excluded.caller_number, caller_withheld = excluded.caller_withheld,
                    caller_raw = excluded.caller_raw, caller_name = excluded.caller_name, operator = excluded.operator,
                    region = excluded.region, dialled_number = excluded.dialled_number, ivr_choice = excluded.ivr_choice,
                    queues = excluded.queues, wait_seconds = excluded.wait_seconds, answered_by = excluded.answered_by,
                    talk_seconds = excluded.talk_seconds, transfers = excluded.transfers, hangup_by = excluded.hangup_by,
                    outcome = excluded.outcome, wrong_number_reason = excluded.wrong_number_reason,
                    repeat_caller = excluded.repeat_caller, recovered = excluded.recovered,
                    updated_at = now()
                where (calls.started_at, calls.ivr_answered_at, calls.ended_at, calls.caller_number, calls.caller_withheld,
                       calls.caller_raw, calls.caller_name, calls.operator, calls.region, calls.dialled_number,
                       calls.ivr_choice, calls.queues, calls.wait_seconds, calls.answered_by, calls.talk_seconds,
                       calls.transfers, calls.hangup_by, calls.outcome, calls.wrong_number_reason, calls.repeat_caller)
                  is distinct from
                      (excluded.started_at, excluded.ivr_answered_at, excluded.ended_at, excluded.caller_number,
                       excluded.caller_withheld, excluded.caller_raw, excluded.caller_name, excluded.operator,
                       excluded.region, excluded.dialled_number, excluded.ivr_choice, excluded.queues,
                       excluded.wait_seconds, excluded.answered_by, excluded.talk_seconds, excluded.transfers,
                       excluded.hangup_by, excluded.outcome, excluded.wrong_number_reason, excluded.repeat_caller)
                """, ps -> {
            int i = 1;
            ps.setString(i++, c.pbxId());
            ps.setString(i++, c.linkedid());
            ps.setTimestamp(i++, ts(c.startedAt()));
            ps.setTimestamp(i++, ts(c.ivrAnsweredAt()));
            ps.setTimestamp(i++, ts(c.endedAt()));
            ps.setString(i++, c.callerNumber());
            ps.setBoolean(i++, c.callerWithheld());
            ps.setString(i++, c.callerRaw());
            ps.setString(i++, c.callerName());
            ps.setString(i++, c.operator());
            ps.setString(i++, c.region());
            ps.setString(i++, c.dialledNumber());
            ps.setString(i++, c.ivrChoice());
            ps.setArray(i++, ps.getConnection().createArrayOf("text", c.queues().toArray()));
            ps.setObject(i++, c.waitSeconds());
            ps.setArray(i++, ps.getConnection().createArrayOf("text", c.answeredBy().toArray()));
            ps.setObject(i++, c.talkSeconds());
            ps.setString(i++, JSON.writeValueAsString(c.transfers()));
            ps.setString(i++, c.hangupBy() == null ? null : c.hangupBy().name());
            ps.setString(i++, c.outcome().name());
            ps.setString(i++, c.wrongNumberReason() == null ? null : c.wrongNumberReason().name());
            ps.setBoolean(i++, c.repeatCaller());
            ps.setBoolean(i, c.recovered());
        }) > 0;
    }

    /** True when the number called in {@code [startedAt - window, startedAt)} in another call. */
    boolean calledBefore(String e164, Instant startedAt, Duration window, CallKey other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from calls where caller_number = ? and started_at < ? and started_at >= ?
                               and not (pbx_id = ? and linkedid = ?))""", Boolean.class,
                e164, ts(startedAt), ts(startedAt.minus(window)), other.pbxId(), other.linkedid()));
    }

    List<Call> earlier(String e164, Instant before, CallKey other, int limit) {
        return jdbc.query("""
                select * from calls where caller_number = ? and started_at < ? and not (pbx_id = ? and linkedid = ?)
                order by started_at desc limit ?""", MAPPER, e164, ts(before), other.pbxId(), other.linkedid(), limit);
    }

    /**
     * Callers who waited for a specialist in the period and never got one: per number its latest abandoned or
     * unanswered call, when no later call from that number was answered and no callback was made or planned for any
     * of their calls of the period. Newest first.
     */
    List<Call> unreturned(Instant from, Instant to, int limit) {
        return jdbc.query("""
                select distinct on (c.caller_number) c.* from calls c
                where c.started_at >= ? and c.started_at < ? and c.outcome in ('ABANDONED', 'UNANSWERED')
                  and c.caller_number is not null
                  and not exists (select 1 from calls a where a.caller_number = c.caller_number
                                  and a.started_at > c.started_at and a.outcome = 'ANSWERED')
                  and not exists (select 1 from callback b join calls o on o.pbx_id = b.pbx_id and o.linkedid = b.for_linkedid
                                  where o.caller_number = c.caller_number and o.started_at >= ?
                                    and b.status <> 'CANCELLED')
                order by c.caller_number, c.started_at desc""", MAPPER, ts(from), ts(to), ts(from)).stream()
                .sorted(Comparator.comparing(Call::startedAt).reversed()).limit(limit).toList();
    }

    Map<String, Long> answeredBy(Instant from, Instant to) {
        var counts = new LinkedHashMap<String, Long>();
        jdbc.query("select who, count(*) from calls, unnest(answered_by) as who where started_at >= ? and started_at < ?"
                + " group by who order by who", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, ts(from), ts(to));
        return counts;
    }

    void saveNote(CallKey call, String author, String text) {
        jdbc.update("""
                insert into call_note (pbx_id, linkedid, author, text) values (?, ?, ?, ?)
                on conflict (pbx_id, linkedid, author) do update set text = excluded.text, updated_at = now()""",
                call.pbxId(), call.linkedid(), author, text);
    }

    void deleteNote(CallKey call, String author) {
        jdbc.update("delete from call_note where pbx_id = ? and linkedid = ? and author = ?", call.pbxId(),
                call.linkedid(), author);
    }

    List<CallNote> notes(CallKey call) {
        return jdbc.query("select author, text, updated_at from call_note where pbx_id = ? and linkedid = ? order by created_at",
                (rs, n) -> new CallNote(rs.getString("author"), rs.getString("text"), rs.getTimestamp("updated_at").toInstant()),
                call.pbxId(), call.linkedid());
    }

    Optional<Call> find(CallKey call) {
        return jdbc.query("select * from calls where pbx_id = ? and linkedid = ?", MAPPER, call.pbxId(), call.linkedid())
                .stream()
                .findFirst();
    }

    List<Call> find(CallFilter f, int offset, int limit) {
        var where = new Where(f);
        var args = new ArrayList<>(where.args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from calls" + where.sql + " order by started_at desc, linkedid desc limit ? offset ?",
                MAPPER, args.toArray());
    }

    long count(CallFilter f) {
        var where = new Where(f);
        return jdbc.queryForObject("select count(*) from calls" + where.sql, Long.class, where.args.toArray());
    }

    int deleteExcept(String pbxId, List<String> linkedids, List<String> keep) {
        var gone = new ArrayList<>(linkedids);
        gone.removeAll(keep);
        int n = 0;
        for (var lid : gone) {
            n += jdbc.update("delete from calls where pbx_id = ? and linkedid = ?", pbxId, lid);
        }
        return n;
    }

    private static final class Where {
        final String sql;
        final List<Object> args = new ArrayList<>();

        Where(CallFilter f) {
            var sb = new StringBuilder(" where started_at >= ? and started_at < ?");
            args.add(ts(f.from()));
            args.add(ts(f.to()));
            if (f.pbx() != null) {
                sb.append(" and pbx_id = ?");
                args.add(f.pbx());
            }
            if (f.outcome() != null) {
                sb.append(" and outcome = ?");
                args.add(f.outcome().name());
            }
            if (f.queue() != null && !f.queue().isBlank()) {
                sb.append(" and ? = any(queues)");
                args.add(f.queue());
            }
            if (f.wholeNumber() && f.number() != null) {
                sb.append(" and caller_number = ?");
                args.add(f.number());
            } else if (f.number() != null && !f.number().isBlank()) {
                var digits = f.number().replaceAll("\\D", "");
                if (!digits.isEmpty()) {
                    sb.append(" and caller_number like ?");
                    args.add("%" + digits + "%");
                }
            }
            sql = sb.toString();
        }
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static @Nullable Instant instant(ResultSet rs, String col) throws SQLException {
        var t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(@Nullable Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static @Nullable Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static final TypeReference<List<Transfer>> TRANSFERS = new TypeReference<>() { };

    static final RowMapper<Call> MAPPER = (rs, n) -> new Call(rs.getString("pbx_id"), rs.getString("linkedid"),
            instant(rs, "started_at"), instant(rs, "ivr_answered_at"), instant(rs, "ended_at"),
            rs.getString("caller_number"), rs.getBoolean("caller_withheld"), rs.getString("caller_raw"),
            rs.getString("caller_name"), rs.getString("operator"), rs.getString("region"),
            rs.getString("dialled_number"), rs.getString("ivr_choice"), strings(rs.getArray("queues")),
            integer(rs, "wait_seconds"), strings(rs.getArray("answered_by")), integer(rs, "talk_seconds"),
            JSON.readValue(rs.getString("transfers"), TRANSFERS),
            rs.getString("hangup_by") == null ? null : HangupSide.valueOf(rs.getString("hangup_by")),
            CallOutcome.valueOf(rs.getString("outcome")),
            rs.getString("wrong_number_reason") == null ? null : WrongNumberReason.valueOf(rs.getString("wrong_number_reason")),
            rs.getBoolean("repeat_caller"), rs.getBoolean("recovered"));
}
