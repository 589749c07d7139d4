package kz.hotline114.ui.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.cases.Cases;
import kz.hotline114.quality.EvaluationForm;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.quality.InvalidEvaluation;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * The quality monitoring (issue 18): an outside expert sees the calls assigned to them for a month, listens to one
 * (the recording's player), and scores it on the form — points per criterion, a comment each, a conclusion — as a
 * draft or submitted; a specialist sees the evaluations of their own calls and acknowledges or disputes each; a
 * supervisor sees every evaluation, draws the month's sample and resolves disputes. No caller number is shown.
 */
@Route("quality")
@Menu(title = "quality.menu", order = 115, icon = "vaadin:star-half-left-o")
@RolesAllowed({Roles.EVALUATOR, Roles.SPECIALIST, Roles.SUPERVISOR, Roles.ADMIN})
public class EvaluationsView extends VerticalLayout implements HasDynamicTitle {

    private final Evaluations evaluations;
    private final HotlineProperties props;
    private final Clock clock;
    private final Cases cases;
    final DateField month = new DateField();
    final Grid<Evaluations.Evaluation> list = new Grid<>();
    final Div editor = new Div();
    final Map<String, RadioButtonGroup<Integer>> points = new LinkedHashMap<>();
    final Map<String, TextField> comments = new LinkedHashMap<>();
    final TextArea conclusion = new TextArea();
    final Button saveDraft = new Button();
    final Button submit = new Button();
    final Span total = new Span();
    /** A supervisor's line on the month: coverage, the mean total, the calibration agreement. */
    final Span summary = new Span();
    final TextArea answer = new TextArea();
    final Button acknowledge = new Button();
    final Button dispute = new Button();
    final Button resolve = new Button();
    Evaluations.@Nullable Evaluation open;

    EvaluationsView(Evaluations evaluations, HotlineProperties props, Clock clock, Cases cases) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.props = props;
        this.clock = clock;
        setMaxWidth("90em");
        month.setId("quality-month");
        month.setLabel(getTranslation("quality.month"));
        month.setValue(YearMonth.now(clock.withZone(props.zone())).atDay(1));
        month.addValueChangeListener(e -> refresh());
        configureList();
        editor.setId("quality-editor");
        editor.setWidthFull();
        saveDraft.addClickListener(e -> save(false));
        submit.addClickListener(e -> save(true));
        acknowledge.addClickListener(e -> respond(Evaluations.Response.ACKNOWLEDGED));
        dispute.addClickListener(e -> respond(Evaluations.Response.DISPUTED));
        resolve.addClickListener(e -> resolve());
        add(new H2(getTranslation("quality.title")), new Paragraph(getTranslation(supervises()
                ? "quality.intro.supervisor" : evaluates() ? "quality.intro.evaluator" : "quality.intro.specialist")),
                month);
        if (supervises() || evaluates()) {
            var formLink = new Button(getTranslation("form.open"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(EvaluationFormView.class)));
            formLink.setId("quality-form-link");
            formLink.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(formLink);
        }
        if (supervises()) {
            summary.setId("quality-summary");
            add(summary, new SampleForm());
        }
        add(list, editor);
        refresh();
    }

    private static boolean evaluates() {
        return CurrentUser.has(Role.EVALUATOR);
    }

    private static boolean supervises() {
        return CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN);
    }

    private void configureList() {
        list.setId("quality-list");
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        list.setAllRowsVisible(true);
        list.setEmptyStateText(getTranslation("quality.none"));
        list.addColumn(e -> Formats.DATE_TIME.format(e.assignedAt().atZone(props.zone())))
                .setHeader(getTranslation("quality.col.assigned")).setAutoWidth(true);
        list.addColumn(e -> e.queue() == null ? "" : getTranslation("queue." + e.queue()))
                .setHeader(getTranslation("quality.col.queue")).setAutoWidth(true);
        list.addColumn(Evaluations.Evaluation::specialist).setHeader(getTranslation("quality.col.specialist"))
                .setAutoWidth(true);
        if (supervises()) {
            list.addColumn(Evaluations.Evaluation::evaluator).setHeader(getTranslation("quality.col.evaluator"))
                    .setAutoWidth(true);
        }
        list.addColumn(e -> getTranslation("quality.status." + e.status().name())
                + (e.calibration() ? " · " + getTranslation("quality.calibration") : ""))
                .setHeader(getTranslation("quality.col.status")).setAutoWidth(true);
        list.addColumn(e -> e.total() == null ? "" : percent(e.total())
                + (Boolean.TRUE.equals(e.criticalFailed()) ? " · " + getTranslation("quality.critical") : ""))
                .setHeader(getTranslation("quality.col.total")).setFlexGrow(1);
        list.addItemClickListener(e -> show(e.getItem()));
    }

    void refresh() {
        var first = (month.getValue() == null ? LocalDate.now(clock.withZone(props.zone())) : month.getValue())
                .withDayOfMonth(1);
        var last = first.plusMonths(1).minusDays(1);
        list.setItems(supervises() || evaluates() ? evaluations.list(first, last) : evaluations.mine(first, last));
        if (supervises()) {
            var f = evaluations.figures(first, last);
            summary.setText(getTranslation("quality.summary", f.evaluatedCalls(), f.answered(), percent(f.coverage()),
                    f.averageTotal() == null ? "—" : percent(f.averageTotal()))
                    + (f.agreement() == null ? "" : " · " + getTranslation("quality.summary.agreement",
                    percent(f.agreement()), f.calibrationPairs())));
        }
    }

    private String percent(double value) {
        return String.format(getLocale(), "%.1f %%", value);
    }

    /** Opens an evaluation: the player, the form with its points and comments, the conclusion. */
    void show(Evaluations.Evaluation e) {
        open = evaluations.get(e.id());
        editor.removeAll();
        points.clear();
        comments.clear();
        var form = evaluations.form(open.formId());
        var locale = getLocale();
        editor.add(new H3(form.name(locale) + " · " + getTranslation("quality.version", form.version())));
        editor.add(player(open));
        if (supervises() || evaluates()) {
            editor.add(caseTexts(open));
        }
        boolean editable = open.evaluator().equals(CurrentUser.name()) && open.status() != Evaluations.Status.SUBMITTED;
        for (var section : form.sections()) {
            var title = new Span(section.title(locale));
            title.getStyle().set("font-weight", "600");
            editor.add(new Div(title));
            section.criteria().forEach(c -> editor.add(criterion(c, open, editable)));
        }
        conclusion.setId("quality-conclusion");
        conclusion.setLabel(getTranslation("quality.conclusion"));
        conclusion.setWidthFull();
        conclusion.setValue(open.conclusion() == null ? "" : open.conclusion());
        conclusion.setReadOnly(!editable);
        total.setId("quality-total");
        total.setText(open.total() == null ? "" : getTranslation("quality.totalIs", String.format(getLocale(), "%.1f",
                open.total())) + (Boolean.TRUE.equals(open.criticalFailed()) ? " · " + getTranslation("quality.critical")
                : ""));
        editor.add(conclusion, total);
        answers(open);
        if (editable) {
            saveDraft.setText(getTranslation("quality.saveDraft"));
            saveDraft.setId("quality-save-draft");
            submit.setText(getTranslation("quality.submit"));
            submit.setId("quality-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            editor.add(new HorizontalLayout(saveDraft, submit));
        }
    }

    /** The specialist's answer (acknowledge / dispute) and the supervisor's resolution of a dispute. */
    private void answers(Evaluations.Evaluation e) {
        if (e.response() != null) {
            var said = new Span(getTranslation("quality.response." + e.response().name())
                    + (e.responseComment() == null ? "" : ": " + e.responseComment())
                    + (e.resolution() == null ? "" : " · " + getTranslation("quality.resolution") + ": " + e.resolution()));
            said.setId("quality-response");
            editor.add(new Div(said));
        }
        answer.setId("quality-answer");
        answer.setWidthFull();
        answer.setInvalid(false);
        answer.clear();
        boolean specialist = e.status() == Evaluations.Status.SUBMITTED && e.response() == null && !supervises()
                && !evaluates();
        boolean disputed = e.response() == Evaluations.Response.DISPUTED && e.resolution() == null && supervises();
        if (specialist) {
            answer.setLabel(getTranslation("quality.answer"));
            acknowledge.setText(getTranslation("quality.acknowledge"));
            acknowledge.setId("quality-acknowledge");
            dispute.setText(getTranslation("quality.dispute"));
            dispute.setId("quality-dispute");
            editor.add(answer, new HorizontalLayout(acknowledge, dispute));
        } else if (disputed) {
            answer.setLabel(getTranslation("quality.resolution"));
            resolve.setText(getTranslation("quality.resolve"));
            resolve.setId("quality-resolve");
            editor.add(answer, resolve);
        }
    }

    void respond(Evaluations.Response response) {
        if (open == null) {
            return;
        }
        try {
            show(evaluations.respond(open.id(), response, answer.getValue()));
            Notification.show(getTranslation("quality.responded." + response.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidEvaluation e) {
            answer.setErrorMessage(getTranslation("quality.answerRequired"));
            answer.setInvalid(true);
        }
    }

    void resolve() {
        if (open == null) {
            return;
        }
        try {
            show(evaluations.resolve(open.id(), answer.getValue()));
            refresh();
        } catch (InvalidEvaluation e) {
            answer.setErrorMessage(getTranslation("quality.answerRequired"));
            answer.setInvalid(true);
        }
    }

    private Div criterion(EvaluationForm.Criterion c, Evaluations.Evaluation e, boolean editable) {
        var group = new RadioButtonGroup<Integer>();
        group.setId("quality-points-" + c.code());
        group.setLabel(c.text(getLocale()) + (c.critical() ? " — " + getTranslation("quality.criticalCriterion") : ""));
        var options = new java.util.ArrayList<Integer>();
        for (int p = 0; p <= c.scale(); p++) {
            options.add(p);
        }
        group.setItems(options);
        group.setItemLabelGenerator(p -> c.critical() ? getTranslation(p == 1 ? "quality.pass" : "quality.fail")
                : String.valueOf(p));
        group.setValue(e.scores().get(c.code()));
        group.setReadOnly(!editable);
        group.setMinWidth("28em"); // the comment fields in one column
        var comment = new TextField();
        comment.setId("quality-comment-" + c.code());
        comment.setPlaceholder(getTranslation("quality.comment"));
        comment.setWidth("30em");
        comment.setValue(e.comments().getOrDefault(c.code(), ""));
        comment.setReadOnly(!editable);
        points.put(c.code(), group);
        comments.put(c.code(), comment);
        var row = new HorizontalLayout(group, comment);
        row.setAlignItems(FlexComponent.Alignment.END);
        row.setWrap(true);
        return new Div(row);
    }

    private Div player(Evaluations.Evaluation e) {
        var audio = new Element("audio");
        audio.setAttribute("controls", true);
        audio.setAttribute("preload", "none");
        audio.setAttribute("id", "quality-audio");
        // the console's own path (its session), not /api/** (HTTP Basic only): see RecordingsApi
        audio.setAttribute("src", "/recordings/" + e.call().pbxId() + "/" + e.call().linkedid());
        audio.getStyle().set("width", "100%");
        var box = new Div();
        box.getElement().appendChild(audio);
        box.add(new Span(getTranslation("quality.callFacts", e.queue() == null ? "—" : getTranslation("queue."
                + e.queue()), e.specialist() == null ? "—" : e.specialist())));
        return box;
    }

    /** The question asked and the answer given in the call's case (an outside expert has no case list, only this). */
    private Div caseTexts(Evaluations.Evaluation e) {
        var box = new Div();
        box.setId("quality-case");
        box.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)").set("padding-left", "var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0");
        var heading = new Span(getTranslation("quality.case"));
        heading.getStyle().set("font-weight", "600");
        box.add(new Div(heading));
        var found = cases.ofEvaluatedCall(e.call());
        if (found.isEmpty()) {
            box.add(new Paragraph(getTranslation("quality.case.none")));
        }
        for (var c : found) {
            box.add(new Paragraph(getTranslation("quality.case.question", c.question())),
                    new Paragraph(getTranslation("quality.case.answer", c.answer() == null ? "—" : c.answer())));
        }
        return box;
    }

    /** Keeps the points and comments: a draft, or submitted (every criterion needs its points). */
    void save(boolean finish) {
        if (open == null) {
            return;
        }
        var scores = new LinkedHashMap<String, Integer>();
        points.forEach((code, group) -> {
            group.setInvalid(false);
            if (group.getValue() != null) {
                scores.put(code, group.getValue());
            }
        });
        var notes = new LinkedHashMap<String, String>();
        comments.forEach((code, field) -> {
            if (!field.getValue().isBlank()) {
                notes.put(code, field.getValue().strip());
            }
        });
        try {
            var saved = evaluations.save(open.id(), scores, notes, conclusion.getValue(), finish);
            Notification.show(getTranslation(finish ? "quality.submitted" : "quality.saved", saved.total() == null ? ""
                    : String.format(getLocale(), "%.1f", saved.total()))).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            show(saved);
        } catch (InvalidEvaluation ex) {
            ex.errors().keySet().forEach(code -> {
                var group = points.get(code);
                if (group != null) {
                    group.setErrorMessage(getTranslation("quality.pointsRequired"));
                    group.setInvalid(true);
                }
            });
            Notification.show(getTranslation("quality.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The supervisor's draw of a sample for the chosen month. */
    final class SampleForm extends HorizontalLayout {
        final IntegerField perStratum = new IntegerField(getTranslation("quality.sample.perStratum"));
        final NumberField share = new NumberField(getTranslation("quality.sample.share"));
        final TextField seed = new TextField(getTranslation("quality.sample.seed"));
        final Button draw = new Button(getTranslation("quality.sample.draw"));

        SampleForm() {
            perStratum.setId("quality-per-stratum");
            perStratum.setValue(2);
            perStratum.setMin(1);
            share.setId("quality-share");
            share.setValue(0.1);
            seed.setId("quality-seed");
            seed.setPlaceholder(getTranslation("quality.sample.seedAuto"));
            draw.setId("quality-draw");
            draw.addClickListener(e -> draw());
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(perStratum, share, seed, draw);
        }

        void draw() {
            var first = month.getValue() == null ? null : month.getValue().withDayOfMonth(1);
            if (first == null) {
                month.setInvalid(true);
                return;
            }
            Long s = null;
            seed.setInvalid(false);
            if (!seed.getValue().isBlank()) {
                try {
                    s = Long.parseLong(seed.getValue().strip());
                } catch (NumberFormatException e) {
                    seed.setErrorMessage(getTranslation("quality.sample.badSeed"));
                    seed.setInvalid(true);
                    return;
                }
            }
            try {
                var sample = evaluations.sample(first, first.plusMonths(1).minusDays(1),
                        perStratum.getValue() == null ? 2 : perStratum.getValue(),
                        share.getValue() == null ? 0 : share.getValue(), s);
                Notification.show(getTranslation("quality.sample.drawn", sample.calls(), sample.evaluations().size(),
                        String.valueOf(sample.seed()))).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidEvaluation e) {
                Notification.show(getTranslation("quality.sample.invalid", String.join(", ", e.errors().keySet())))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quality.title") + " · " + getTranslation("app.title");
    }
}
