package kz.hotline114.ui.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.ConsultationCase;
import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.Region;
import kz.hotline114.shared.SocialStatus;
import kz.hotline114.ui.centre.CentreWeekView;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * One case: opened from a call ({@code case?pbx=..&linkedid=..}), by hand ({@code case}), or an existing
 * one ({@code case/114-2026-00001}). Bad values are shown next to their fields.
 */
@Route("case/:number?")
@RolesAllowed({Roles.OPERATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;

    private final Cases cases;
    private final Appointments appointments;
    private final ExpertPool pool;
    private final HotlineProperties props;
    private final Taxonomy taxonomy;
    private final H2 title = new H2();
    final Span fromCall = new Span();
    final ComboBox<Taxonomy.Term> category = new ComboBox<>();
    final ComboBox<Taxonomy.Term> movement = new ComboBox<>();
    final TextArea question = new TextArea();
    final TextArea answer = new TextArea();
    final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    final TextField specialist = new TextField();
    final Select<Gender> gender = new Select<>();
    final Select<AgeBracket> ageBracket = new Select<>();
    final Select<SocialStatus> socialStatus = new Select<>();
    final ComboBox<Region> region = new ComboBox<>();
    final Checkbox callbackConsent = new Checkbox();
    final ComboBox<Taxonomy.Term> referralPartner = new ComboBox<>();
    final TextArea referralNote = new TextArea();
    final Button save = new Button();
    /** The case's appointments at the centre: when, with whom, where, what kind, how it went. */
    final Grid<Appointment> appointmentList = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private @Nullable String number;
    private final CallLog calls;
    private final Recordings recordings;
    private final RiskFlags risk;
    private @Nullable String callPbx;
    private @Nullable String callLinkedid;

    private final Clock clock;

    CaseView(Cases cases, Appointments appointments, ExpertPool pool, HotlineProperties props, Clock clock,
             CallLog calls, Recordings recordings, RiskFlags risk) {
        this.recordings = recordings;
        this.risk = risk;
        this.clock = clock;
        this.calls = calls;
        this.cases = cases;
        this.appointments = appointments;
        this.pool = pool;
        this.props = props;
        this.taxonomy = cases.taxonomy();
        setMaxWidth("1100px");
        category.setItems(taxonomy.categories());
        movement.setItems(taxonomy.movements());
        referralPartner.setItems(taxonomy.partners());
        for (var c : List.of(category, movement, referralPartner)) {
            c.setItemLabelGenerator(t -> termName(t, getLocale()));
            c.setClearButtonVisible(true);
        }
        label(category, "case.category");
        category.setRequiredIndicatorVisible(true);
        label(movement, "case.movement");
        label(question, "case.question");
        question.setRequiredIndicatorVisible(true);
        question.setMaxLength(10_000);
        question.setMinHeight("7em");
        label(answer, "case.answer");
        answer.setMinHeight("7em");
        language.setLabel(getTranslation("case.language"));
        language.setItems("kk", "ru");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue(getLocale().getLanguage().equals("ru") ? "ru" : "kk");
        label(specialist, "case.specialist");
        gender.setLabel(getTranslation("case.gender"));
        gender.setItems(Gender.values());
        gender.setItemLabelGenerator(g -> g == null ? "" : getTranslation("gender." + g.name()));
        gender.setEmptySelectionAllowed(true);
        ageBracket.setLabel(getTranslation("case.ageBracket"));
        ageBracket.setItems(AgeBracket.values());
        ageBracket.setItemLabelGenerator(a -> a == null ? "" : getTranslation("age." + a.name()));
        ageBracket.setEmptySelectionAllowed(true);
        socialStatus.setLabel(getTranslation("case.socialStatus"));
        socialStatus.setItems(SocialStatus.values());
        socialStatus.setItemLabelGenerator(s -> s == null ? "" : getTranslation("social." + s.name()));
        socialStatus.setEmptySelectionAllowed(true);
        region.setLabel(getTranslation("case.region"));
        region.setItems(Region.values());
        region.setItemLabelGenerator(r -> getTranslation("oblast." + r.name()));
        region.setClearButtonVisible(true);
        callbackConsent.setLabel(getTranslation("case.callbackConsent"));
        label(referralPartner, "case.referralPartner");
        label(referralNote, "case.referralNote");
        save.setText(getTranslation("case.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("case-save");
        save.addClickListener(e -> save());
        question.setId("case-question");
        answer.setId("case-answer");
        appointmentColumns();

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        form.add(category, movement);
        form.add(question, 2);
        form.add(answer, 2);
        form.add(language, specialist);
        var profileTitle = new H4(getTranslation("case.profile"));
        form.add(profileTitle, 2);
        form.add(gender, ageBracket, socialStatus, region);
        form.add(callbackConsent, 2);
        form.add(referralPartner, referralNote);
        fromCall.addClassName("muted");
        add(title, fromCall, form, save, details);
    }

    private void label(HasLabel field, String key) {
        field.setLabel(getTranslation(key));
    }

    /** The call a new case is opened from, as a person names it: its time and caller (not its PBX id). */
    private String fromCallText() {
        if (callPbx == null || callPbx.isBlank() || callLinkedid == null) {
            return getTranslation("case.fromCall.unknown");
        }
        return calls.get(new CallKey(callPbx, callLinkedid)).map(c -> Formats.DATE_TIME.format(c.startedAt().atZone(props.zone())) + " · "
                + Formats.caller(this, c)).orElse(getTranslation("case.fromCall.unknown"));
    }

    static String termName(Taxonomy.Term t, Locale locale) {
        return "ru".equals(locale.getLanguage()) ? t.nameRu() : t.nameKk();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        number = event.getRouteParameters().get("number").orElse(null);
        var params = event.getLocation().getQueryParameters().getParameters();
        callPbx = params.getOrDefault("pbx", List.of()).stream().findFirst().orElse(null);
        callLinkedid = params.getOrDefault("linkedid", List.of()).stream().findFirst().orElse(null);
        if (number == null) {
            title.setText(getTranslation("case.title.new"));
            fromCall.setText(callLinkedid == null ? "" : getTranslation("case.fromCall", fromCallText()));
            details.removeAll();
            return;
        }
        try {
            var c = cases.get(number);
            if (c.isEmpty()) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            show(c.get());
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("case.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            event.forwardTo(CasesView.class);
        }
    }

    private void show(ConsultationCase c) {
        number = c.number();
        title.setText(getTranslation("case.title", c.number()));
        fromCall.setText(getTranslation("case.status") + ": " + getTranslation("status." + c.status().name()));
        category.setValue(term(taxonomy.categories(), c.category()));
        movement.setValue(term(taxonomy.movements(), c.movement()));
        question.setValue(c.question());
        answer.setValue(c.answer() == null ? "" : c.answer());
        language.setValue(c.language());
        specialist.setValue(c.specialist() == null ? "" : c.specialist());
        gender.setValue(c.profile().gender());
        ageBracket.setValue(c.profile().ageBracket());
        socialStatus.setValue(c.profile().socialStatus());
        region.setValue(c.profile().region());
        callbackConsent.setValue(c.callbackConsent());
        referralPartner.setValue(term(taxonomy.partners(), c.referralPartner()));
        referralNote.setValue(c.referralNote() == null ? "" : c.referralNote());
        details.removeAll();
        details.setPadding(false);

        showStatus(c);
        showFollowUps(c);
        showAppointments(c);
        showRisk(c);
        showCalls(c);
    }

    /** The case's status history, and the row that moves it to its next status. */
    private void showStatus(ConsultationCase c) {
        // status
        var next = new Select<CaseStatus>();
        next.setLabel(getTranslation("case.status.change"));
        next.setItems(c.status().next());
        next.setItemLabelGenerator(s -> s == null ? "" : getTranslation("status." + s.name()));
        var note = new TextField(getTranslation("case.status.note"));
        // its own words: the page's main «Сақтау» saves the case; this one changes its status
        var apply = new Button(getTranslation("case.status.apply"), e -> {
            if (next.getValue() != null) {
                try {
                    show(cases.changeStatus(c.number(), next.getValue(), note.getValue()));
                } catch (InvalidCase ex) {
                    next.setInvalid(true);
                    next.setErrorMessage(ex.fieldErrors().values().stream().findFirst()
                            .map(code -> getTranslation("case.error." + code)).orElse(""));
                }
            }
        });
        apply.setId("case-status-apply");
        apply.setEnabled(false);
        next.addValueChangeListener(e -> apply.setEnabled(e.getValue() != null));
        var statusRow = new HorizontalLayout(next, note, apply);
        statusRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        details.add(new H4(getTranslation("case.history")));
        for (var h : c.history()) {
            details.add(new Span(TIME.format(h.at().atZone(props.zone())) + " · " + h.by() + " · "
                    + (h.from() == null ? "" : getTranslation("status." + h.from().name()) + " → ")
                    + getTranslation("status." + h.to().name()) + (h.note() == null || h.note().isBlank() ? "" : " · " + h.note())));
        }
        details.add(statusRow);
    }

    /** The case's follow-ups, each done by a tick, and the row that adds one. */
    private void showFollowUps(ConsultationCase c) {
        // follow-ups
        details.add(new H4(getTranslation("case.followUps")));
        for (var f : c.followUps()) {
            var done = new Checkbox(f.dueOn() + " · " + f.what(), f.done());
            done.setReadOnly(f.done());
            done.addValueChangeListener(e -> {
                if (e.getValue()) {
                    show(cases.completeFollowUp(c.number(), f.id()));
                }
            });
            details.add(done);
        }
        var due = new DateField(getTranslation("case.followUp.due"), LocalDate.now(clock).plusDays(1));
        var what = new TextField(getTranslation("case.followUp.what"));
        var add = new Button(getTranslation("case.followUp.add"), e -> {
            if (what.getValue().isBlank()) {
                what.setInvalid(true);
                what.setErrorMessage(getTranslation("case.error.required"));
                return;
            }
            show(cases.addFollowUp(c.number(), due.getValue(), what.getValue()));
        });
        var followRow = new HorizontalLayout(due, what, add);
        followRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        details.add(followRow);
    }

    /** The case's appointments at the centre, and «book». */
    private void showAppointments(ConsultationCase c) {
        var book = new Button(getTranslation("case.book"), VaadinIcon.CALENDAR.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CentreWeekView.class, RouteParameters.empty(),
                        QueryParameters.simple(Map.of("case", c.number())))));
        book.setId("case-book");
        details.add(new H4(getTranslation("case.appointments")));
        var booked = appointments.ofCase(c.number());
        appointmentList.setItems(booked);
        details.add(booked.isEmpty() ? new Span(getTranslation("case.appointments.none")) : appointmentList, book);
    }

    /** The callers-at-risk flags of the case's calls: what, how urgent, the protocol's steps done, the follow-up. */
    private void showRisk(ConsultationCase c) {
        var flags = risk.ofCase(c.number());
        if (flags.isEmpty()) {
            return;
        }
        details.add(new H4(getTranslation("case.risk")));
        for (var f : flags) {
            var category = risk.allCategories().stream().filter(x -> x.code().equals(f.category())).findFirst()
                    .orElse(null);
            var line = new Span(getTranslation("case.risk.flag", category == null ? f.category()
                    : category.name(getLocale()), getTranslation("risk.level." + f.level().name()),
                    TIME.format(f.flaggedAt().atZone(props.zone())), f.protocolDone().size(),
                    category == null ? 0 : category.protocol().size(), getTranslation("risk.state."
                            + f.state(clock.instant()).name()), TIME.format(f.followUpDue().atZone(props.zone()))));
            line.setId("case-risk-" + f.id());
            line.getStyle().set("color", "var(--lumo-error-text-color)");
            details.add(line);
        }
    }

    /**
     * The calls linked to the case, when there are any, each with its recording's retention and «keep it for this
     * case» (a reason at the field): whoever works on the case may ask, without hearing it.
     */
    private void showCalls(ConsultationCase c) {
        if (c.calls().isEmpty()) {
            return;
        }
        details.add(new H4(getTranslation("case.calls")));
        for (var k : c.calls()) {
            var row = new HorizontalLayout(new Span(TIME.format(k.addedAt().atZone(props.zone())) + " · " + k.linkedid()));
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            var call = new CallKey(k.pbxId(), k.linkedid());
            recordings.retention(call).ifPresent(r -> {
                var state = new Span(r.heldFor().isEmpty() ? getTranslation("case.recording.until",
                        Formats.DATE.format(r.deleteAfter().atZone(props.zone()))) : getTranslation("case.recording.held"));
                state.setId("case-recording-" + k.linkedid());
                row.add(state);
                if (!r.heldFor().contains(Recordings.HoldKind.CASE)) {
                    var reason = new TextField();
                    reason.setId("case-keep-reason-" + k.linkedid());
                    reason.setPlaceholder(getTranslation("recording.reason"));
                    var keep = new Button(getTranslation("case.recording.keep"), e -> keep(c, call, reason));
                    keep.setId("case-keep-" + k.linkedid());
                    row.add(reason, keep);
                }
            });
            details.add(row);
        }
    }

    /** Asks for the call's recording to be kept for this case; the reason is required (said at the field). */
    void keep(ConsultationCase c, CallKey call, TextField reason) {
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("recording.reasonRequired"));
            reason.setInvalid(true);
            return;
        }
        recordings.holdForCase(call, c.number(), reason.getValue());
        Notification.show(getTranslation("recording.kept")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        cases.get(c.number()).ifPresent(this::show);
    }

    private void appointmentColumns() {
        var centres = new HashMap<Long, String>();
        pool.centres().forEach(c -> centres.put(c.id(), c.city() + " · " + c.address()));
        appointmentList.setId("case-appointments");
        appointmentList.addThemeVariants(GridVariant.LUMO_COMPACT);
        appointmentList.setAllRowsVisible(true);
        appointmentList.addColumn(a -> TIME.format(a.start().atZone(props.zone())) + "–"
                        + a.end().atZone(props.zone()).toLocalTime())
                .setHeader(getTranslation("day.col.time")).setKey("time").setAutoWidth(true);
        appointmentList.addColumn(Appointment::expertName).setHeader(getTranslation("day.col.expert")).setKey("expert");
        appointmentList.addColumn(a -> centres.getOrDefault(a.centreId(), "")
                        + (a.roomName() == null ? "" : " · " + a.roomName()))
                .setHeader(getTranslation("centre.centre")).setKey("centre");
        appointmentList.addColumn(a -> getTranslation("appointmentType." + a.type().name()))
                .setHeader(getTranslation("day.col.type")).setKey("type").setAutoWidth(true);
        appointmentList.addColumn(a -> getTranslation("appointmentStatus." + a.status().name())
                        + (a.cancelReason() == null ? "" : " · " + a.cancelReason()))
                .setHeader(getTranslation("day.col.status")).setKey("status").setAutoWidth(true);
    }

    private static Taxonomy.@Nullable Term term(List<Taxonomy.Term> terms, @Nullable String code) {
        return code == null ? null : terms.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    CaseDraft draft() {
        return new CaseDraft(callPbx, callLinkedid, category.getValue() == null ? null : category.getValue().code(),
                movement.getValue() == null ? null : movement.getValue().code(), question.getValue(), answer.getValue(),
                language.getValue(), new CallerProfile(gender.getValue(), ageBracket.getValue(), socialStatus.getValue(),
                region.getValue()), specialist.getValue(), callbackConsent.getValue(),
                referralPartner.getValue() == null ? null : referralPartner.getValue().code(), referralNote.getValue());
    }

    void save() {
        clearErrors();
        try {
            if (number == null) {
                var opened = cases.open(draft());
                Notification.show(getTranslation("case.saved", opened)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(CaseView.class, new RouteParameters("number", opened)));
            } else {
                show(cases.update(number, draft()));
                Notification.show(getTranslation("case.saved", number)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        } catch (InvalidCase e) {
            showErrors(e.fieldErrors());
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("case.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Map<String, HasValidation> fields() {
        return Map.of("category", category, "movement", movement, "question", question, "answer", answer,
                "language", language, "referralPartner", referralPartner);
    }

    private void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, code) -> {
            var f = fields().get(field);
            if (f != null) {
                f.setErrorMessage(getTranslation("case.error." + code));
                f.setInvalid(true);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return (number == null ? getTranslation("case.title.new") : getTranslation("case.title", number)) + " · "
                + getTranslation("app.title");
    }
}
