package kz.hotline114.ui.centre;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.CentreEvent;
import kz.hotline114.appointments.EventsRegister;
import kz.hotline114.appointments.InvalidEvent;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.SocialStatus;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.FieldErrors;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.NumberFields;

/** The events register, the report's events table: list by period, add and edit an event with its participant breakdown. */
@Route("centre/events")
@Menu(title = "nav.centre.events", order = 100, icon = "vaadin:group")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.REPORTER, Roles.ADMIN})
public class CentreEventsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = Formats.DATE;

    private final EventsRegister register;
    private final GrantProjects projects;
    final DatePicker from = new DateField();
    final DatePicker to = new DateField();
    final Grid<CentreEvent> grid = new Grid<>();

    private final Clock clock;

    CentreEventsView(EventsRegister register, GrantProjects projects, HotlineProperties props, Clock clock) {
        this.clock = clock;
        this.register = register;
        this.projects = projects;
        setSizeFull();
        var today = LocalDate.now(clock);
        from.setLabel(getTranslation("calls.filter.from"));
        from.setValue(LocalDate.of(2019, 1, 1));
        to.setLabel(getTranslation("calls.filter.to"));
        to.setValue(today.withDayOfYear(1).plusYears(1).minusDays(1));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        var add = new Button(getTranslation("events.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("event-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new HorizontalLayout(from, to, add);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("events");
        // the register's texts wrap instead of being cut to a few letters; the whole text is also the tooltip
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> DATE.format(e.heldOn())).setHeader(getTranslation("events.date")).setAutoWidth(true)
                .setFlexGrow(0);
        text("events.name", CentreEvent::name, 3);
        text("events.place", e -> join(e.city(), e.address(), e.room()), 2);
        grid.addColumn(CentreEvent::participants).setHeader(getTranslation("events.participants")).setAutoWidth(true)
                .setFlexGrow(0);
        text("events.categories", e -> nz(e.participantCategories()), 2);
        text("events.experts", e -> nz(e.experts()), 2);
        text("events.completeness", e -> nz(e.completeness()), 2);
        text("events.documents", e -> nz(e.documents()), 1);
        text("events.activity", e -> e.grantActivity() != null ? e.grantActivity() : nz(e.activityLabel()), 1);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        add(toolbar, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    /** A text column: long report texts stay one line in the grid, the whole text is the cell's tooltip. */
    private void text(String header, ValueProvider<CentreEvent, String> value, int grow) {
        grid.addColumn(value).setHeader(getTranslation(header)).setFlexGrow(grow).setWidth((4 + 3 * grow) + "em")
                .setTooltipGenerator(value::apply).setResizable(true);
    }

    void refresh() {
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            grid.setItems(List.of());
            return;
        }
        grid.setItems(register.between(from.getValue(), to.getValue()));
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String join(String... parts) {
        return String.join(", ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    /** The event's form. */
    static final class Form {
        String name = "";
        @Nullable LocalDate heldOn;
        String city = "";
        String address = "";
        String room = "";
        @Nullable Integer participants;
        String categories = "";
        String experts = "";
        String completeness = "";
        String documents = "";
        String activity = "";
    }

    /** An activity of a grant project as the picker offers it: its key ({@code 1.2}) and title. */
    record ActivityChoice(String key, String title) {
    }

    static List<ActivityChoice> activities(@Nullable GrantProject project) {
        if (project == null) {
            return List.of();
        }
        return project.tasks().stream().flatMap(t -> t.activities().stream()
                .map(a -> new ActivityChoice(t.number() + "." + a.number(), a.title()))).toList();
    }

    /** The projects the user may read; none for a role that reads no reports (the free label remains). */
    private List<GrantProject> readableProjects() {
        try {
            return projects.list();
        } catch (AccessDeniedException e) {
            return List.of();
        }
    }

    void edit(@Nullable CentreEvent existing) {
        var dialog = new Dialog();
        dialog.setId("event-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "events.new" : "events.edit"));
        dialog.setWidth("820px");
        var fields = eventFields();
        var grant = grantPickers(existing);

        var breakdown = new Breakdown(fields(Gender.class, "gender."), fields(AgeBracket.class, "age."),
                fields(SocialStatus.class, "social."));

        var binder = binder(fields, breakdown);
        var form = form(existing, breakdown);
        binder.readBean(form);

        var main = new FormLayout(fields.name(), fields.heldOn(), fields.city(), fields.address(), fields.room(),
                fields.participants(), fields.categories(), fields.experts(), fields.completeness(),
                fields.documents(), grant.project(), grant.activity(), fields.activity());
        main.setColspan(fields.name(), 2);
        var details = breakdownDetails(existing, breakdown);
        dialog.add(main, details);

        var save = new Button(getTranslation("booking.save"),
                e -> save(dialog, existing, binder, form, fields, grant, breakdown));
        save.setId("event-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("booking.close"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The event dialog's own fields, in the order of its form. */
    private record EventFields(TextField name, DatePicker heldOn, TextField city, TextField address, TextField room,
            IntegerField participants, TextArea categories, TextArea experts, TextArea completeness,
            TextField documents, TextField activity) {
    }

    /** The participant breakdown's fields: by gender, by age bracket and by social status. */
    private record Breakdown(Map<Gender, IntegerField> gender, Map<AgeBracket, IntegerField> age,
            Map<SocialStatus, IntegerField> social) {
    }

    /** The grant-project pickers and the projects they offer. */
    private record GrantPickers(List<GrantProject> readable, ComboBox<GrantProject> project,
            ComboBox<ActivityChoice> activity) {
    }

    /** The event dialog's text, date and number fields. */
    private EventFields eventFields() {
        var name = new TextField(getTranslation("events.name"));
        name.setId("event-name");
        var heldOn = new DateField(getTranslation("events.date"));
        heldOn.setId("event-date");
        var city = new TextField(getTranslation("events.city"));
        city.setId("event-city");
        var address = new TextField(getTranslation("events.address"));
        var room = new TextField(getTranslation("events.room"));
        var participants = new IntegerField(getTranslation("events.participants"));
        participants.setId("event-participants");
        NumberFields.bounded(participants, 0, null);
        var categories = new TextArea(getTranslation("events.categories"));
        var experts = new TextArea(getTranslation("events.experts"));
        var completeness = new TextArea(getTranslation("events.completeness"));
        var documents = new TextField(getTranslation("events.documents"));
        documents.setHelperText(getTranslation("events.documents.help"));
        var activity = new TextField(getTranslation("events.activity.label"));
        activity.setId("event-activity-label");
        activity.setHelperText(getTranslation("events.activity.help"));
        return new EventFields(name, heldOn, city, address, room, participants, categories, experts, completeness,
                documents, activity);
    }

    /** The grant project and activity pickers, showing the event's own when it has one. */
    private GrantPickers grantPickers(@Nullable CentreEvent existing) {
        // the grant-project activity: project first, then one of its activities ("1.2 title")
        var readable = readableProjects();
        var project = new ComboBox<GrantProject>(getTranslation("events.grantProject"));
        project.setId("event-project");
        project.setItems(readable);
        project.setItemLabelGenerator(GrantProject::name);
        project.setClearButtonVisible(true);
        var grantActivity = new ComboBox<ActivityChoice>(getTranslation("events.grantActivity"));
        grantActivity.setId("event-grant-activity");
        grantActivity.setItemLabelGenerator(a -> a.key() + " " + a.title());
        grantActivity.setClearButtonVisible(true);
        grantActivity.setEnabled(false);
        project.addValueChangeListener(ev -> {
            grantActivity.clear();
            grantActivity.setItems(activities(ev.getValue()));
            grantActivity.setEnabled(ev.getValue() != null);
        });
        project.setVisible(!readable.isEmpty());
        grantActivity.setVisible(!readable.isEmpty());
        if (existing != null && existing.grantProjectId() != null) {
            readable.stream().filter(p -> p.id() == existing.grantProjectId()).findFirst().ifPresent(p -> {
                project.setValue(p);
                activities(p).stream().filter(a -> a.key().equals(existing.grantActivity())).findFirst()
                        .ifPresent(grantActivity::setValue);
            });
        }
        return new GrantPickers(readable, project, grantActivity);
    }

    /** The binder of the event's form, checking the participants against the breakdown. */
    private Binder<Form> binder(EventFields fields, Breakdown breakdown) {
        var gender = breakdown.gender();
        var age = breakdown.age();
        var social = breakdown.social();
        var binder = new Binder<Form>();
        binder.forField(fields.name()).asRequired(getTranslation("events.error.name"))
                .bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(fields.heldOn()).asRequired(getTranslation("events.error.date"))
                .bind(f -> f.heldOn, (f, v) -> f.heldOn = v);
        binder.forField(fields.city()).asRequired(getTranslation("events.error.city"))
                .bind(f -> f.city, (f, v) -> f.city = v);
        binder.forField(fields.address()).bind(f -> f.address, (f, v) -> f.address = v);
        binder.forField(fields.room()).bind(f -> f.room, (f, v) -> f.room = v);
        binder.forField(fields.participants()).asRequired(getTranslation("events.error.participants"))
                .withValidator(n -> n >= 0, getTranslation("events.error.participants"))
                .withValidator(n -> sum(gender) <= n && sum(age) <= n && sum(social) <= n,
                        getTranslation("events.error.breakdown"))
                .bind(f -> f.participants, (f, v) -> f.participants = v);
        binder.forField(fields.categories()).bind(f -> f.categories, (f, v) -> f.categories = v);
        binder.forField(fields.experts()).bind(f -> f.experts, (f, v) -> f.experts = v);
        binder.forField(fields.completeness()).bind(f -> f.completeness, (f, v) -> f.completeness = v);
        binder.forField(fields.documents()).bind(f -> f.documents, (f, v) -> f.documents = v);
        binder.forField(fields.activity()).bind(f -> f.activity, (f, v) -> f.activity = v);
        return binder;
    }

    /** The form of an existing event (its breakdown put in the breakdown fields), or an empty one. */
    private static Form form(@Nullable CentreEvent existing, Breakdown breakdown) {
        var form = new Form();
        if (existing != null) {
            form.name = existing.name();
            form.heldOn = existing.heldOn();
            form.city = existing.city();
            form.address = nz(existing.address());
            form.room = nz(existing.room());
            form.participants = existing.participants();
            form.categories = nz(existing.participantCategories());
            form.experts = nz(existing.experts());
            form.completeness = nz(existing.completeness());
            form.documents = nz(existing.documents());
            form.activity = nz(existing.activityLabel());
            existing.byGender().forEach((k, v) -> breakdown.gender().get(k).setValue(v));
            existing.byAge().forEach((k, v) -> breakdown.age().get(k).setValue(v));
            existing.bySocialStatus().forEach((k, v) -> breakdown.social().get(k).setValue(v));
        }
        return form;
    }

    /** The breakdown's fields in a details panel, opened when the event has a breakdown. */
    private Details breakdownDetails(@Nullable CentreEvent existing, Breakdown breakdown) {
        var row = new HorizontalLayout(group("events.byGender", breakdown.gender()),
                group("events.byAge", breakdown.age()), group("events.bySocial", breakdown.social()));
        row.setWrap(true);
        var details = new Details(getTranslation("events.breakdown"), row);
        details.setOpened(existing != null && !existing.byGender().isEmpty());
        return details;
    }

    /** «Save»: registers or updates the event, or shows the problems next to their fields. */
    private void save(Dialog dialog, @Nullable CentreEvent existing, Binder<Form> binder, Form form, EventFields fields,
            GrantPickers grant, Breakdown breakdown) {
        var readable = grant.readable();
        var project = grant.project();
        var grantActivity = grant.activity();
        boolean valid = binder.writeBeanIfValid(form);
        boolean activityMissing = project.getValue() != null && grantActivity.getValue() == null;
        grantActivity.setErrorMessage(getTranslation("events.error.grantActivity.required"));
        grantActivity.setInvalid(activityMissing);
        if (!valid || activityMissing) {
            return;
        }
        // a user who reads no projects keeps the event's link as it was
        Long projectId = readable.isEmpty() ? (existing == null ? null : existing.grantProjectId())
                : project.getValue() == null ? null : project.getValue().id();
        String activityKey = readable.isEmpty() ? (existing == null ? null : existing.grantActivity())
                : grantActivity.getValue() == null ? null : grantActivity.getValue().key();
        var event = new CentreEvent(existing == null ? 0 : existing.id(), existing == null ? null : existing.centreId(),
                form.name, form.heldOn, form.city, form.address, form.room, form.participants, form.categories,
                form.experts, form.completeness, form.documents, form.activity, values(breakdown.gender()),
                values(breakdown.age()), values(breakdown.social()), projectId, activityKey);
        try {
            if (existing == null) {
                register.register(event);
            } else {
                register.update(event);
            }
        } catch (InvalidEvent ex) {
            Map<String, HasValidation> errorFields = Map.of("name", fields.name(),
                    "city", fields.city(), "participants", fields.participants(), "grantProjectId", project,
                    "grantActivity", grantActivity);
            FieldErrors.show(this, "events.error.", ex.errors(), errorFields::get);
            return;
        }
        Notification.show(getTranslation("events.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        dialog.close();
        // an event outside the period shown used to vanish once saved: the period widens to show it
        if (from.getValue() != null && form.heldOn.isBefore(from.getValue())) {
            from.setValue(form.heldOn);
        }
        if (to.getValue() != null && form.heldOn.isAfter(to.getValue())) {
            to.setValue(form.heldOn);
        }
        refresh();
    }

    private <E extends Enum<E>> Map<E, IntegerField> fields(Class<E> type, String prefix) {
        var m = new EnumMap<E, IntegerField>(type);
        for (var v : type.getEnumConstants()) {
            var f = new IntegerField(getTranslation(prefix + v.name()));
            NumberFields.bounded(f, 0, null);
            f.setWidth("9em");
            m.put(v, f);
        }
        return m;
    }

    private VerticalLayout group(String key, Map<?, IntegerField> fields) {
        var l = new VerticalLayout();
        l.setPadding(false);
        l.setSpacing(false);
        l.setWidth("auto");
        l.add(new H4(getTranslation(key)));
        fields.values().forEach(l::add);
        return l;
    }

    private static int sum(Map<?, IntegerField> fields) {
        return fields.values().stream().mapToInt(f -> f.getValue() == null ? 0 : f.getValue()).sum();
    }

    private static <E extends Enum<E>> Map<E, Integer> values(Map<E, IntegerField> fields) {
        var out = new HashMap<E, Integer>();
        fields.forEach((k, f) -> {
            if (f.getValue() != null && f.getValue() > 0) {
                out.put(k, f.getValue());
            }
        });
        return out;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.centre.events") + " · " + getTranslation("app.title");
    }
}
