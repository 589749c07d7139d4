package kz.hotline114.ui.reports;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.Statistic;
import kz.hotline114.ui.KaribuIT;

/**
 * The grant-projects screen: a reporter builds a project with a task, an activity and two indicators (one from
 * a figure, one by hand with evidence) through the dialogs, sees errors next to the fields, saves it, and the
 * interim report's screen then offers it; supervisors only read.
 */
class GrantProjectsViewIT extends KaribuIT {

    @Autowired
    GrantProjects projects;

    @Test
    @SuppressWarnings("unchecked")
    void a_reporter_builds_a_project_tree_and_saves_it() {
        signIn("gp-reporter", "REPORTER");
        UI.getCurrent().navigate(GrantProjectsView.class);
        var view = _get(GrantProjectsView.class);
        // the seed 004 project is there from the start, with its three tasks
        var seed = view.choose.getListDataView().getItems().filter(p -> p.id() == 1).findFirst().orElseThrow();
        assertThat(seed.grantee()).isEqualTo("«Ізгілікті істер» қоғамдық қоры");
        view.choose.setValue(seed);
        assertThat(view.tasks).hasSize(3);
        assertThat(view.grantee.getValue()).isEqualTo("«Ізгілікті істер» қоғамдық қоры");

        _click(_get(Button.class, spec -> spec.withId("projects-new")));
        assertThat(view.tasks).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("project-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("project-name")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("project-name")).getErrorMessage()).isEqualTo("Толтыру қажет");
        assertThat(_get(DatePicker.class, spec -> spec.withId("project-from")).isInvalid()).isTrue();

        _get(TextField.class, spec -> spec.withId("project-name")).setValue("Жастарға арналған 114 желісі");
        _get(TextField.class, spec -> spec.withId("project-grantee")).setValue("«Сенім» қоғамдық бірлестігі");
        _get(TextField.class, spec -> spec.withId("project-agreement-no")).setValue("№ 27-2026");
        _get(BigDecimalField.class, spec -> spec.withId("project-grant-sum")).setValue(new BigDecimal("9800000"));
        var budget = _get(BigDecimalField.class, spec -> spec.withId("project-communication-budget"));
        budget.setValue(new BigDecimal("99000000"));
        assertThat(budget.isInvalid()).as("a part of the grant, not more").isTrue();
        assertThat(budget.getErrorMessage()).isEqualTo("Грант сомасынан аспайды");
        budget.setValue(new BigDecimal("1200000"));
        assertThat(budget.isInvalid()).isFalse();
        _get(DatePicker.class, spec -> spec.withId("project-from")).setValue(LocalDate.of(2026, 3, 1));
        _get(DatePicker.class, spec -> spec.withId("project-to")).setValue(LocalDate.of(2026, 11, 30));
        _click(_get(Button.class, spec -> spec.withId("project-period-add")));
        _get(TextField.class, spec -> spec.withId("project-period-label-1")).setValue("1 аралық есеп");

        // a task through its dialog: an empty title is refused next to the field
        _click(_get(Button.class, spec -> spec.withId("project-add-task")));
        assertThat(_get(IntegerField.class, spec -> spec.withId("node-number")).getValue()).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("node-ready")));
        assertThat(_get(TextArea.class, spec -> spec.withId("node-title")).isInvalid()).isTrue();
        _get(TextArea.class, spec -> spec.withId("node-title")).setValue("Жастарға діни сауаттылық бойынша кеңес беру");
        _click(_get(Button.class, spec -> spec.withId("node-ready")));
        assertThat(view.tasks).hasSize(1);

        // an activity of the selected task
        _click(_get(Button.class, spec -> spec.withId("project-add-activity")));
        _get(TextArea.class, spec -> spec.withId("node-title")).setValue("114 желісінің жұмысы");
        _get(TextArea.class, spec -> spec.withId("node-title-ru")).setValue("Работа линии 114");
        _click(_get(Button.class, spec -> spec.withId("node-ready")));

        // an indicator from a figure, then one by hand
        _click(_get(Button.class, spec -> spec.withId("project-add-indicator")));
        _get(TextArea.class, spec -> spec.withId("node-title")).setValue("Қабылданған қоңыраулар");
        _get(TextField.class, spec -> spec.withId("node-unit")).setValue("қоңырау");
        _get(TextArea.class, spec -> spec.withId("node-title-ru")).setValue("Принятые звонки");
        _get(TextField.class, spec -> spec.withId("node-unit-ru")).setValue("звонок");
        _get(BigDecimalField.class, spec -> spec.withId("node-planned")).setValue(new BigDecimal("-5"));
        ((Select<Statistic>) _get(Select.class, spec -> spec.withId("node-metric"))).setValue(Statistic.CALLS_TOTAL);
        _click(_get(Button.class, spec -> spec.withId("node-ready")));
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("node-planned")).isInvalid()).isTrue();
        _get(BigDecimalField.class, spec -> spec.withId("node-planned")).setValue(new BigDecimal("2000"));
        _click(_get(Button.class, spec -> spec.withId("node-ready")));

        view.tree.select(view.tasks.getFirst().children.getFirst());
        _click(_get(Button.class, spec -> spec.withId("project-add-indicator")));
        _get(TextArea.class, spec -> spec.withId("node-title")).setValue("Өңірлерге мониторинг сапарлары");
        _get(TextField.class, spec -> spec.withId("node-unit")).setValue("сапар");
        _get(BigDecimalField.class, spec -> spec.withId("node-planned")).setValue(new BigDecimal("4"));
        _get(BigDecimalField.class, spec -> spec.withId("node-manual")).setValue(new BigDecimal("3"));
        _get(TextArea.class, spec -> spec.withId("node-evidence")).setValue("Іссапар бұйрықтары № 12, 15, 19");
        _click(_get(Button.class, spec -> spec.withId("node-ready")));
        assertThat(view.tasks.getFirst().children.getFirst().children).extracting(GrantProjectsView.Node::key)
                .containsExactly("1.1.1", "1.1.2");

        _click(_get(Button.class, spec -> spec.withId("project-save")));
        var stored = projects.list().stream().filter(p -> p.name().equals("Жастарға арналған 114 желісі"))
                .findFirst().orElseThrow();
        assertThat(stored.grantSum()).isEqualByComparingTo("9800000");
        assertThat(stored.communicationBudget()).isEqualByComparingTo("1200000");
        assertThat(stored.periods()).containsExactly(new GrantProject.ReportingPeriod("1 аралық есеп",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 30)));
        var activity = stored.tasks().getFirst().activities().getFirst();
        assertThat(activity.number()).isEqualTo(1);
        assertThat(activity.titleRu()).as("the Russian report's names are kept").isEqualTo("Работа линии 114");
        assertThat(activity.indicators().getFirst().nameRu()).isEqualTo("Принятые звонки");
        assertThat(activity.indicators().getFirst().unitRu()).isEqualTo("звонок");
        assertThat(activity.indicators().get(1).nameRu()).as("none given: none stored").isNull();
        assertThat(activity.indicators()).hasSize(2);
        assertThat(activity.indicators().getFirst().metric()).isEqualTo(Statistic.CALLS_TOTAL);
        assertThat(activity.indicators().getFirst().planned()).isEqualByComparingTo("2000");
        assertThat(activity.indicators().get(1).metric()).isNull();
        assertThat(activity.indicators().get(1).manualActual()).isEqualByComparingTo("3");
        assertThat(activity.indicators().get(1).evidence()).isEqualTo("Іссапар бұйрықтары № 12, 15, 19");
        assertThat(view.choose.getValue().id()).isEqualTo(stored.id());

        // removing the hand-entered indicator and saving again replaces the tree
        view.tree.select(view.tasks.getFirst().children.getFirst().children.get(1));
        _click(_get(Button.class, spec -> spec.withId("project-remove")));
        _click(_get(Button.class, spec -> spec.withId("project-save")));
        assertThat(projects.get(stored.id()).orElseThrow().tasks().getFirst().activities().getFirst().indicators())
                .hasSize(1);

        // the report screen offers the new project
        UI.getCurrent().navigate(ReportsView.class);
        var reports = _get(ReportsView.class);
        assertThat(reports.project.getListDataView().getItems().map(GrantProject::name))
                .contains("Жастарға арналған 114 желісі");
    }

    @Test
    void a_supervisor_reads_projects_but_cannot_change_them() {
        signIn("gp-supervisor", "SUPERVISOR");
        UI.getCurrent().navigate(GrantProjectsView.class);
        assertThat(_get(GrantProjectsView.class).tasks).isNotEmpty();
        // _find skips invisible components: no save button a supervisor could press
        assertThat(_find(Button.class, spec -> spec.withId("project-save"))).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("project-name")).isReadOnly()).isTrue();
    }
}
