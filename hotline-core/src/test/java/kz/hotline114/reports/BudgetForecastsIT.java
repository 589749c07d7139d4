package kz.hotline114.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import kz.hotline114.support.TelephonyIT;

/**
 * The communication budget's forecast on a dataset with a known answer (a project of its own in 1987, when no other
 * test calls): six calls, 20 billed minutes at 15 ₸ = 300 ₸ in the first 30 days, so 10 ₸ a day; the budget decides
 * whether it lasts the project (ends 31.05), runs out before, or ran out already.
 */
class BudgetForecastsIT extends TelephonyIT {

    static final LocalDate FROM = LocalDate.of(1987, 3, 1), TO = LocalDate.of(1987, 5, 31), AS_OF = LocalDate.of(1987, 3, 30);
    static final String KNOWN = "+77011230001";

    @Autowired
    BudgetForecasts forecasts;
    @Autowired
    GrantProjects projects;
    @Autowired
    InterimReports reports;

    long projectId;

    private void call(LocalDateTime at, String number, String operator, String region, int seconds, String outcome,
                      String reason) {
        var start = at.atZone(ZoneId.of("Asia/Almaty")).toInstant();
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, operator, region,
                    queues, answered_by, transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
                values ('forecast', ?, ?, ?, ?, false, ?, ?, '{}', '{}', '[]'::jsonb, ?, ?, false, ?)""",
                "forecast-" + at + "-" + number, Timestamp.from(start), Timestamp.from(start.plusSeconds(seconds)), number,
                operator, region, outcome, reason, Timestamp.from(start));
    }

    @BeforeEach
    void dataset() {
        jdbc.update("delete from calls where pbx_id = 'forecast'");
        call(LocalDateTime.of(1987, 3, 2, 10, 0), KNOWN, "Kcell", null, 50, "WRONG_NUMBER", "DECLARED");      // 1 min
        call(LocalDateTime.of(1987, 3, 2, 10, 30), KNOWN, "Kcell", null, 130, "WRONG_NUMBER", "DECLARED");    // 3 min
        call(LocalDateTime.of(1987, 3, 2, 11, 0), "+77172230009", null, "Astana", 600, "ANSWERED", null);    // 10 min
        call(LocalDateTime.of(1987, 3, 10, 10, 15), "+77051230002", "Beeline", null, 5, "WRONG_NUMBER", "SHORT_CALL");
        call(LocalDateTime.of(1987, 3, 20, 22, 0), KNOWN, "Kcell", null, 10, "WRONG_NUMBER", "FILTERED");     // 1 min
        call(LocalDateTime.of(1987, 3, 25, 10, 0), "+77011230003", "Kcell", null, 240, "ANSWERED", null);     // 4 min
        call(LocalDateTime.of(1987, 4, 2, 10, 0), "+77011230004", "Kcell", null, 3000, "ANSWERED", null);     // after AS_OF
        projectId = projects.save(project(new BigDecimal("1000"))).id();
    }

    private GrantProject project(BigDecimal budget) {
        return new GrantProject(projectId, "Forecast IT", "Гранталушы", null, null, new BigDecimal("5000"), FROM, TO,
                List.of(), List.of(), budget);
    }

    @Test
    void a_budget_that_lasts_the_project_at_ten_tenge_a_day() {
        var f = forecasts.forecast(projectId, AS_OF);

        assertThat(f.total()).isEqualTo(new BudgetForecasts.Share(6, 4));
        assertThat(f.minutes()).isEqualTo(20);
        assertThat(f.wrongNumberMinutes()).isEqualTo(6);
        assertThat(f.spent()).isEqualByComparingTo("300");
        assertThat(f.wrongNumberSpent()).isEqualByComparingTo("90");
        assertThat(f.dailyRate()).isEqualByComparingTo("10");
        assertThat(f.left()).isEqualByComparingTo("700");
        assertThat(f.runsOutOn()).as("700 ₸ at 10 ₸ a day").isEqualTo(AS_OF.plusDays(70));
        assertThat(f.lastsThePeriod()).isTrue();
        assertThat(f.filtered()).isEqualTo(1);
        assertThat(f.minutesSaved()).as("earlier calls took (1 + 3) / 2, the filtered one 1").isEqualTo(1);
        assertThat(f.moneySaved()).isEqualByComparingTo("15");
        assertThat(f.byHour()).containsEntry(10, new BudgetForecasts.Share(4, 3))
                .containsEntry(11, new BudgetForecasts.Share(1, 0)).containsEntry(22, new BudgetForecasts.Share(1, 1))
                .hasSize(3);
        assertThat(f.byOperator()).containsExactly(Map.entry("Kcell", new BudgetForecasts.Share(4, 3)),
                Map.entry("Beeline", new BudgetForecasts.Share(1, 1)), Map.entry("LANDLINE", new BudgetForecasts.Share(1, 0)));
        assertThat(f.byRegion()).containsEntry("MOBILE", new BudgetForecasts.Share(5, 4))
                .containsEntry("Astana", new BudgetForecasts.Share(1, 0));
        assertThat(f.byDay()).containsEntry(LocalDate.of(1987, 3, 2), new BudgetForecasts.Share(3, 2)).hasSize(4);
        assertThat(f.topNumbers()).first().satisfies(t -> {
            assertThat(t.number()).isNotEqualTo(KNOWN).endsWith("01");
            assertThat(t.calls()).isEqualTo(3);
            assertThat(t.minutes()).isEqualTo(5);
        });
        assertThat(f.spending()).hasSize(30).first().satisfies(p -> assertThat(p.spent()).isEqualByComparingTo("0"));
        assertThat(f.spending().get(1).spent()).as("2 March: 14 minutes").isEqualByComparingTo("210");
        assertThat(f.spending().getLast().spent()).isEqualByComparingTo("300");
        assertThat(f.projection()).first().satisfies(p -> assertThat(p.day()).isEqualTo(AS_OF));
        assertThat(f.projection().getLast()).satisfies(p -> {
            assertThat(p.day()).isEqualTo(TO);
            assertThat(p.spent()).as("300 + 62 days × 10").isEqualByComparingTo("920");
        });
    }

    @Test
    void a_smaller_budget_runs_out_before_the_end_and_a_spent_one_says_the_day_it_was_spent() {
        projects.save(project(new BigDecimal("800")));
        var early = forecasts.forecast(projectId, AS_OF);
        assertThat(early.runsOutOn()).as("500 ₸ left at 10 ₸ a day").isEqualTo(LocalDate.of(1987, 5, 19));
        assertThat(early.lastsThePeriod()).isFalse();

        projects.save(project(new BigDecimal("250")));
        var spent = forecasts.forecast(projectId, AS_OF);
        assertThat(spent.left()).isEqualByComparingTo("-50");
        assertThat(spent.runsOutOn()).as("the cumulative 300 ₸ passed 250 ₸ on 25 March").isEqualTo(LocalDate.of(1987, 3, 25));
        assertThat(spent.lastsThePeriod()).isFalse();

        projects.save(project(null));
        var none = forecasts.forecast(projectId, AS_OF);
        assertThat(none.runsOutOn()).isNull();
        assertThat(none.lastsThePeriod()).isTrue();
        assertThat(none.spent()).isEqualByComparingTo("300");
    }

    @Test
    void the_day_moves_into_the_project_and_a_later_day_counts_the_later_call() {
        assertThat(forecasts.forecast(projectId, LocalDate.of(1986, 1, 1)).asOf()).isEqualTo(FROM);
        var end = forecasts.forecast(projectId, LocalDate.of(1999, 1, 1));
        assertThat(end.asOf()).isEqualTo(TO);
        assertThat(end.minutes()).as("and the 50 minutes of 2 April").isEqualTo(70);
        assertThat(end.dailyRate()).as("the last 30 days (2 – 31 May) had no calls").isEqualByComparingTo("0");
        assertThat(end.runsOutOn()).as("1050 ₸ by 2 April, over the budget").isEqualTo(LocalDate.of(1987, 4, 2));
        projects.save(project(new BigDecimal("5000")));
        assertThat(forecasts.forecast(projectId, LocalDate.of(1999, 1, 1)).runsOutOn()).as("no spending lately")
                .isNull();
    }

    @Test
    void the_interim_report_carries_the_budget_figures_of_its_period_end() {
        var report = reports.report(projectId, FROM, AS_OF);
        assertThat(report.budget()).isNotNull().satisfies(b -> {
            assertThat(b.asOf()).isEqualTo(AS_OF);
            assertThat(b.budget()).isEqualByComparingTo("1000");
            assertThat(b.spent()).isEqualByComparingTo("300");
            assertThat(b.runsOutOn()).isEqualTo(AS_OF.plusDays(70));
            assertThat(b.filtered()).isEqualTo(1);
            assertThat(b.minutesSaved()).isEqualTo(1);
        });
    }

    @Test
    void rules_and_access() {
        assertThat(GrantProjectRules.problems(project(new BigDecimal("6000"))))
                .containsEntry("communicationBudget", "above-grant-sum");
        assertThat(GrantProjectRules.problems(project(new BigDecimal("-1")))).containsEntry("communicationBudget", "negative");
        assertThatThrownBy(() -> forecasts.forecast(Long.MAX_VALUE, AS_OF)).isInstanceOf(InvalidReport.class);
        ReportIT.as("OPERATOR");
        assertThatThrownBy(() -> forecasts.forecast(projectId, AS_OF)).isInstanceOf(AccessDeniedException.class);
    }
}
