package kz.hotline114.calls.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.WrapUp;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

@Service
class JdbcWrapUp implements WrapUp {

    private static final RowMapper<Code> CODE = (rs, n) -> new Code(rs.getString("code"), rs.getString("name_kk"),
            rs.getString("name_ru"), rs.getBoolean("active"));

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    JdbcWrapUp(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Code> codes() {
        return jdbc.query("select * from wrap_up_code where active order by sort_order, code", CODE);
    }

    @Override
    public List<Code> allCodes() {
        return jdbc.query("select * from wrap_up_code order by sort_order, code", CODE);
    }

    @Override
    public void file(CallKey call, String code) {
        if (codes().stream().noneMatch(c -> c.code().equals(code))) {
            throw new IllegalArgumentException("code: unknown");
        }
        jdbc.update("""
                insert into call_wrap_up (pbx_id, linkedid, username, code, at) values (?, ?, ?, ?, ?)
                on conflict (pbx_id, linkedid, username) do update set code = excluded.code, at = excluded.at""",
                call.pbxId(), call.linkedid(), CurrentUser.name(), code, Timestamp.from(clock.instant()));
        audit.record("CALL_WRAPPED_UP", call.toString(), code);
    }

    @Override
    public Optional<String> filed(CallKey call) {
        return jdbc.queryForList("select code from call_wrap_up where pbx_id = ? and linkedid = ? and username = ?",
                String.class, call.pbxId(), call.linkedid(), CurrentUser.name()).stream().findFirst();
    }

    @Override
    public List<String> of(CallKey call) {
        return jdbc.queryForList("select code from call_wrap_up where pbx_id = ? and linkedid = ? order by at",
                String.class, call.pbxId(), call.linkedid());
    }

    @Override
    public void saveCode(String code, String nameKk, String nameRu, boolean active) {
        if (!CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators keep the wrap-up codes");
        }
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("code: format");
        }
        if (nameKk == null || nameKk.isBlank()) {
            throw new IllegalArgumentException("nameKk: required");
        }
        if (nameRu == null || nameRu.isBlank()) {
            throw new IllegalArgumentException("nameRu: required");
        }
        jdbc.update("""
                insert into wrap_up_code (code, name_kk, name_ru, active, sort_order)
                values (?, ?, ?, ?, (select coalesce(max(sort_order), 0) + 10 from wrap_up_code))
                on conflict (code) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru,
                    active = excluded.active""", code, nameKk.strip(), nameRu.strip(), active);
        audit.record("WRAP_UP_CODE_SAVED", code, (active ? "active: " : "inactive: ") + nameKk.strip());
    }
}
