package kz.hotline114.ui.centre;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.InvalidTransition;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * The reception desk's day: the centre's appointments of one day with attended / no-show / cancel, a walk-in
 * booking, and who to remind (booked clients who agreed to a callback, next two days).
 */
@Route("centre/day")
@Menu(title = "nav.centre.day", order = 70, icon = "vaadin:clipboard-user")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class ReceptionDayView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter HOUR = Formats.TIME;
    private static final DateTimeFormatter WHEN = Formats.DAY_MONTH_TIME;

    private final ExpertPool pool;
    private final Appointments appointments;
    private final HotlineProperties props;
    final ComboBox<Centre> centre = new ComboBox<>();
    final DatePicker day = new DateField();
    final Grid<Appointment> grid = new Grid<>();
    final Grid<Appointment> reminders = new Grid<>();

    private final Clock clock;

    ReceptionDayView(ExpertPool pool, Appointments appointments, HotlineProperties props, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.appointments = appointments;
        this.props = props;
        setSizeFull();
        var zone = props.zone();

        centre.setLabel(getTranslation("centre.centre"));
        centre.setItems(pool.centres());
        centre.setItemLabelGenerator(c -> c.city() + " · " + c.address());
        centre.setWidth("22em");
        pool.centres().stream().findFirst().ifPresent(centre::setValue);
        day.setLabel(getTranslation("day.date"));
        day.setValue(LocalDate.now(clock));
        var walkIn = new Button(getTranslation("day.walkIn"), VaadinIcon.PLUS.create(), e -> walkIn());
        walkIn.setId("walk-in");
        walkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        centre.addValueChangeListener(e -> refresh());
        day.addValueChangeListener(e -> refresh());
        var toolbar = new HorizontalLayout(centre, day, walkIn);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("day-appointments");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(a -> HOUR.format(a.start().atZone(zone)) + "–" + HOUR.format(a.end().atZone(zone)))
                .setHeader(getTranslation("day.col.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Appointment::expertName).setHeader(getTranslation("day.col.expert")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("appointmentType." + a.type().name()))
                .setHeader(getTranslation("day.col.type")).setAutoWidth(true);
        grid.addColumn(a -> a.roomName() == null ? "" : a.roomName()).setHeader(getTranslation("centre.room"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.clientLabel() == null ? "" : a.clientLabel()).setHeader(getTranslation("day.col.client"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.caseNumber() == null ? getTranslation("day.walkInClient") : a.caseNumber())
                .setHeader(getTranslation("day.col.case")).setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("day.col.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("day.col.actions")).setAutoWidth(true)
                .setKey("actions");
        grid.setSizeFull();

        reminders.setId("day-reminders");
        reminders.addThemeVariants(GridVariant.LUMO_COMPACT);
        reminders.addColumn(a -> WHEN.format(a.start().atZone(zone))).setHeader(getTranslation("day.col.time"))
                .setAutoWidth(true).setFlexGrow(0);
        reminders.addColumn(Appointment::expertName).setHeader(getTranslation("day.col.expert")).setAutoWidth(true);
        reminders.addColumn(a -> a.clientLabel() == null ? "" : a.clientLabel())
                .setHeader(getTranslation("day.col.client")).setAutoWidth(true);
        reminders.addColumn(a -> a.clientContact() == null ? "" : a.clientContact())
                .setHeader(getTranslation("day.col.contact")).setAutoWidth(true);
        reminders.setAllRowsVisible(true);

        add(toolbar, grid, new H3(getTranslation("day.reminders")), reminders);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        var c = centre.getValue();
        var d = day.getValue();
        grid.setItems(c == null || d == null ? List.of() : appointments.day(c.id(), d));
        var now = clock.instant();
        reminders.setItems(appointments.toRemind(now, now.plus(Duration.ofDays(2))));
    }

    private Span status(Appointment a) {
        var s = new Span(getTranslation("appointmentStatus." + a.status().name())
                + (a.cancelReason() == null ? "" : ": " + a.cancelReason()));
        s.addClassNames("appt", "appt-" + a.status().name());
        return s;
    }

    private Component actions(Appointment a) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        if (a.status() != AppointmentStatus.BOOKED) {
            return row;
        }
        var attended = new Button(getTranslation("day.attended"), e -> mark(a, () -> appointments.markAttended(a.id())));
        attended.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_TERTIARY);
        attended.setId("attended-" + a.id());
        var noShow = new Button(getTranslation("day.noShow"), e -> mark(a, () -> appointments.markNoShow(a.id())));
        noShow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        noShow.setId("no-show-" + a.id());
        var cancel = new Button(getTranslation("day.cancel"), e -> cancel(a));
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.setId("cancel-" + a.id());
        row.add(attended, noShow, cancel);
        return row;
    }

    /**
     * Attended / no-show: one click, as at a busy reception desk, and a notice that says what was marked for whom
     * with "Қайтару" (undo) for a click on the wrong row — no confirmation dialog in the way.
     */
    private void mark(Appointment a, Supplier<Appointment> action) {
        Appointment marked;
        try {
            marked = action.get();
        } catch (InvalidTransition e) {
            Notification.show(getTranslation("day.alreadyChanged")).addThemeVariants(NotificationVariant.LUMO_WARNING);
            refresh();
            return;
        }
        refresh();
        var notice = new Notification();
        notice.setDuration(10_000);
        notice.setPosition(Notification.Position.BOTTOM_START);
        var text = new Span(getTranslation("day.marked", getTranslation("appointmentStatus." + marked.status().name()),
                HOUR.format(marked.start().atZone(props.zone())), marked.clientLabel() == null ? "" : marked.clientLabel()));
        var undo = new Button(getTranslation("day.undo"), e -> {
            notice.close();
            change(() -> appointments.undoOutcome(a.id()));
        });
        undo.setId("undo-" + a.id());
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        notice.add(new HorizontalLayout(text, undo));
        notice.open();
    }

    private void change(Runnable action) {
        try {
            action.run();
        } catch (InvalidTransition e) {
            Notification.show(getTranslation("day.alreadyChanged")).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
    }

    /** A cancellation needs a reason: a small dialog, validated next to the field. */
    private void cancel(Appointment a) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("day.cancel.title"));
        var reason = new TextArea(getTranslation("day.cancel.reason"));
        reason.setId("cancel-reason");
        reason.setWidthFull();
        var binder = new Binder<StringBuilder>();
        binder.forField(reason).asRequired(getTranslation("day.cancel.reason.required"))
                .bind(sb -> sb.toString(), (sb, v) -> sb.replace(0, sb.length(), v));
        var confirm = new Button(getTranslation("day.cancel.confirm"), e -> {
            var sb = new StringBuilder();
            if (binder.writeBeanIfValid(sb)) {
                change(() -> appointments.cancel(a.id(), sb.toString()));
                dialog.close();
            }
        });
        confirm.setId("cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("booking.close"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void walkIn() {
        var zone = props.zone();
        var now = LocalTime.now(clock).withSecond(0).withNano(0);
        var start = now.withMinute(now.getMinute() - now.getMinute() % 15);
        var d = day.getValue() == null ? LocalDate.now(clock) : day.getValue();
        var form = new BookingDialog.Form(null, centre.getValue(), AppointmentType.IN_PERSON, d, start,
                start.plusHours(1));
        new BookingDialog(pool, appointments, zone, clock, form, a -> refresh()).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.centre.day") + " · " + getTranslation("app.title");
    }
}
