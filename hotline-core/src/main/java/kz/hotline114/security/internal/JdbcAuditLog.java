package kz.hotline114.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
        jdbc.update("insert into audit_log (username, action, subject, detail) values (?, ?, ?, ?)", CurrentUser.name(),
                action, subject, detail);
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
    public List<Entry> latest(int limit) {
        record("AUDIT_LOG_READ", null, "latest " + limit);
        return jdbc.query("select id, at, username, action, subject, detail from audit_log order by id desc limit ?",
                (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), limit);
    }
}
