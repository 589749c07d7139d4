package kz.hotline114.cases.internal;

import java.util.LinkedHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.TaxonomyAdmin;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

@Service
class JdbcTaxonomyAdmin implements TaxonomyAdmin {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    JdbcTaxonomyAdmin(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void save(Kind kind, String code, String nameKk, String nameRu, boolean active) {
        if (!CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators keep the taxonomy");
        }
        var errors = new LinkedHashMap<String, String>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,63}")) {
            errors.put("code", "format");
        }
        if (nameKk == null || nameKk.isBlank()) {
            errors.put("nameKk", "required");
        }
        if (kind != Kind.PARTNER && (nameRu == null || nameRu.isBlank())) {
            errors.put("nameRu", "required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidCase(errors);
        }
        switch (kind) {
            case CATEGORY -> jdbc.update("""
                    insert into case_category (code, name_kk, name_ru, active) values (?, ?, ?, ?)
                    on conflict (code) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru,
                        active = excluded.active""", code, nameKk.strip(), nameRu.strip(), active);
            case MOVEMENT -> jdbc.update("""
                    insert into movement (code, name_kk, name_ru, active) values (?, ?, ?, ?)
                    on conflict (code) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru,
                        active = excluded.active""", code, nameKk.strip(), nameRu.strip(), active);
            case PARTNER -> jdbc.update("""
                    insert into partner_organisation (code, name_kk, city, active) values (?, ?, ?, ?)
                    on conflict (code) do update set name_kk = excluded.name_kk, city = excluded.city,
                        active = excluded.active""", code, nameKk.strip(), nameRu == null ? null : nameRu.strip(), active);
        }
        audit.record("TAXONOMY_SAVED", kind + "/" + code, (active ? "active: " : "inactive: ") + nameKk);
    }
}
