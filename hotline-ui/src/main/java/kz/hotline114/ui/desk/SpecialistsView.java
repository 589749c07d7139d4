package kz.hotline114.ui.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.IvrMenu;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.MemberState;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.routing.DutyRota;
import kz.hotline114.routing.Shift;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.Roles;
import kz.hotline114.security.UserAccount;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateTimeField;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;
import kz.hotline114.ui.shell.NumberFields;

/**
 * The specialist directory and the duty rota (supervisors and admins): who answers which queue
 * on which phone, their shifts, and moving a phone into or out of its queues by hand.
 */
@Route("specialists")
@Menu(title = "specialists.title", order = 50, icon = "vaadin:user-clock")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class SpecialistsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;

    private final SpecialistDirectory directory;
    private final DutyRota rota;
    private final LiveModel live;
    private final HotlineProperties props;
    private final HotlineI18n i18n;
    private final Grid<Specialist> specialists = new Grid<>();
    private final Grid<Shift> shifts = new Grid<>();
    // the specialist form
    private final TextField name = new TextField();
    private final Select<Specialist.Kind> kind = new Select<>();
    private final CheckboxGroup<String> languages = new CheckboxGroup<>();
    private final TextField iface = new TextField();
    private final CheckboxGroup<String> queues = new CheckboxGroup<>();
    private final Checkbox active = new Checkbox();
    private final ComboBox<String> username = new ComboBox<>();
    // the shift form
    private final Select<Specialist> who = new Select<>();
    private final DateTimePicker from = new DateTimeField();
    private final DateTimePicker to = new DateTimeField();
    private final IntegerField weeks = new IntegerField();
    private final TextField note = new TextField();

    private final Clock clock;
    private final List<String> queueNames;

    SpecialistsView(SpecialistDirectory directory, DutyRota rota, LiveModel live, UserAccounts users,
                    HotlineProperties props, HotlineI18n i18n, Clock clock, IvrMenu menu) {
        this.clock = clock;
        this.queueNames = menu.queues();
        this.directory = directory;
        this.rota = rota;
        this.live = live;
        this.props = props;
        this.i18n = i18n;
        add(new H2(getTranslation("specialists.title")));
        configureSpecialistsGrid();
        buildSpecialistForm(users);

        add(new H3(getTranslation("rota.title")));
        configureShiftsGrid();
        buildShiftForm();
        refresh();
        edit(null);
    }

    /** The specialists' grid, with the buttons that move a phone into or out of its queues. */
    private void configureSpecialistsGrid() {
        specialists.setId("specialists-grid");
        // no horizontal scrolling: texts wrap, the live state and the queue buttons stay at the right edge
        specialists.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        // fixed widths that share the rest: nothing grows past the screen (long interfaces and names wrap)
        specialists.addColumn(Specialist::displayName).setHeader(getTranslation("specialists.name")).setWidth("9em")
                .setFlexGrow(1);
        specialists.addColumn(s -> getTranslation("specialistKind." + s.kind().name())).setHeader(getTranslation("specialists.kind"))
                .setWidth("7em").setFlexGrow(0);
        specialists.addColumn(s -> String.join(", ", s.languages())).setHeader(getTranslation("specialists.languages"))
                .setWidth("4.5em").setFlexGrow(0);
        specialists.addColumn(Specialist::iface).setHeader(getTranslation("specialists.iface")).setWidth("7em")
                .setFlexGrow(1);
        specialists.addColumn(s -> s.queues().stream().map(this::queue).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("specialists.queues")).setWidth("8em").setFlexGrow(1);
        specialists.addColumn(s -> s.username() == null ? "" : s.username()).setHeader(getTranslation("specialists.user"))
                .setWidth("6em").setFlexGrow(1);
        specialists.addColumn(s -> getTranslation(s.active() ? "specialists.active.yes" : "specialists.active.no"))
                .setHeader(getTranslation("specialists.active")).setWidth("6.5em").setFlexGrow(0);
        specialists.addColumn(this::now).setHeader(getTranslation("specialists.now")).setWidth("10em").setFlexGrow(2);
        specialists.addComponentColumn(s -> {
            var join = new Button(VaadinIcon.SIGN_IN.create(), e -> move(s, true));
            join.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
            join.setTooltipText(getTranslation("specialists.join"));
            join.setAriaLabel(getTranslation("specialists.join"));
            join.setId("specialists-join-" + s.id());
            var leave = new Button(VaadinIcon.SIGN_OUT.create(), e -> move(s, false));
            leave.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            leave.setTooltipText(getTranslation("specialists.leave"));
            leave.setAriaLabel(getTranslation("specialists.leave"));
            leave.setId("specialists-leave-" + s.id());
            var buttons = new HorizontalLayout(join, leave);
            buttons.setSpacing(false);
            return buttons;
        }).setWidth("6em").setFlexGrow(0).setFrozenToEnd(true).setKey("actions");
        specialists.setAllRowsVisible(true);
        specialists.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
    }

    /** The specialist form with «save» and «new», under the specialists' grid. */
    private void buildSpecialistForm(UserAccounts users) {
        name.setLabel(getTranslation("specialists.name"));
        name.setId("specialist-name");
        kind.setLabel(getTranslation("specialists.kind"));
        kind.setItems(Specialist.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("specialistKind." + k.name()));
        kind.setId("specialist-kind");
        languages.setLabel(getTranslation("specialists.languages"));
        languages.setItems("kk", "ru");
        languages.setItemLabelGenerator(l -> getTranslation("lang." + l));
        iface.setLabel(getTranslation("specialists.iface"));
        iface.setHelperText(getTranslation("specialists.iface.help"));
        iface.setId("specialist-iface");
        queues.setLabel(getTranslation("specialists.queues"));
        queues.setItems(queueNames);
        queues.setItemLabelGenerator(this::queue);
        queues.setId("specialist-queues");
        active.setLabel(getTranslation("specialists.active"));
        username.setLabel(getTranslation("specialists.user"));
        username.setId("specialist-user");
        username.setItems(users.all().stream().map(UserAccount::username).toList());
        username.setAllowCustomValue(false);
        username.setClearButtonVisible(true);
        var save = new Button(getTranslation("specialists.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("specialist-save");
        var clear = new Button(getTranslation("specialists.new"), e -> edit(null));
        var form = new FormLayout(name, kind, languages, iface, queues, active, username);
        add(specialists, new H3(getTranslation("specialists.form")), form, new HorizontalLayout(save, clear));
    }

    /** The duty rota's grid: who, from, to, state and note, with «end» or «remove» per shift. */
    private void configureShiftsGrid() {
        shifts.setId("rota-grid");
        shifts.addColumn(Shift::specialistName).setHeader(getTranslation("specialists.name")).setAutoWidth(true);
        shifts.addColumn(s -> TIME.format(s.startsAt().atZone(props.zone()))).setHeader(getTranslation("rota.from"));
        shifts.addColumn(s -> TIME.format(s.endsAt().atZone(props.zone()))).setHeader(getTranslation("rota.to"));
        shifts.addColumn(s -> getTranslation("rota.state." + s.state(clock.instant()).name())
                + (s.failure() == null ? "" : " · " + s.failure())).setHeader(getTranslation("rota.state"));
        shifts.addColumn(s -> s.note() == null ? "" : s.note()).setHeader(getTranslation("rota.note"));
        shifts.addComponentColumn(s -> {
            var remove = new Button(getTranslation(s.state(clock.instant()) == Shift.State.ON_DUTY ? "rota.end" : "rota.remove"),
                    e -> removeShift(s));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            remove.setVisible(s.state(clock.instant()) != Shift.State.DONE);
            return remove;
        });
        shifts.setAllRowsVisible(true);
        shifts.setEmptyStateText(getTranslation("rota.empty"));
    }

    /** The form that adds shifts to the rota, and the rota under it. */
    private void buildShiftForm() {
        who.setLabel(getTranslation("rota.who"));
        who.setItemLabelGenerator(Specialist::displayName);
        who.setId("rota-who");
        from.setLabel(getTranslation("rota.from"));
        from.setId("rota-from");
        to.setLabel(getTranslation("rota.to"));
        to.setId("rota-to");
        weeks.setLabel(getTranslation("rota.weeks"));
        NumberFields.bounded(weeks, 1, 26);
        weeks.setValue(1);
        weeks.setStepButtonsVisible(true);
        note.setLabel(getTranslation("rota.note"));
        var tomorrow = LocalDate.now(clock).plusDays(1);
        from.setValue(LocalDateTime.of(tomorrow, LocalTime.of(8, 0)));
        to.setValue(LocalDateTime.of(tomorrow, LocalTime.of(20, 0)));
        var addShift = new Button(getTranslation("rota.add"), e -> addShift());
        addShift.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addShift.setId("rota-add");
        add(new FormLayout(who, from, to, weeks, note), addShift, shifts);
    }

    private String queue(String q) {
        return i18n.getOr("queue." + q, getLocale(), q);
    }

    /** The phone now, as the PBX reports it: in which queues, free/talking/paused. */
    private String now(Specialist s) {
        var states = live.snapshot().queues().stream().flatMap(q -> q.members().stream()
                        .filter(m -> m.iface().equals(s.iface()))
                        .map(m -> queue(q.name()) + ": " + state(m)))
                .toList();
        return states.isEmpty() ? getTranslation("specialists.notInQueues") : String.join("; ", states);
    }

    private String state(MemberState m) {
        return m.paused() ? getTranslation("desk.paused") : getTranslation("member." + m.status().name());
    }

    private void refresh() {
        var all = directory.all();
        specialists.setItems(all);
        var chosen = who.getValue();
        var activeOnes = all.stream().filter(Specialist::active).toList();
        who.setItems(activeOnes);
        if (chosen != null) {
            activeOnes.stream().filter(x -> x.id() == chosen.id()).findFirst().ifPresent(who::setValue);
        }
        var today = LocalDate.now(clock).atStartOfDay(props.zone()).toInstant();
        shifts.setItems(rota.between(today, today.plus(Duration.ofDays(14))));
    }

    private void edit(@Nullable Specialist s) {
        name.setValue(s == null ? "" : s.displayName());
        kind.setValue(s == null ? Specialist.Kind.PSYCHOLOGIST : s.kind());
        languages.setValue(new HashSet<>(s == null ? List.of("kk", "ru") : s.languages()));
        iface.setValue(s == null ? "" : s.iface());
        queues.setValue(new HashSet<>(s == null ? List.of() : s.queues()));
        active.setValue(s == null || s.active());
        username.setValue(s == null ? null : s.username());
        name.setInvalid(false);
        iface.setInvalid(false);
        queues.setInvalid(false);
    }

    private void save() {
        boolean ok = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("specialists.error.name"));
            name.setInvalid(true);
            ok = false;
        }
        if (!iface.getValue().strip().matches("[A-Za-z]+/\\S+")) {
            iface.setErrorMessage(getTranslation("specialists.error.iface"));
            iface.setInvalid(true);
            ok = false;
        }
        if (queues.getValue().isEmpty()) {
            queues.setErrorMessage(getTranslation("specialists.error.queues"));
            queues.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return;
        }
        var chosen = queueNames.stream().filter(queues.getValue()::contains).toList();
        var langs = List.of("kk", "ru").stream().filter(languages.getValue()::contains).toList();
        try {
            directory.save(name.getValue().strip(), kind.getValue(), langs, iface.getValue().strip(), chosen,
                    active.getValue(), username.getValue());
            Notification.show(getTranslation("specialists.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            edit(null);
        } catch (DataIntegrityViolationException e) {
            username.setErrorMessage(getTranslation("specialists.error.user"));
            username.setInvalid(true);
        }
    }

    private void move(Specialist s, boolean join) {
        try {
            if (join) {
                rota.joinQueues(s.id());
            } else {
                rota.leaveQueues(s.id());
            }
            Notification.show(getTranslation(join ? "specialists.joined" : "specialists.left", s.displayName()));
        } catch (PbxCommandFailed e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void addShift() {
        who.setInvalid(false);
        to.setInvalid(false);
        if (who.getValue() == null) {
            who.setErrorMessage(getTranslation("rota.error.who"));
            who.setInvalid(true);
            return;
        }
        if (from.getValue() == null || to.getValue() == null) {
            to.setErrorMessage(getTranslation("rota.error.times"));
            to.setInvalid(true);
            return;
        }
        try {
            rota.add(who.getValue().id(), from.getValue().atZone(props.zone()).toInstant(),
                    to.getValue().atZone(props.zone()).toInstant(), note.getValue(), weeks.getValue() == null ? 1 : weeks.getValue());
            Notification.show(getTranslation("rota.added")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (IllegalArgumentException e) {
            var m = String.valueOf(e.getMessage());
            to.setErrorMessage(getTranslation(m.contains("overlaps") ? "rota.error.overlap"
                    : m.contains("24 hours") ? "rota.error.long" : m.contains("weeks") ? "rota.error.weeks" : "rota.error.times"));
            to.setInvalid(true);
        }
    }

    private void removeShift(Shift s) {
        try {
            rota.remove(s.id());
        } catch (RuntimeException e) {
            Notification.show(getTranslation("desk.pbxError", e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("specialists.title") + " · " + getTranslation("app.title");
    }
}
