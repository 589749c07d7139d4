package kz.hotline114.ui.centre;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.AppointmentStatistics;
import kz.hotline114.appointments.CentreCounts;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;

/** The centre's figures for a period, as the report takes them: counts only, so reporters may see them. */
@Route("centre/figures")
@Menu(title = "nav.centre.figures", order = 110, icon = "vaadin:bar-chart")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
public class CentreFiguresView extends VerticalLayout implements HasDynamicTitle {

    private final AppointmentStatistics statistics;
    final DatePicker from = new DateField();
    final DatePicker to = new DateField();
    final Div figures = new Div();

    private final Clock clock;

    CentreFiguresView(AppointmentStatistics statistics, HotlineProperties props, Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        var today = LocalDate.now(clock);
        from.setLabel(getTranslation("calls.filter.from"));
        from.setValue(today.withDayOfMonth(1));
        to.setLabel(getTranslation("calls.filter.to"));
        to.setValue(today.withDayOfMonth(today.lengthOfMonth()));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        var toolbar = new HorizontalLayout(from, to);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        figures.setId("centre-figures");
        var note = new Span(getTranslation("figures.definition"));
        note.addClassName("muted");
        add(toolbar, note, figures);
        refresh();
    }

    void refresh() {
        figures.removeAll();
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            return;
        }
        CentreCounts c = statistics.counts(from.getValue(), to.getValue());
        figures.add(row(figure("figures.appointments", c.appointments()), figure("figures.consultations",
                c.consultationsHeld()), figure("figures.events", c.events()), figure("figures.participants",
                c.participants())));
        figures.add(new H3(getTranslation("figures.byType")), row(c.byType(), "appointmentType."));
        figures.add(new H3(getTranslation("figures.byStatus")), row(c.byStatus(), "appointmentStatus."));
        figures.add(new H3(getTranslation("figures.byKind")), row(c.consultationsByKind(), "expertKind."));
        figures.add(new H3(getTranslation("events.byGender")), row(c.participantsByGender(), "gender."));
        figures.add(new H3(getTranslation("events.byAge")), row(c.participantsByAge(), "age."));
        figures.add(new H3(getTranslation("events.bySocial")), row(c.participantsBySocialStatus(), "social."));
    }

    private HorizontalLayout row(Map<? extends Enum<?>, Long> counts, String prefix) {
        var row = new HorizontalLayout();
        row.setWrap(true);
        counts.forEach((k, v) -> row.add(figureText(getTranslation(prefix + k.name()), v)));
        if (counts.isEmpty()) {
            row.add(new Span(getTranslation("detail.none")));
        }
        return row;
    }

    private static HorizontalLayout row(Div... figures) {
        var row = new HorizontalLayout(figures);
        row.setWrap(true);
        return row;
    }

    private Div figure(String key, long value) {
        return figureText(getTranslation(key), value);
    }

    private static Div figureText(String label, long value) {
        var v = new Span(String.valueOf(value));
        v.addClassName("figure-value");
        var l = new Span(label);
        l.addClassName("muted");
        var d = new Div(v, l);
        d.addClassName("figure");
        return d;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.centre.figures") + " · " + getTranslation("app.title");
    }
}
