package kz.hotline114.ui.reports;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import kz.hotline114.reports.GrantProjects;
import kz.hotline114.ui.KaribuIT;

/** A supervisor reads the communication budget's forecast of a project with a known answer (see {@link BudgetData}). */
class BudgetForecastViewIT extends KaribuIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GrantProjects projects;

    @Test
    void a_supervisor_sees_spending_the_run_out_day_and_the_wrong_numbers_masked() {
        long id = BudgetData.load(jdbc, projects);
        signIn("budget-super", "SUPERVISOR");
        UI.getCurrent().navigate(BudgetForecastView.class, com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("project", String.valueOf(id), "asOf", BudgetData.AS_OF.toString())));
        var view = _get(BudgetForecastView.class);

        assertThat(view.project.getValue().id()).isEqualTo(id);
        assertThat(view.asOf.getValue()).isEqualTo(BudgetData.AS_OF);
        assertThat(view.verdict.getText()).isEqualTo(
                "Қазіргі қарқынмен смета 21.04.1988 таусылады — жоба соңынан (31.12.1988) 254 күн бұрын.");
        assertThat(figure(view, "budget-fig-spent")).isEqualTo("90 ₸");
        assertThat(figure(view, "budget-fig-wrong-spent")).isEqualTo("15 ₸");
        assertThat(figure(view, "budget-fig-left")).isEqualTo("910 ₸");
        assertThat(figure(view, "budget-fig-rate")).isEqualTo("9 ₸");
        assertThat(figure(view, "budget-fig-runs-out")).isEqualTo("21.04.1988");
        assertThat(figure(view, "budget-fig-share")).isEqualTo("50.0 % (1 / 2)");
        assertThat(view.top.getListDataView().getItems()).singleElement().satisfies(t -> {
            assertThat(t.number()).as("masked").isNotEqualTo("+77011880001").endsWith("01");
            assertThat(t.calls()).isEqualTo(1);
        });
        assertThat(view.byOperator.getListDataView().getItems()).extracting(BudgetForecastView.Row::name)
                .containsExactly("Beeline", "Kcell");
        assertThat(view.spendingChart.getChildren()).hasSize(1);
        assertThat(view.hourChart.getChildren()).hasSize(1);

        view.asOf.setValue(LocalDate.of(1988, 1, 2));
        assertThat(figure(view, "budget-fig-spent")).as("as of 2 January: one minute").isEqualTo("15 ₸");
    }

    @Test
    void a_reporter_opens_it_and_a_project_without_a_budget_says_where_to_give_one() {
        BudgetData.load(jdbc, projects);
        signIn("budget-reporter", "REPORTER");
        UI.getCurrent().navigate(BudgetForecastView.class);
        var view = _get(BudgetForecastView.class);
        assertThat(view.project.getValue()).as("the first project, chosen").isNotNull();
        view.project.clear();
        assertThat(view.verdict.getText()).isEqualTo("Жобаны таңдаңыз.");
        assertThat(view.figures.getChildren()).isEmpty();
        view.project.getListDataView().getItems().filter(p -> p.communicationBudget() == null).findFirst()
                .ifPresent(p -> {
                    view.project.setValue(p);
                    assertThat(view.verdict.getText()).startsWith("Жобада байланыс сметасы көрсетілмеген");
                });
    }

    private static String figure(BudgetForecastView view, String id) {
        return view.figures.getChildren().flatMap(c -> c.getChildren()).filter(c -> id.equals(c.getId().orElse(null)))
                .map(c -> ((Span) c).getText().replace('\u00a0', ' ')).findFirst().orElseThrow();
    }
}
