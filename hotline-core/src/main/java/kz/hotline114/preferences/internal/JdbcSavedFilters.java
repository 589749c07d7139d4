package kz.hotline114.preferences.internal;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.preferences.SavedFilters;
import kz.hotline114.security.CurrentUser;

@Service
class JdbcSavedFilters implements SavedFilters {

    static final Set<String> SCREENS = Set.of("calls", "cases");

    private final JdbcTemplate jdbc;

    JdbcSavedFilters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SavedFilter> mine(String screen) {
        return jdbc.query("select id, screen, name, query from saved_filter where username = ? and screen = ? order by name",
                (rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                CurrentUser.name(), screen);
    }

    @Override
    @Transactional
    public SavedFilter save(String screen, String name, String query) {
        if (!SCREENS.contains(screen)) {
            throw new IllegalArgumentException("screen: unknown");
        }
        var n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("name: required");
        }
        if (n.length() > 60) {
            throw new IllegalArgumentException("name: tooLong");
        }
        if (query.length() > 2000) {
            throw new IllegalArgumentException("query: tooLong");
        }
        var user = CurrentUser.name();
        var count = jdbc.queryForObject("select count(*) from saved_filter where username = ? and screen = ? and name <> ?",
                Long.class, user, screen, n);
        if (count != null && count >= MAX_PER_SCREEN) {
            throw new IllegalArgumentException("name: tooMany");
        }
        var id = jdbc.queryForObject("""
                insert into saved_filter (username, screen, name, query) values (?, ?, ?, ?)
                on conflict (username, screen, name) do update set query = excluded.query returning id""",
                Long.class, user, screen, n, query);
        return new SavedFilter(id == null ? 0 : id, screen, n, query);
    }

    @Override
    public void remove(long id) {
        jdbc.update("delete from saved_filter where id = ? and username = ?", id, CurrentUser.name());
    }
}
