package kz.hotline114.ui.centre;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.ReceptionSchedule;
import kz.hotline114.appointments.Slot;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * A week of the centre (or of one expert): hours down, days across, built from plain Divs in a CSS grid.
 * Free slots of the schedule are buttons that open the booking dialog; appointments show who and what.
 * With an expert picked and the centre cleared («all centres»), the week is that expert's across every centre,
 * each entry naming its centre.
 */
@Route("centre")
@Menu(title = "nav.centre.week", order = 60, icon = "vaadin:calendar")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class CentreWeekView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final DateTimeFormatter DAY = Formats.DAY_MONTH;
    private static final DateTimeFormatter HOUR = Formats.TIME;

    private final ExpertPool pool;
    private final Appointments appointments;
    private final ReceptionSchedule schedule;
    private final HotlineProperties props;
    final ComboBox<Centre> centre = new ComboBox<>();
    final ComboBox<Expert> expert = new ComboBox<>();
    final DatePicker week = new DateField();
    final Div calendar = new Div();
    private final Span title = new Span();
    private Map<Long, String> names = Map.of();
    private Map<Long, String> centreNames = Map.of();
    /** The case to book for, from {@code centre?case=114-2026-00001} (how a case screen sends its client here). */
    private @Nullable String caseNumber;
    private final Span forCase = new Span();

    private final Clock clock;

    CentreWeekView(ExpertPool pool, Appointments appointments, ReceptionSchedule schedule, HotlineProperties props, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.appointments = appointments;
        this.schedule = schedule;
        this.props = props;
        setSizeFull();

        centre.setLabel(getTranslation("centre.centre"));
        centre.setItems(pool.centres());
        centre.setItemLabelGenerator(c -> c.city() + " · " + c.address());
        centre.setWidth("22em");
        centre.setPlaceholder(getTranslation("centre.allCentres"));
        centre.setClearButtonVisible(true);
        pool.centres().stream().findFirst().ifPresent(centre::setValue);
        expert.setLabel(getTranslation("centre.expert"));
        expert.setItems(pool.experts().stream().filter(Expert::active).toList());
        expert.setItemLabelGenerator(Expert::fullName);
        expert.setPlaceholder(getTranslation("centre.allExperts"));
        expert.setClearButtonVisible(true);
        week.setLabel(getTranslation("centre.week"));
        week.setValue(LocalDate.now(clock));
        var previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> week.setValue(monday().minusWeeks(1)));
        previous.setAriaLabel(getTranslation("centre.week.previous"));
        var next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> week.setValue(monday().plusWeeks(1)));
        next.setAriaLabel(getTranslation("centre.week.next"));
        var book = new Button(getTranslation("centre.book"), VaadinIcon.PLUS.create(), e -> openBooking(null));
        book.setId("book");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        centre.addValueChangeListener(e -> refresh());
        expert.addValueChangeListener(e -> refresh());
        week.addValueChangeListener(e -> refresh());

        var toolbar = new HorizontalLayout(centre, expert, previous, week, next, book);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        title.addClassName("muted");
        calendar.setId("week-calendar");
        calendar.addClassName("week-grid");
        calendar.setWidthFull();
        forCase.setId("booking-for-case");
        forCase.addClassNames("appt", "appt-BOOKED");
        forCase.setVisible(false);
        add(toolbar, forCase, title, calendar);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        caseNumber = event.getLocation().getQueryParameters().getSingleParameter("case")
                .filter(c -> BookingDialog.CASE_NUMBER.matcher(c).matches()).orElse(null);
        forCase.setText(caseNumber == null ? "" : getTranslation("centre.forCase", caseNumber));
        forCase.setVisible(caseNumber != null);
    }

    private LocalDate monday() {
        var d = week.getValue() == null ? LocalDate.now(clock) : week.getValue();
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    void refresh() {
        calendar.removeAll();
        var c = centre.getValue();
        var expertId = expert.getValue() == null ? null : expert.getValue().id();
        if (c == null && expertId == null) {
            // every expert of every centre would not fit a week: one of the two narrows it
            title.setText(getTranslation("centre.pickCentreOrExpert"));
            return;
        }
        var centreId = c == null ? null : c.id();
        names = pool.experts().stream().collect(Collectors.toMap(Expert::id, Expert::fullName));
        centreNames = pool.centres().stream().collect(Collectors.toMap(Centre::id, Centre::name));
        var monday = monday();
        var sunday = monday.plusDays(6);
        var zone = props.zone();
        var slots = schedule.slots(monday, sunday, centreId, expertId).stream().filter(Slot::free).toList();
        var booked = appointments.between(monday.atStartOfDay(zone).toInstant(), sunday.plusDays(1).atStartOfDay(zone)
                        .toInstant()).stream()
                .filter(a -> (centreId == null || a.centreId() == centreId) && a.status() != AppointmentStatus.CANCELLED)
                .filter(a -> expertId == null || a.expertId() == expertId).toList();
        title.setText(getTranslation("centre.week.title", DAY.format(monday), DAY.format(sunday), booked.size(),
                slots.size()));

        int first = 9;
        int last = 18;
        for (var s : slots) {
            first = Math.min(first, s.start().atZone(zone).getHour());
            last = Math.max(last, s.end().atZone(zone).minusNanos(1).getHour() + 1);
        }
        for (var a : booked) {
            first = Math.min(first, a.start().atZone(zone).getHour());
            last = Math.max(last, a.end().atZone(zone).minusNanos(1).getHour() + 1);
        }
        calendar.add(cell("week-corner", new Span()));
        for (int d = 0; d < 7; d++) {
            var day = monday.plusDays(d);
            var head = cell("week-day", new Span(getTranslation("weekday." + day.getDayOfWeek().name()) + " "
                    + DAY.format(day)));
            if (day.equals(LocalDate.now(clock))) {
                head.addClassName("today");
            }
            calendar.add(head);
        }
        for (int hour = first; hour < last; hour++) {
            calendar.add(cell("week-hour", new Span(HOUR.format(LocalTime.of(hour, 0)))));
            for (int d = 0; d < 7; d++) {
                var day = monday.plusDays(d);
                var entries = new ArrayList<Component>();
                final int h = hour;
                booked.stream().filter(a -> starts(a.start(), day, h)).sorted(Comparator.comparing(Appointment::start))
                        .forEach(a -> entries.add(appointment(a)));
                slots.stream().filter(s -> starts(s.start(), day, h)).forEach(s -> entries.add(freeSlot(s)));
                var cell = cell("week-cell", entries.toArray(Component[]::new));
                cell.getElement().setAttribute("data-day", day.toString());
                cell.getElement().setAttribute("data-hour", String.valueOf(hour));
                calendar.add(cell);
            }
        }
    }

    private boolean starts(Instant at, LocalDate day, int hour) {
        var z = at.atZone(props.zone());
        return z.toLocalDate().equals(day) && z.getHour() == hour;
    }

    private Div cell(String className, Component... children) {
        var d = new Div(children);
        d.addClassName(className);
        return d;
    }

    private Component appointment(Appointment a) {
        var zone = props.zone();
        var text = HOUR.format(a.start().atZone(zone)) + "–" + HOUR.format(a.end().atZone(zone)) + " " + a.expertName();
        var d = new Div(new Span(text));
        if (a.caseNumber() != null || a.clientLabel() != null) {
            var who = new Span(a.caseNumber() != null ? a.caseNumber() : a.clientLabel());
            who.addClassName("muted");
            d.add(who);
        }
        if (centre.getValue() == null) {
            d.add(centreLabel(a.centreId()));
        }
        d.addClassNames("appt", "appt-" + a.status().name());
        d.setTitle(getTranslation("appointmentType." + a.type().name()) + " · "
                + getTranslation("appointmentStatus." + a.status().name())
                + (a.roomName() == null ? "" : " · " + getTranslation("centre.room") + " " + a.roomName()));
        return d;
    }

    private Component freeSlot(Slot s) {
        var zone = props.zone();
        var full = names.getOrDefault(s.expertId(), "#" + s.expertId());
        var b = new Button(HOUR.format(s.start().atZone(zone)) + " " + shortName(full), e -> openBooking(s));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.addClassNames("slot", "slot-" + s.type().name());
        b.setTooltipText(full + " · " + getTranslation("centre.slot.free") + " · "
                + getTranslation("appointmentType." + s.type().name())
                + (s.place() == null ? "" : " · " + s.place())
                + " · " + centreNames.getOrDefault(s.centreId(), ""));
        if (centre.getValue() == null) {
            var wrapper = new Div(b, centreLabel(s.centreId()));
            wrapper.addClassName("slot-at");
            return wrapper;
        }
        return b;
    }

    /** Which centre an entry belongs to, when the week spans all centres. */
    private Span centreLabel(long centreId) {
        var where = new Span(centreNames.getOrDefault(centreId, ""));
        where.addClassNames("muted", "entry-centre");
        return where;
    }

    /** "Шакимова Лола Сергеевна" → "Шакимова Л.С.", so a slot fits its day column. */
    static String shortName(String fullName) {
        var parts = fullName.strip().split("\\s+");
        var sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(i == 1 ? " " : "").append(parts[i].charAt(0)).append('.');
        }
        return sb.toString();
    }

    void openBooking(@Nullable Slot slot) {
        var zone = props.zone();
        BookingDialog.Form form;
        if (slot == null) {
            var now = LocalTime.now(clock).withSecond(0).withNano(0);
            var startAt = now.withMinute(0).plusHours(1);
            form = new BookingDialog.Form(expert.getValue(), centre.getValue(),
                    AppointmentType.IN_PERSON, week.getValue(), startAt, startAt.plusHours(1));
        } else {
            form = new BookingDialog.Form(pool.expert(slot.expertId()).orElse(null),
                    pool.centre(slot.centreId()).orElse(centre.getValue()), slot.type(),
                    slot.start().atZone(zone).toLocalDate(), slot.start().atZone(zone).toLocalTime(),
                    slot.end().atZone(zone).toLocalTime());
        }
        if (caseNumber != null) {
            form.setCaseNumber(caseNumber);
        }
        new BookingDialog(pool, appointments, zone, clock, form, a -> refresh()).open();
    }

    List<Component> entriesOn(LocalDate day) {
        return calendar.getChildren().filter(c -> day.toString().equals(c.getElement().getAttribute("data-day")))
                .flatMap(Component::getChildren).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.centre.week") + " · " + getTranslation("app.title");
    }
}
