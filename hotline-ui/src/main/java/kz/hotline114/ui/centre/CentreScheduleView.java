package kz.hotline114.ui.centre;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.Closure;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.InvalidSchedule;
import kz.hotline114.appointments.ReceptionDay;
import kz.hotline114.appointments.ReceptionSchedule;
import kz.hotline114.appointments.WeeklyHours;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.FieldErrors;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.NumberFields;

/** The reception schedule: weekly hours, public and mobile reception days, holidays and cancellations. */
@Route("centre/schedule")
@Menu(title = "nav.centre.schedule", order = 80, icon = "vaadin:calendar-clock")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class CentreScheduleView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = Formats.DATE;

    private final ReceptionSchedule schedule;
    private final HotlineProperties props;
    private final Map<Long, String> expertNames;
    private final List<Expert> experts;
    private final List<Centre> centres;
    private final Grid<WeeklyHours> hours = new Grid<>();
    private final Grid<ReceptionDay> days = new Grid<>();
    private final Grid<Closure> closures = new Grid<>();

    private final Clock clock;

    CentreScheduleView(ExpertPool pool, ReceptionSchedule schedule, HotlineProperties props, Clock clock) {
        this.clock = clock;
        this.schedule = schedule;
        this.props = props;
        this.experts = pool.experts().stream().filter(Expert::active).toList();
        this.centres = pool.centres();
        this.expertNames = pool.experts().stream().collect(Collectors.toMap(Expert::id, Expert::fullName));
        setWidthFull();

        hours.addThemeVariants(GridVariant.LUMO_COMPACT);
        hours.addColumn(h -> getTranslation("weekday." + h.weekday().name())).setHeader(getTranslation("schedule.weekday"))
                .setAutoWidth(true);
        hours.addColumn(h -> h.starts() + "–" + h.starts().plus(h.length())).setHeader(getTranslation("schedule.hours"))
                .setAutoWidth(true);
        hours.addColumn(h -> h.slotLength().toMinutes()).setHeader(getTranslation("schedule.slot")).setAutoWidth(true);
        hours.addColumn(h -> expertNames.getOrDefault(h.expertId(), "")).setHeader(getTranslation("centre.expert"));
        hours.addColumn(h -> DATE.format(h.validFrom()) + (h.validTo() == null ? "" : " – " + DATE.format(h.validTo())))
                .setHeader(getTranslation("schedule.valid")).setAutoWidth(true);
        hours.addComponentColumn(h -> remove(() -> schedule.removeWeeklyHours(h.id()))).setFlexGrow(0);
        hours.setAllRowsVisible(true);

        days.addThemeVariants(GridVariant.LUMO_COMPACT);
        days.addColumn(d -> DATE.format(d.day()) + " " + d.starts() + "–" + d.starts().plus(d.length()))
                .setHeader(getTranslation("schedule.when")).setAutoWidth(true);
        days.addColumn(d -> getTranslation("appointmentType." + d.kind().name())).setHeader(getTranslation("day.col.type"))
                .setAutoWidth(true);
        days.addColumn(d -> d.placeName() == null ? "" : d.placeName() + (d.placeAddress() == null ? "" : ", "
                + d.placeAddress())).setHeader(getTranslation("schedule.place"));
        days.addColumn(d -> d.expertIds().stream().map(id -> expertNames.getOrDefault(id, "#" + id))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("events.experts"));
        days.addComponentColumn(d -> remove(() -> schedule.removeReceptionDay(d.id()))).setFlexGrow(0);
        days.setAllRowsVisible(true);

        closures.addThemeVariants(GridVariant.LUMO_COMPACT);
        closures.addColumn(c -> DATE.format(c.day())).setHeader(getTranslation("events.date")).setAutoWidth(true);
        closures.addColumn(c -> c.expertId() == null ? getTranslation("schedule.everyone")
                : expertNames.getOrDefault(c.expertId(), "")).setHeader(getTranslation("centre.expert"));
        closures.addColumn(Closure::reason).setHeader(getTranslation("schedule.reason"));
        closures.addComponentColumn(c -> remove(() -> schedule.removeClosure(c.id()))).setFlexGrow(0);
        closures.setAllRowsVisible(true);

        add(new H3(getTranslation("schedule.weekly")), hoursForm(), hours,
                new H3(getTranslation("schedule.days")), dayForm(), days,
                new H3(getTranslation("schedule.closures")), closureForm(), closures);
        refresh();
    }

    private void refresh() {
        var today = LocalDate.now(clock);
        hours.setItems(schedule.weeklyHours(null));
        days.setItems(schedule.receptionDays(today.minusMonths(1), today.plusYears(1)));
        closures.setItems(schedule.closures(today.minusMonths(1), today.plusYears(1)));
    }

    private Button remove(Runnable action) {
        var b = new Button(VaadinIcon.TRASH.create(), e -> save(action, Map.of()));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        b.setAriaLabel(getTranslation("schedule.remove"));
        return b;
    }

    private ComboBox<Expert> expertBox() {
        var b = new ComboBox<Expert>(getTranslation("centre.expert"));
        b.setItems(experts);
        b.setItemLabelGenerator(Expert::fullName);
        return b;
    }

    private ComboBox<Centre> centreBox() {
        var b = new ComboBox<Centre>(getTranslation("centre.centre"));
        b.setItems(centres);
        b.setItemLabelGenerator(c -> c.city() + " · " + c.address());
        centres.stream().findFirst().ifPresent(b::setValue);
        return b;
    }

    private IntegerField minutes(String key, int value) {
        var f = new IntegerField(getTranslation(key));
        f.setValue(value);
        NumberFields.bounded(f, 5, null);
        f.setStep(5);
        f.setStepButtonsVisible(true);
        f.setWidth("9em");
        return f;
    }

    private HorizontalLayout hoursForm() {
        var expert = expertBox();
        var centre = centreBox();
        var weekday = new Select<DayOfWeek>();
        weekday.setLabel(getTranslation("schedule.weekday"));
        weekday.setItems(DayOfWeek.values());
        weekday.setItemLabelGenerator(d -> getTranslation("weekday." + d.name()));
        weekday.setValue(DayOfWeek.TUESDAY);
        var start = new TimePicker(getTranslation("booking.start"), LocalTime.of(10, 0));
        var length = minutes("schedule.length", 180);
        var slot = minutes("schedule.slot", 60);
        var from = new DateField(getTranslation("schedule.validFrom"), LocalDate.now(clock));
        var add = new Button(getTranslation("schedule.add"), e -> {
            if (required(expert, centre, start, length, slot, from)) {
                save(() -> schedule.addWeeklyHours(new WeeklyHours(0, expert.getValue().id(), centre.getValue().id(),
                        weekday.getValue(), start.getValue(), Duration.ofMinutes(length.getValue()),
                        Duration.ofMinutes(slot.getValue()), from.getValue(), null)),
                        Map.of("length", length, "slotLength", slot));
            }
        });
        ids("hours", Map.of("expert", expert, "centre", centre, "weekday", weekday, "start", start, "length", length,
                "slot", slot, "from", from, "add", add));
        return row(expert, centre, weekday, start, length, slot, from, add);
    }

    private HorizontalLayout dayForm() {
        var kind = new Select<AppointmentType>();
        kind.setLabel(getTranslation("day.col.type"));
        kind.setItems(AppointmentType.PUBLIC_RECEPTION, AppointmentType.MOBILE_RECEPTION);
        kind.setItemLabelGenerator(t -> getTranslation("appointmentType." + t.name()));
        kind.setValue(AppointmentType.MOBILE_RECEPTION);
        var centre = centreBox();
        var date = new DateField(getTranslation("events.date"));
        var start = new TimePicker(getTranslation("booking.start"), LocalTime.of(10, 0));
        var length = minutes("schedule.length", 240);
        var slot = minutes("schedule.slot", 30);
        var place = new TextField(getTranslation("schedule.placeName"));
        place.setPlaceholder(getTranslation("schedule.placeName.example"));
        var address = new TextField(getTranslation("events.address"));
        var who = new MultiSelectComboBox<Expert>(getTranslation("events.experts"));
        who.setItems(experts);
        who.setItemLabelGenerator(Expert::fullName);
        var add = new Button(getTranslation("schedule.add"), e -> {
            boolean ok = required(centre, date, start, length, slot);
            who.setInvalid(who.getValue().isEmpty());
            who.setErrorMessage(getTranslation("schedule.required"));
            boolean needsPlace = kind.getValue() == AppointmentType.MOBILE_RECEPTION && place.isEmpty();
            place.setInvalid(needsPlace);
            place.setErrorMessage(getTranslation("schedule.required"));
            if (ok && !who.getValue().isEmpty() && !needsPlace) {
                save(() -> schedule.addReceptionDay(new ReceptionDay(0, centre.getValue().id(), kind.getValue(),
                        date.getValue(), start.getValue(), Duration.ofMinutes(length.getValue()),
                        Duration.ofMinutes(slot.getValue()), place.getValue(), address.getValue(),
                        who.getValue().stream().map(Expert::id).sorted().toList(), null)),
                        Map.of("length", length, "slotLength", slot, "experts", who, "placeName", place));
            }
        });
        ids("day", Map.of("kind", kind, "centre", centre, "date", date, "start", start, "length", length, "slot", slot,
                "place", place, "address", address, "experts", who, "add", add));
        return row(kind, centre, date, start, length, slot, place, address, who, add);
    }

    private HorizontalLayout closureForm() {
        var date = new DateField(getTranslation("events.date"));
        var centre = centreBox();
        centre.setClearButtonVisible(true);
        var expert = expertBox();
        expert.setPlaceholder(getTranslation("schedule.everyone"));
        expert.setClearButtonVisible(true);
        var reason = new TextField(getTranslation("schedule.reason"));
        reason.setPlaceholder(getTranslation("schedule.reason.example"));
        var add = new Button(getTranslation("schedule.add"), e -> {
            if (required(date, reason)) {
                save(() -> schedule.close(new Closure(0, date.getValue(),
                        centre.getValue() == null ? null : centre.getValue().id(),
                        expert.getValue() == null ? null : expert.getValue().id(), reason.getValue())),
                        Map.of("reason", reason));
            }
        });
        ids("closure", Map.of("date", date, "centre", centre, "expert", expert, "reason", reason, "add", add));
        return row(date, centre, expert, reason, add);
    }

    private boolean required(HasValue<?, ?>... fields) {
        boolean ok = true;
        for (var f : fields) {
            boolean missing = f.isEmpty();
            if (f instanceof HasValidation v) {
                v.setErrorMessage(getTranslation("schedule.required"));
                v.setInvalid(missing);
            }
            ok &= !missing;
        }
        return ok;
    }

    /**
     * Runs a change; what the schedule refuses is shown next to the field it names ({@code fields}: the service's
     * field name → the form's field), or, for a field the form does not have, as a notification.
     */
    private void save(Runnable action, Map<String, ? extends HasValidation> fields) {
        try {
            action.run();
            Notification.show(getTranslation("events.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidSchedule e) {
            FieldErrors.show(this, "schedule.error.", e.errors(), fields::get);
        }
        refresh();
    }

    /** Ids for the form's fields ({@code hours-length}, {@code day-place}, ...): for tests and screen readers' anchors. */
    private static void ids(String form, Map<String, ? extends Component> fields) {
        fields.forEach((name, c) -> c.setId(form + "-" + name));
    }

    private static HorizontalLayout row(Component... components) {
        var row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.centre.schedule") + " · " + getTranslation("app.title");
    }
}
