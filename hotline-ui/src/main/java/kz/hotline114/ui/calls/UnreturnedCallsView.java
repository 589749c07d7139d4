package kz.hotline114.ui.calls;

import java.time.Clock;
import java.time.LocalDate;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallLog;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * Callers nobody has got back to: who waited for a specialist today (or on the day chosen), hung up or was not
 * answered, did not get through later and has no callback — each with "schedule a callback". A row leaves the list
 * once a callback is planned or the caller gets through.
 */
@Route("calls/unreturned")
@Menu(title = "unreturned.title", order = 35, icon = "vaadin:phone-landline")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
public class UnreturnedCallsView extends VerticalLayout implements HasDynamicTitle {

    private final CallLog calls;
    private final Callbacks callbacks;
    private final HotlineProperties props;
    private final Clock clock;
    private final HotlineI18n i18n;
    final DateField day = new DateField();
    final Grid<Call> grid = new Grid<>();
    final Span total = new Span();

    UnreturnedCallsView(CallLog calls, Callbacks callbacks, HotlineProperties props, Clock clock, HotlineI18n i18n) {
        this.calls = calls;
        this.callbacks = callbacks;
        this.props = props;
        this.clock = clock;
        this.i18n = i18n;
        setSizeFull();
        day.setLabel(getTranslation("unreturned.day"));
        day.setValue(LocalDate.now(clock.withZone(props.zone())));
        day.addValueChangeListener(e -> refresh());
        var refresh = new Button(getTranslation("unreturned.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        var toolbar = new HorizontalLayout(day, refresh, total);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("unreturned");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> Formats.DATE_TIME.format(c.startedAt().atZone(props.zone())))
                .setHeader(getTranslation("calls.col.started")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Formats.caller(this, c)).setHeader(getTranslation("calls.col.caller")).setAutoWidth(true);
        grid.addColumn(c -> String.join(", ", c.queues().stream().map(q -> i18n.getOr("queue." + q, getLocale(), q))
                .toList())).setHeader(getTranslation("calls.col.route")).setFlexGrow(1);
        grid.addColumn(c -> c.waitSeconds() == null ? "" : c.waitSeconds().toString())
                .setHeader(getTranslation("calls.col.wait")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> getTranslation("outcome." + c.outcome().name())).setHeader(getTranslation("calls.col.outcome"))
                .setAutoWidth(true);
        grid.addComponentColumn(c -> {
            var schedule = new Button(getTranslation("desk.pop.callback"), VaadinIcon.PHONE.create(),
                    e -> new CallbackDialog(callbacks, props, clock, c.key(), this::refresh).open());
            schedule.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            schedule.setId("unreturned-callback-" + c.linkedid());
            return schedule;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("unreturned.none"));
        grid.setSizeFull();
        add(new H2(getTranslation("unreturned.title")), new Span(getTranslation("unreturned.help")), toolbar, grid);
        setFlexGrow(1, grid);
    }

    void refresh() {
        var d = day.getValue() == null ? LocalDate.now(clock.withZone(props.zone())) : day.getValue();
        var items = calls.unreturned(d.atStartOfDay(props.zone()).toInstant(),
                d.plusDays(1).atStartOfDay(props.zone()).toInstant());
        grid.setItems(items);
        total.setText(getTranslation("unreturned.total", items.size()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unreturned.title") + " · " + getTranslation("app.title");
    }
}
