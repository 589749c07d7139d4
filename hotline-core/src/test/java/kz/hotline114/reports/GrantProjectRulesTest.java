package kz.hotline114.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.hotline114.reports.GrantProject.Activity;
import kz.hotline114.reports.GrantProject.Indicator;
import kz.hotline114.reports.GrantProject.ReportingPeriod;
import kz.hotline114.reports.GrantProject.Task;

/** The rules a grant project is stored by, which the projects screen also checks field by field as it is typed. */
class GrantProjectRulesTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 30);

    @Test
    void a_whole_project_is_good_and_every_problem_is_named_by_its_field() {
        var good = project("Жоба", MARCH, NOVEMBER, new BigDecimal("-1"), List.of(
                new Task(0, 1, "Кеңес беру", List.of(new Activity(0, 1, "114 желісі", List.of(
                        new Indicator(0, "Қоңыраулар", "қоңырау", new BigDecimal("2000"), Statistic.CALLS_TOTAL, null,
                                null)))))));
        assertThat(GrantProjectRules.problems(good)).containsOnlyKeys("grantSum");

        var bad = project(" ", NOVEMBER, MARCH, null, List.of(
                new Task(0, 1, "Бір", List.of(new Activity(0, 2, "", List.of(
                        new Indicator(0, "", " ", new BigDecimal("-5"), null, new BigDecimal("-3"), null))))),
                new Task(0, 1, "Екі", List.of())));
        assertThat(GrantProjectRules.problems(bad)).containsExactly(
                entry("name", "required"), entry("period", "to-before-from"),
                entry("task.1.2.title", "required"), entry("task.1.2.1.name", "required"),
                entry("task.1.2.1.unit", "required"), entry("task.1.2.1.planned", "required-not-negative"),
                entry("task.1.2.1.manualActual", "negative"), entry("task.1.number", "duplicate-or-invalid"),
                entry("periods", "invalid"));
    }

    @Test
    void field_rules_answer_null_when_good() {
        assertThat(GrantProjectRules.number(3, List.of(1, 2))).isNull();
        assertThat(GrantProjectRules.number(2, List.of(1, 2))).isEqualTo("duplicate-or-invalid");
        assertThat(GrantProjectRules.number(0, List.of())).isEqualTo("duplicate-or-invalid");
        assertThat(GrantProjectRules.number(null, List.of())).isEqualTo("duplicate-or-invalid");
        assertThat(GrantProjectRules.period(MARCH, MARCH)).isNull();
        assertThat(GrantProjectRules.period(null, MARCH)).isEqualTo("required");
        assertThat(GrantProjectRules.planned(BigDecimal.ZERO)).isNull();
        assertThat(GrantProjectRules.metric(Statistic.CALLS_TOTAL)).isNull();
    }

    private static GrantProject project(String name, LocalDate from, LocalDate to, BigDecimal sum, List<Task> tasks) {
        return new GrantProject(0, name, "Қор", null, null, sum, from, to, tasks,
                List.of(new ReportingPeriod("1 аралық есеп", from, to)));
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return Map.entry(k, v);
    }
}
