package kz.hotline114.ui.reports;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;

/**
 * A project of 1988 with a known forecast: 6 billed minutes (90 ₸ at 15 ₸) in its first 10 days, so 9 ₸ a day; of the
 * 1 000 ₸ budget 910 ₸ last 102 days, to 21.04.1988 — 254 days before the project ends on 31.12.1988.
 */
final class BudgetData {

    static final String PROJECT = "Байланыс сметасы сынағы";
    static final LocalDate AS_OF = LocalDate.of(1988, 1, 10);

    private BudgetData() {
    }

    /** The project's id (made once; the calls are put back each time). */
    static long load(JdbcTemplate jdbc, GrantProjects projects) {
        jdbc.update("delete from calls where pbx_id = 'budget-ui'");
        call(jdbc, LocalDateTime.of(1988, 1, 2, 10, 0), "+77011880001", "Kcell", 50, "WRONG_NUMBER", "DECLARED");
        call(jdbc, LocalDateTime.of(1988, 1, 5, 12, 0), "+77051880002", "Beeline", 299, "ANSWERED", null);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            var existing = projects.list().stream().filter(p -> p.name().equals(PROJECT)).findFirst();
            return existing.isPresent() ? existing.get().id() : projects.save(new GrantProject(0, PROJECT, "«Сынақ» қоры",
                    null, null, new BigDecimal("100000"), LocalDate.of(1988, 1, 1), LocalDate.of(1988, 12, 31),
                    List.of(), List.of(), new BigDecimal("1000"))).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void call(JdbcTemplate jdbc, LocalDateTime at, String number, String operator, int seconds,
                             String outcome, String reason) {
        var start = at.atZone(ZoneId.of("Asia/Almaty")).toInstant();
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, operator,
                    queues, answered_by, transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
                values ('budget-ui', ?, ?, ?, ?, false, ?, '{}', '{}', '[]'::jsonb, ?, ?, false, ?)""",
                "budget-ui-" + at, Timestamp.from(start), Timestamp.from(start.plusSeconds(seconds)), number, operator,
                outcome, reason, Timestamp.from(start));
    }
}
