package kz.hotline114.ui.risk;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.cases.Cases;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.risk.RiskProperties;
import kz.hotline114.risk.Supervision;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.Formats;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * The callers at risk (issue 19): every flag with its state — new (no supervisor has seen it), acknowledged, overdue,
 * closed — its category and level, the specialist and queue, when the follow-up is due and whose it is, the case; an
 * opened one shows the protocol's steps done, the tries to call back (a try is recorded with a note), and closes with
 * an outcome (reached, referred to a partner, not reachable after the tries); what is wrong is said at its field.
 */
@Route("risk/:id?")
@Menu(title = "risk.menu", order = 25, icon = "vaadin:warning")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class RiskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RiskFlags risk;
    private final HotlineProperties props;
    private final HotlineI18n i18n;
    private final Clock clock;
    private final Taxonomy taxonomy;
    private final RiskProperties riskProps;
    private final Supervision supervision;
    final TextField myPhone = new TextField();
    final Select<RiskFlags.State> state = new Select<>();
    final Grid<RiskFlags.Flag> list = new Grid<>();
    final Div detail = new Div();
    final TextField attemptNote = new TextField();
    final Select<RiskFlags.Outcome> outcome = new Select<>();
    final ComboBox<Taxonomy.Term> partner = new ComboBox<>();
    final TextField outcomeNote = new TextField();
    final Button close = new Button();
    RiskFlags.@Nullable Flag open;

    RiskView(RiskFlags risk, Cases cases, HotlineProperties props, HotlineI18n i18n, Clock clock,
             RiskProperties riskProps, Supervision supervision) {
        this.riskProps = riskProps;
        this.supervision = supervision;
        this.risk = risk;
        this.props = props;
        this.i18n = i18n;
        this.clock = clock;
        this.taxonomy = cases.taxonomy();
        setMaxWidth("100em");
        state.setId("risk-state");
        state.setLabel(getTranslation("risk.state"));
        state.setItems(RiskFlags.State.values());
        state.setEmptySelectionAllowed(true); // none chosen: every flag not closed yet
        state.setEmptySelectionCaption(getTranslation("risk.state.open"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("risk.state.open") : getTranslation("risk.state."
                + s.name()));
        state.addValueChangeListener(e -> refresh());
        close.addClickListener(e -> closeOpen());
        configureList();
        detail.setId("risk-detail");
        detail.setWidthFull();
        add(new H2(getTranslation("risk.title")), new Paragraph(getTranslation("risk.intro")), phoneRow(), state, list,
                detail);
        refresh();
    }

    /** The supervisor's own desk phone, which rings to listen in. */
    private HorizontalLayout phoneRow() {
        myPhone.setId("risk-my-phone");
        myPhone.setLabel(getTranslation("risk.myPhone"));
        myPhone.setPlaceholder("PJSIP/301");
        myPhone.setWidth("18em");
        myPhone.setValue(supervision.myPhone().orElse(""));
        var link = new Button(getTranslation("risk.myPhone.save"), e -> linkPhone());
        link.setId("risk-my-phone-save");
        var row = new HorizontalLayout(myPhone, link);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    void linkPhone() {
        try {
            supervision.linkMyPhone(myPhone.getValue());
            myPhone.setInvalid(false);
            Notification.show(getTranslation("risk.myPhone.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidRisk e) {
            myPhone.setErrorMessage(getTranslation("risk.error.phone-" + e.errors().getOrDefault("phone", "format")));
            myPhone.setInvalid(true);
        }
    }

    /** Rings my phone to listen to, whisper into or join the open flag's call, if it is still going on. */
    void join(Supervision.Mode mode) {
        if (open == null) {
            return;
        }
        try {
            supervision.join(open.call(), mode);
            Notification.show(getTranslation("risk.join.ringing", myPhone.getValue()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidRisk e) {
            Notification.show(getTranslation(e.errors().containsKey("phone") ? "risk.join.noPhone" : "risk.join.notLive"))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (RuntimeException e) {
            Notification.show(getTranslation("risk.join.failed", e.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private String category(String code) {
        return risk.categories().stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.name(getLocale()))
                .orElse(code);
    }

    private String time(java.time.@Nullable Instant at) {
        return at == null ? "" : Formats.DATE_TIME.format(at.atZone(props.zone()));
    }

    private void configureList() {
        list.setId("risk-list");
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        list.setAllRowsVisible(true);
        list.setEmptyStateText(getTranslation("risk.none"));
        list.addColumn(f -> time(f.flaggedAt())).setHeader(getTranslation("risk.col.flagged")).setAutoWidth(true);
        list.addColumn(f -> category(f.category())).setHeader(getTranslation("risk.col.category")).setAutoWidth(true);
        list.addColumn(f -> getTranslation("risk.level." + f.level().name())).setHeader(getTranslation("risk.col.level"))
                .setAutoWidth(true);
        list.addColumn(f -> (f.specialist() == null ? "—" : f.specialist()) + (f.queue() == null ? ""
                : " · " + i18n.getOr("queue." + f.queue(), getLocale(), f.queue())))
                .setHeader(getTranslation("risk.col.specialist")).setAutoWidth(true);
        list.addColumn(f -> getTranslation("risk.state." + f.state(clock.instant()).name()))
                .setHeader(getTranslation("risk.col.state")).setAutoWidth(true);
        list.addColumn(f -> f.acknowledgedAt() == null ? "" : time(f.acknowledgedAt()) + " · " + f.acknowledgedBy())
                .setHeader(getTranslation("risk.col.acknowledged")).setAutoWidth(true);
        list.addColumn(f -> time(f.followUpDue()) + " · " + f.followUpOwner())
                .setHeader(getTranslation("risk.col.due")).setAutoWidth(true);
        list.addColumn(f -> f.caseNumber() == null ? "" : f.caseNumber()).setHeader(getTranslation("risk.col.case"))
                .setFlexGrow(1);
        list.setPartNameGenerator(f -> switch (f.state(clock.instant())) {
            case NEW, OVERDUE -> "risk-attention";
            default -> null;
        });
        list.addItemClickListener(e -> show(e.getItem()));
    }

    void refresh() {
        list.setItems(state.getValue() == null
                ? risk.find(null, null, null).stream().filter(f -> f.closedAt() == null).toList()
                : risk.find(null, null, state.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("id").ifPresent(id -> {
            try {
                show(risk.get(Long.parseLong(id)));
            } catch (RuntimeException e) {
                Notification.show(getTranslation("risk.notFound")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    /** Opens a flag: its facts, the protocol, the tries to call back, acknowledge and close. */
    void show(RiskFlags.Flag f) {
        open = f;
        detail.removeAll();
        detail.add(new H3(category(f.category()) + " · " + getTranslation("risk.level." + f.level().name())));
        detail.add(new Paragraph(getTranslation("risk.facts", time(f.flaggedAt()), f.flaggedBy(),
                f.specialist() == null ? "—" : f.specialist(), getTranslation("risk.state." + f.state(clock.instant())
                        .name()), time(f.followUpDue()), f.followUpOwner())));
        if (f.acknowledgedAt() == null) {
            var ack = new Button(getTranslation("risk.acknowledge"), e -> {
                show(risk.acknowledge(f.id()));
                refresh();
            });
            ack.setId("risk-detail-ack");
            ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            detail.add(ack);
        }
        if (f.closedAt() == null) {
            var buttons = new HorizontalLayout();
            for (var mode : Supervision.Mode.values()) {
                var b = new Button(getTranslation("risk.join." + mode.name()), e -> join(mode));
                b.setId("risk-join-" + mode.exten());
                buttons.add(b);
            }
            detail.add(buttons);
        }
        protocol(f);
        attempts(f);
        if (f.closedAt() == null) {
            closeForm();
        } else {
            detail.add(new Paragraph(getTranslation("risk.closed", time(f.closedAt()), f.closedBy(),
                    getTranslation("risk.outcome." + f.outcome().name())
                            + (f.referralPartner() == null ? "" : " · " + partnerName(f.referralPartner()))
                            + (f.outcomeNote() == null ? "" : " · " + f.outcomeNote()))));
        }
    }

    private String partnerName(String code) {
        return taxonomy.partners().stream().filter(t -> t.code().equals(code)).findFirst()
                .map(t -> "ru".equals(getLocale().getLanguage()) ? t.nameRu() : t.nameKk()).orElse(code);
    }

    private void protocol(RiskFlags.Flag f) {
        var steps = risk.categories().stream().filter(c -> c.code().equals(f.category())).findFirst()
                .map(RiskFlags.Category::protocol).orElse(List.of());
        var title = new Span(getTranslation("risk.protocol"));
        title.getStyle().set("font-weight", "600");
        detail.add(new Div(title));
        for (int i = 0; i < steps.size(); i++) {
            int step = i;
            var box = new Checkbox(steps.get(i).text(getLocale()), f.protocolDone().contains(i));
            box.setId("risk-step-" + i);
            box.setReadOnly(f.closedAt() != null);
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    open = risk.protocolStep(f.id(), step, e.getValue());
                }
            });
            detail.add(new Div(box));
        }
    }

    private void attempts(RiskFlags.Flag f) {
        var title = new Span(getTranslation("risk.attempts", f.attempts()));
        title.getStyle().set("font-weight", "600");
        detail.add(new Div(title));
        for (var a : risk.attempts(f.id())) {
            detail.add(new Div(new Span(time(a.at()) + " · " + a.by() + (a.note() == null ? "" : " · " + a.note()))));
        }
        if (f.closedAt() == null) {
            attemptNote.setId("risk-attempt-note");
            attemptNote.setPlaceholder(getTranslation("risk.attempt.note"));
            attemptNote.setWidth("30em");
            attemptNote.clear();
            var tried = new Button(getTranslation("risk.attempt"), e -> {
                show(risk.attempt(f.id(), attemptNote.getValue()));
                refresh();
            });
            tried.setId("risk-attempt");
            var row = new HorizontalLayout(attemptNote, tried);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            detail.add(row);
        }
    }

    private void closeForm() {
        outcome.setId("risk-outcome");
        outcome.setLabel(getTranslation("risk.outcome"));
        outcome.setItems(RiskFlags.Outcome.values());
        outcome.setItemLabelGenerator(o -> o == null ? "" : getTranslation("risk.outcome." + o.name()));
        outcome.clear();
        outcome.setInvalid(false);
        partner.setId("risk-partner");
        partner.setLabel(getTranslation("risk.partner"));
        partner.setItems(taxonomy.partners());
        partner.setItemLabelGenerator(t -> "ru".equals(getLocale().getLanguage()) ? t.nameRu() : t.nameKk());
        partner.clear();
        partner.setInvalid(false);
        outcomeNote.setId("risk-outcome-note");
        outcomeNote.setLabel(getTranslation("risk.outcomeNote"));
        outcomeNote.setWidth("24em");
        outcomeNote.clear();
        close.setText(getTranslation("risk.close"));
        close.setId("risk-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(outcome, partner, outcomeNote, close);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        detail.add(row);
    }

    /** Closes the open flag's follow-up; its problems at the fields. */
    void closeOpen() {
        if (open == null) {
            return;
        }
        outcome.setInvalid(false);
        partner.setInvalid(false);
        try {
            var done = risk.close(open.id(), outcome.getValue(), partner.getValue() == null ? null
                    : partner.getValue().code(), outcomeNote.getValue());
            Notification.show(getTranslation("risk.closedNow")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            show(done);
        } catch (InvalidRisk e) {
            showErrors(e.errors());
        }
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, problem) -> {
            if (field.equals("referralPartner")) {
                partner.setErrorMessage(getTranslation("risk.error." + problem));
                partner.setInvalid(true);
            } else {
                outcome.setErrorMessage(getTranslation("risk.error." + problem, riskProps.triesBeforeUnreachable()));
                outcome.setInvalid(true);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("risk.title") + " · " + getTranslation("app.title");
    }
}
