package kz.hotline114.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;

@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** user, action, subject → when last recorded; bounded (least recently used out). */
    private final Map<String, Instant> listings = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > 20_000;
        }
    };

    JdbcAuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(String action, @Nullable String subject, @Nullable String detail) {
        jdbc.update("insert into audit_log (at, username, action, subject, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), CurrentUser.name(), action, subject, detail);
    }

    @Override
    public void recordListing(String action, String subject, @Nullable String detail) {
        var key = CurrentUser.name() + "\u0000" + action + "\u0000" + subject;
        var now = clock.instant();
        synchronized (listings) {
            var last = listings.get(key);
            if (last != null && last.plus(LISTING_QUIET).isAfter(now) && !last.isAfter(now)) {
                return;
            }
            listings.put(key, now);
        }
        record(action, subject, detail);
    }

    @Override
    public Page search(Query query, int offset, int limit) {
        var args = new ArrayList<Object>();
        var where = where(query, args);
        if (offset <= 0) { // the first page is the reading; further pages are the same reading scrolled
            record("AUDIT_LOG_READ", query.describe().strip(), null);
        }
        var total = jdbc.queryForObject("select count(*) from audit_log" + where, Long.class, args.toArray());
        args.add(Math.max(1, limit));
        args.add(Math.max(0, offset));
        var items = jdbc.query("select id, at, username, action, subject, detail from audit_log" + where
                + " order by at desc, id desc limit ? offset ?", (rs, n) -> new Entry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                args.toArray());
        return new Page(total == null ? 0 : total, items);
    }

    @Override
    public long count(Query query) {
        var args = new ArrayList<Object>();
        var where = where(query, args);
        var n = jdbc.queryForObject("select count(*) from audit_log" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(Query query, List<Object> args) {
        var where = new StringBuilder(" where true");
        if (query.username() != null) {
            where.append(" and username = ?");
            args.add(query.username());
        }
        if (query.action() != null) {
            where.append(" and action = ?");
            args.add(query.action());
        }
        if (query.from() != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(query.to()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (strpos(lower(coalesce(subject, '')), ?) > 0 or strpos(lower(coalesce(detail, '')), ?) > 0)");
            var t = query.text().strip().toLowerCase(Locale.ROOT);
            args.add(t);
            args.add(t);
        }
        return where.toString();
    }

    @Override
    public List<String> usernames() {
        return jdbc.queryForList("select distinct username from audit_log order by 1", String.class);
    }

    @Override
    public List<String> actions() {
        return jdbc.queryForList("select distinct action from audit_log order by 1", String.class);
    }
}
