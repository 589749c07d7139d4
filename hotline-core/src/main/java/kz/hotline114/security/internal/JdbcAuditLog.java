package kz.hotline114.security.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;

@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;

    JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String action, @Nullable String subject, @Nullable String detail) {
        jdbc.update("insert into audit_log (username, action, subject, detail) values (?, ?, ?, ?)", CurrentUser.name(),
                action, subject, detail);
    }

    @Override
    public List<Entry> latest(int limit) {
        return jdbc.query("select id, at, username, action, subject, detail from audit_log order by id desc limit ?",
                (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), limit);
    }
}
