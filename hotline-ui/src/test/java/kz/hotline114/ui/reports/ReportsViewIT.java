package kz.hotline114.ui.reports;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.ui.KaribuIT;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;

/** The report screen refuses a period it cannot report on with the reason next to the date, not an error page. */
class ReportsViewIT extends KaribuIT {

    @Test
    void a_period_longer_than_three_years_is_refused_next_to_its_end() {
        signIn("rv-reporter", "REPORTER");
        UI.getCurrent().navigate(ReportsView.class);
        var view = _get(ReportsView.class);
        var seed = view.project.getListDataView().getItems().filter(p -> p.id() == 1).findFirst().orElseThrow();
        view.project.setValue(seed);
        assertThat(view.narratives).isNotEmpty();
        // the agreement's reporting periods: the first is chosen, the final one sets both dates
        assertThat(view.period.getListDataView().getItems().map(GrantProject.ReportingPeriod::label))
                .containsExactly("1 аралық есеп", "Қорытынды есеп");
        assertThat(view.to.getValue()).isEqualTo(LocalDate.of(2019, 8, 29));
        // the quality monitoring's report of the same period sits with the interim report's downloads
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withId("report-monitoring-docx")).getText()).isEqualTo("Сапа мониторингінің есебі (DOCX жүктеу)");
        var last = view.period.getListDataView().getItems().toList().getLast();
        HasValueUtilsKt._setValue(view.period, last);
        assertThat(view.to.getValue()).isEqualTo(LocalDate.of(2019, 11, 30));

        view.from.setValue(LocalDate.of(2014, 1, 1));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("Кезең тым ұзақ: ең көбі 3 жыл");
        assertThat(view.status.getText()).isEqualTo("Кезең тым ұзақ: ең көбі 3 жыл");
        assertThat(view.narratives).isEmpty();

        view.from.setValue(LocalDate.of(2019, 5, 31));
        assertThat(view.to.isInvalid()).isFalse();
        assertThat(view.narratives).isNotEmpty();
    }
}
