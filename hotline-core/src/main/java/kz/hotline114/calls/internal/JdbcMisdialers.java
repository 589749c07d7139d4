package kz.hotline114.calls.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.Misdialers;
import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.calls.WrongNumberProperties;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

/**
 * {@link Misdialers} computed in PostgreSQL from the calls, cases, appointments and callbacks as they stand — no list
 * to keep in step: a number's wrong-number calls of the last D days come off the {@code calls_caller} index, and each
 * "never" case is one indexed {@code exists}. (The rules read the cases', appointments' and callbacks' tables in
 * SQL: PostgreSQL is the one truth, and a rule split over three services could not be one query.)
 */
@Service
class JdbcMisdialers implements Misdialers {

    /** Why a number is never filtered, for the number in column {@code n} (the caller's E.164), since {@code ?}. */
    private static final String PROTECTED = """
            (exists (select 1 from calls a where a.caller_number = %1$s and a.started_at >= ?
                        and a.outcome = 'ANSWERED')
             or exists (select 1 from callback b where b.number = %1$s
                        and coalesce(b.dialled_at, b.due_at) >= ?)
             or exists (select 1 from calls c join case_call cc on cc.pbx_id = c.pbx_id and cc.linkedid = c.linkedid
                        join consultation_case k on k.id = cc.case_id
                        where c.caller_number = %1$s and (k.opened_at >= ? or k.status <> 'CLOSED'))
             or exists (select 1 from appointment p where p.starts_at >= ? and (p.client_contact = %1$s
                        or p.case_number in (select k.number from calls c join case_call cc
                            on cc.pbx_id = c.pbx_id and cc.linkedid = c.linkedid
                            join consultation_case k on k.id = cc.case_id where c.caller_number = %1$s))))""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WrongNumberProperties props;
    private final AuditLog audit;

    JdbcMisdialers(JdbcTemplate jdbc, Clock clock, WrongNumberProperties props, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.props = props;
        this.audit = audit;
    }

    private Timestamp since() {
        return Timestamp.from(clock.instant().minus(Duration.ofDays(props.misdialerDays())));
    }

    @Override
    public boolean isMisdialer(@Nullable String number) {
        var n = number == null ? null : PhoneNumbers.toE164(number);
        if (n == null) {
            return false; // withheld or unreadable: the menu, as for everyone
        }
        var since = since();
        var mark = jdbc.query("select kind from misdialer_mark where number = ?", (rs, i) -> rs.getString(1), n);
        if (!mark.isEmpty()) {
            return mark.getFirst().equals("FILTER");
        }
        Boolean is = jdbc.queryForObject("select (select count(*) from calls where caller_number = ? and started_at >= ?"
                + " and outcome = 'WRONG_NUMBER') >= ? and not " + PROTECTED.formatted("?::text"), Boolean.class,
                n, since, props.misdialerCalls(), n, since, n, since, n, since, since, n, n);
        return Boolean.TRUE.equals(is);
    }

    /** The list's rows: the automatic ones (no mark) and the hand-made FILTER ones, with their window's count. */
    private static final String LIST = """
            with w as (
                select caller_number as n, count(*) as wrong,
                       (array_agg(started_at order by started_at))[?] as since
                from calls where outcome = 'WRONG_NUMBER' and caller_number is not null and started_at >= ?
                group by caller_number having count(*) >= ?),
            auto as (
                select w.n, w.since, w.wrong, 'AUTOMATIC' as source from w
                where not exists (select 1 from misdialer_mark m where m.number = w.n) and not %s),
            manual as (
                select m.number as n, m.marked_at as since,
                       (select count(*) from calls c where c.caller_number = m.number and c.started_at >= ?
                            and c.outcome = 'WRONG_NUMBER') as wrong, 'MANUAL' as source
                from misdialer_mark m where m.kind = 'FILTER'),
            l as (select * from auto union all select * from manual)
            """.formatted(PROTECTED.formatted("w.n"));

    @Override
    public Page list(int offset, int limit) {
        var since = since();
        Object[] head = {props.misdialerCalls(), since, props.misdialerCalls(), since, since, since, since, since};
        long total = jdbc.queryForObject(LIST + "select count(*) from l", Long.class, head);
        var args = new Object[head.length + 2];
        System.arraycopy(head, 0, args, 0, head.length);
        args[head.length] = Math.max(0, limit);
        args[head.length + 1] = Math.max(0, offset);
        boolean full = CurrentUser.maySeeCallerNumbers();
        var items = jdbc.query(LIST + "select * from l order by since desc, n limit ? offset ?",
                (rs, i) -> new Misdialer(full ? rs.getString("n") : PhoneNumbers.mask(rs.getString("n")),
                        rs.getTimestamp("since").toInstant(), rs.getInt("wrong"), Source.valueOf(rs.getString("source"))),
                args);
        audit.recordListing(full ? "MISDIALERS_LISTED" : "MISDIALERS_LISTED_MASKED", "misdialers",
                items.size() + " of " + total);
        return new Page(total, items);
    }

    @Override
    public List<Mark> marks() {
        boolean full = CurrentUser.maySeeCallerNumbers();
        return jdbc.query("select * from misdialer_mark order by marked_at desc", (rs, i) -> mark(rs, full));
    }

    @Override
    public Mark mark(String number, Mark.Kind kind, String reason) {
        mayChange();
        var n = readable(number);
        var why = reason(reason);
        jdbc.update("""
                insert into misdialer_mark (number, kind, reason, marked_by, marked_at) values (?, ?, ?, ?, ?)
                on conflict (number) do update set kind = excluded.kind, reason = excluded.reason,
                    marked_by = excluded.marked_by, marked_at = excluded.marked_at""",
                n, kind.name(), why, CurrentUser.name(), Timestamp.from(clock.instant()));
        audit.record(kind == Mark.Kind.FILTER ? "MISDIALER_ADDED" : "MISDIALER_NEVER_FILTER", n, why);
        return new Mark(n, kind, why, CurrentUser.name(), clock.instant());
    }

    @Override
    public boolean unmark(String number, String reason) {
        mayChange();
        var n = readable(number);
        var why = reason(reason);
        boolean removed = jdbc.update("delete from misdialer_mark where number = ?", n) > 0;
        if (removed) {
            audit.record("MISDIALER_MARK_REMOVED", n, why);
        }
        return removed;
    }

    private static void mayChange() {
        if (!(CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN))) {
            throw new AccessDeniedException("supervisors and admins keep the misdialers");
        }
    }

    private static String readable(String number) {
        var n = number == null ? null : PhoneNumbers.toE164(number.strip());
        if (n == null) {
            throw new IllegalArgumentException("number: not a phone number");
        }
        return n;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required");
        }
        var r = reason.strip();
        return r.length() > 500 ? r.substring(0, 500) : r;
    }

    private static Mark mark(ResultSet rs, boolean full) throws SQLException {
        var n = rs.getString("number");
        return new Mark(full ? n : PhoneNumbers.mask(n), Mark.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
                rs.getString("marked_by"), rs.getTimestamp("marked_at").toInstant());
    }
}
