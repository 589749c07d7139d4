package kz.hotline114.ui.desk;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;

import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.CaseSummary;
import kz.hotline114.cases.Cases;
import kz.hotline114.cases.InvalidCase;
import kz.hotline114.cases.Taxonomy;
import kz.hotline114.routing.Specialist;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.cases.CaseView;
import kz.hotline114.ui.shell.Formats;

/**
 * The case of the call on my phone, beside the screen-pop (the desk stays: the pop, the call's state and the
 * transfer buttons remain in sight): category, question — taken from my note —, answer, language, consent to be
 * called back; opened assigned to me and linked to the call. Below, the caller's earlier cases (from the cases of
 * their earlier calls), each a link to its page in a new tab. The rest of a case (profile, referral, follow-ups) is
 * on the case page, one link away.
 */
class DeskCasePanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = Formats.DATE_TIME;

    private final Cases cases;
    private final CallLog callLog;
    private final HotlineProperties props;
    private final Specialist me;
    final H3 title = new H3();
    final ComboBox<Taxonomy.Term> category = new ComboBox<>();
    final TextArea question = new TextArea();
    final TextArea answer = new TextArea();
    final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    final Checkbox callbackConsent = new Checkbox();
    final Button save = new Button();
    final Span opened = new Span();
    final Grid<CaseSummary> earlier = new Grid<>();
    private @Nullable CallKey call;
    private @Nullable String number;

    DeskCasePanel(Cases cases, CallLog callLog, HotlineProperties props, Specialist me) {
        this.cases = cases;
        this.callLog = callLog;
        this.props = props;
        this.me = me;
        setId("desk-case");
        addClassName("desk-case");
        setVisible(false);
        setPadding(true);
        getStyle().set("border-left", "1px solid var(--lumo-contrast-20pct)");
        var taxonomy = cases.taxonomy();
        category.setLabel(getTranslation("case.category"));
        category.setItems(taxonomy.categories());
        category.setItemLabelGenerator(t -> "ru".equals(getLocale().getLanguage()) ? t.nameRu() : t.nameKk());
        category.setRequiredIndicatorVisible(true);
        category.setWidthFull();
        question.setLabel(getTranslation("case.question"));
        question.setRequiredIndicatorVisible(true);
        question.setMaxLength(10_000);
        question.setWidthFull();
        question.setMinHeight("6em");
        question.setId("desk-case-question");
        answer.setLabel(getTranslation("case.answer"));
        answer.setWidthFull();
        answer.setMinHeight("6em");
        language.setLabel(getTranslation("case.language"));
        language.setItems("kk", "ru");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        callbackConsent.setLabel(getTranslation("case.callbackConsent"));
        save.setText(getTranslation("desk.case.save"));
        save.setId("desk-case-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var close = new Button(getTranslation("detail.close"), e -> setVisible(false));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        opened.setId("desk-case-opened");
        earlier.setId("desk-case-earlier");
        earlier.addColumn(CaseSummary::number).setHeader(getTranslation("desk.case.number")).setAutoWidth(true);
        earlier.addColumn(c -> TIME.format(c.openedAt().atZone(props.zone()))).setHeader(getTranslation("calls.col.started"))
                .setAutoWidth(true);
        earlier.addColumn(c -> getTranslation("status." + c.status().name())).setHeader(getTranslation("case.status"))
                .setAutoWidth(true);
        earlier.addColumn(c -> c.question().length() > 80 ? c.question().substring(0, 80) + "…" : c.question())
                .setHeader(getTranslation("case.question")).setFlexGrow(1);
        earlier.addThemeVariants(GridVariant.LUMO_COMPACT);
        earlier.setAllRowsVisible(true);
        earlier.setEmptyStateText(getTranslation("desk.case.noEarlier"));
        earlier.addItemClickListener(e -> getUI().ifPresent(ui -> ui.getPage().open(link(e.getItem().number()), "_blank")));
        var earlierTitle = new Span(getTranslation("desk.case.earlier"));
        earlierTitle.getStyle().set("font-weight", "600");
        add(title, opened, category, question, answer, language, callbackConsent, save, close, earlierTitle, earlier);
        setWidth("32em");
    }

    /** Opens the panel for this call: its case if it has one, else a new one with my note as the question. */
    void open(CallKey of, String note) {
        var fresh = !of.equals(call);
        call = of;
        setVisible(true);
        var existing = cases.ofCall(of);
        if (!existing.isEmpty()) {
            showOpened(existing.getFirst().number());
        } else if (fresh || number != null) {
            number = null;
            title.setText(getTranslation("desk.case.new"));
            opened.removeAll();
            opened.setVisible(false);
            category.clear();
            answer.clear();
            callbackConsent.setValue(false);
            language.setValue("ru".equals(getLocale().getLanguage()) ? "ru" : "kk");
            for (var f : List.<HasValidation>of(category, question, answer)) {
                f.setInvalid(false);
            }
            question.setValue(note);
            setEditable(true);
        } else if (question.getValue().isBlank()) {
            question.setValue(note);
        }
        earlier.setItems(earlierCases(of));
    }

    /** The cases of the caller's earlier calls (the ten latest calls), newest first, without repeats. */
    private List<CaseSummary> earlierCases(CallKey of) {
        var found = new LinkedHashMap<String, CaseSummary>();
        for (var c : callLog.earlier(of, 10)) {
            for (var s : cases.ofCall(c.key())) {
                found.putIfAbsent(s.number(), s);
            }
        }
        return new ArrayList<>(found.values());
    }

    private void save() {
        if (call == null) {
            return;
        }
        for (var f : List.<HasValidation>of(category, question, answer)) {
            f.setInvalid(false);
        }
        try {
            var opened = cases.open(new CaseDraft(call.pbxId(), call.linkedid(),
                    category.getValue() == null ? null : category.getValue().code(), null, question.getValue(),
                    answer.getValue(), language.getValue(), CallerProfile.UNKNOWN, me.username(),
                    callbackConsent.getValue(), null, null));
            Notification.show(getTranslation("case.saved", opened)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            showOpened(opened);
        } catch (InvalidCase e) {
            Map<String, HasValidation> fields = Map.of("category", category, "question", question, "answer", answer);
            e.fieldErrors().forEach((field, code) -> {
                var f = fields.get(field);
                if (f != null) {
                    f.setErrorMessage(getTranslation("case.error." + code));
                    f.setInvalid(true);
                } else {
                    Notification.show(getTranslation("case.error." + code)).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("case.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showOpened(String caseNumber) {
        number = caseNumber;
        title.setText(getTranslation("case.title", caseNumber));
        opened.removeAll();
        var full = new Anchor(link(caseNumber), getTranslation("desk.case.full"));
        full.setTarget(AnchorTarget.BLANK);
        full.setId("desk-case-full");
        opened.add(new Span(getTranslation("desk.case.assigned", me.displayName()) + " "), full);
        opened.setVisible(true);
        cases.get(caseNumber).ifPresent(c -> {
            category.setValue(cases.taxonomy().categories().stream().filter(t -> t.code().equals(c.category()))
                    .findFirst().orElse(null));
            question.setValue(c.question());
            answer.setValue(c.answer() == null ? "" : c.answer());
        });
        setEditable(false);
    }

    private void setEditable(boolean editable) {
        category.setReadOnly(!editable);
        question.setReadOnly(!editable);
        answer.setReadOnly(!editable);
        language.setReadOnly(!editable);
        callbackConsent.setReadOnly(!editable);
        save.setVisible(editable);
    }

    private static String link(String caseNumber) {
        return RouteConfiguration.forSessionScope().getUrl(CaseView.class, new RouteParameters("number", caseNumber));
    }

    @Nullable String number() {
        return number;
    }
}
