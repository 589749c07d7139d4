package kz.hotline114.ui.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.quality.EvaluationForm;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.quality.InvalidEvaluation;
import kz.hotline114.security.Roles;

/**
 * The evaluation form's editor (issue 18, item 2): the experts, supervisors and admins change the sections and the
 * criteria — texts in Kazakh and Russian, a weight, a scale, "critical" (pass/fail, failing it fails the evaluation) —
 * and save it as the next version; evaluations already assigned keep the version they were given. What is wrong is
 * said at its field.
 */
@Route("quality/form")
@RolesAllowed({Roles.EVALUATOR, Roles.SUPERVISOR, Roles.ADMIN})
public class EvaluationFormView extends VerticalLayout implements HasDynamicTitle {

    private final Evaluations evaluations;
    final Span version = new Span();
    final TextField nameKk = new TextField();
    final TextField nameRu = new TextField();
    final Span formError = new Span();
    final VerticalLayout sectionsBox = new VerticalLayout();
    final List<SectionEditor> sections = new ArrayList<>();
    final Button addSection = new Button();
    final Button save = new Button();

    EvaluationFormView(Evaluations evaluations) {
        this.evaluations = evaluations;
        setMaxWidth("90em");
        version.setId("form-version");
        nameKk.setId("form-name-kk");
        nameKk.setLabel(getTranslation("form.name.kk"));
        nameKk.setWidth("30em");
        nameRu.setId("form-name-ru");
        nameRu.setLabel(getTranslation("form.name.ru"));
        nameRu.setWidth("30em");
        formError.setId("form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        sectionsBox.setPadding(false);
        addSection.setText(getTranslation("form.section.add"));
        addSection.setIcon(VaadinIcon.PLUS.create());
        addSection.setId("form-add-section");
        addSection.addClickListener(e -> addSection(new EvaluationForm.Section("", "", List.of())));
        save.setText(getTranslation("form.save"));
        save.setId("form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new H2(getTranslation("form.title")), new Paragraph(getTranslation("form.intro")), version,
                new HorizontalLayout(nameKk, nameRu), formError, sectionsBox, new HorizontalLayout(addSection, save));
        load(evaluations.currentForm());
    }

    /** Shows a stored form version to be changed. */
    void load(EvaluationForm form) {
        version.setText(getTranslation("form.current", form.version()));
        nameKk.setValue(form.nameKk());
        nameRu.setValue(form.nameRu());
        sections.clear();
        sectionsBox.removeAll();
        form.sections().forEach(this::addSection);
    }

    SectionEditor addSection(EvaluationForm.Section section) {
        var editor = new SectionEditor(section);
        sections.add(editor);
        sectionsBox.add(editor);
        return editor;
    }

    /** The form as edited now. */
    EvaluationForm edited() {
        return new EvaluationForm(0, 0, nameKk.getValue(), nameRu.getValue(),
                sections.stream().map(SectionEditor::section).toList());
    }

    /** Saves the edited form as the next version; the problems at their fields. */
    void save() {
        clearErrors();
        try {
            var saved = evaluations.saveForm(edited());
            load(saved);
            Notification.show(getTranslation("form.saved", saved.version()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidEvaluation e) {
            showErrors(e.errors());
            Notification.show(getTranslation("form.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void clearErrors() {
        formError.setText("");
        for (var f : List.of(nameKk, nameRu)) {
            f.setInvalid(false);
        }
        sections.forEach(s -> {
            s.titleKk.setInvalid(false);
            s.titleRu.setInvalid(false);
            s.rows.forEach(CriterionRow::clearErrors);
        });
    }

    /** {@code name}, {@code sections} (or a section's title), {@code <code>.code|text|weight|scale}. */
    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, problem) -> {
            String message = getTranslation("form.error." + problem);
            if (field.equals("name")) {
                for (var f : List.of(nameKk, nameRu)) {
                    f.setInvalid(f.getValue().isBlank());
                    f.setErrorMessage(message);
                }
            } else if (field.equals("sections")) {
                formError.setText(message);
                sections.forEach(s -> s.showTitleErrors(message));
            } else {
                int dot = field.lastIndexOf('.');
                String code = field.substring(0, dot);
                sections.forEach(s -> s.rows.stream().filter(r -> r.criterion().code().equals(code))
                        .forEach(r -> r.showError(field.substring(dot + 1), message)));
            }
        });
    }

    /** One section: its titles, its criteria, «add a criterion», «remove the section». */
    final class SectionEditor extends Div {
        final TextField titleKk = new TextField(getTranslation("form.section.kk"));
        final TextField titleRu = new TextField(getTranslation("form.section.ru"));
        final VerticalLayout rowsBox = new VerticalLayout();
        final List<CriterionRow> rows = new ArrayList<>();
        final Button addCriterion = new Button(getTranslation("form.criterion.add"), VaadinIcon.PLUS.create());

        SectionEditor(EvaluationForm.Section section) {
            getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%")
                    .set("box-sizing", "border-box");
            titleKk.setValue(section.titleKk());
            titleKk.setWidth("24em");
            titleRu.setValue(section.titleRu());
            titleRu.setWidth("24em");
            var remove = new Button(getTranslation("form.section.remove"), VaadinIcon.TRASH.create(), e -> {
                sections.remove(this);
                sectionsBox.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            addCriterion.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            addCriterion.addClickListener(e -> addRow(new EvaluationForm.Criterion("", "", "", 1, 2, false)));
            rowsBox.setPadding(false);
            rowsBox.setSpacing(false);
            var head = new HorizontalLayout(titleKk, titleRu, remove);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.setWrap(true);
            add(head, rowsBox, addCriterion);
            section.criteria().forEach(this::addRow);
        }

        CriterionRow addRow(EvaluationForm.Criterion c) {
            var row = new CriterionRow(c, this);
            rows.add(row);
            rowsBox.add(row);
            return row;
        }

        void showTitleErrors(String message) {
            for (var f : List.of(titleKk, titleRu)) {
                if (f.getValue().isBlank()) {
                    f.setErrorMessage(message);
                    f.setInvalid(true);
                }
            }
        }

        EvaluationForm.Section section() {
            return new EvaluationForm.Section(titleKk.getValue(), titleRu.getValue(),
                    rows.stream().map(CriterionRow::criterion).toList());
        }
    }

    /** One criterion: code, texts, weight, scale, critical (pass/fail: scale 1), «remove». */
    final class CriterionRow extends HorizontalLayout {
        final TextField code = new TextField(getTranslation("form.criterion.code"));
        final TextField textKk = new TextField(getTranslation("form.criterion.kk"));
        final TextField textRu = new TextField(getTranslation("form.criterion.ru"));
        final IntegerField weight = new IntegerField(getTranslation("form.criterion.weight"));
        final IntegerField scale = new IntegerField(getTranslation("form.criterion.scale"));
        final Checkbox critical = new Checkbox(getTranslation("form.criterion.critical"));

        CriterionRow(EvaluationForm.Criterion c, SectionEditor section) {
            code.setValue(c.code());
            code.setWidth("10em");
            if (c.code().isEmpty()) { // a new criterion: what a code looks like
                code.setHelperText(getTranslation("form.criterion.codeHelp"));
            }
            for (var text : List.of(textKk, textRu)) {
                text.setMinWidth("14em");
                setFlexGrow(1, text);
            }
            textKk.setValue(c.textKk());
            textRu.setValue(c.textRu());
            weight.setValue(c.weight());
            weight.setWidth("5.5em");
            scale.setValue(c.scale());
            scale.setWidth("5.5em");
            critical.setValue(c.critical());
            scale.setReadOnly(c.critical());
            critical.addValueChangeListener(e -> {
                if (e.getValue()) {
                    scale.setValue(1);
                }
                scale.setReadOnly(e.getValue());
            });
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                section.rows.remove(this);
                section.rowsBox.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("form.criterion.remove"));
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            setWidthFull();
            add(code, textKk, textRu, weight, scale, critical, remove);
        }

        EvaluationForm.Criterion criterion() {
            return new EvaluationForm.Criterion(code.getValue().strip().toUpperCase(java.util.Locale.ROOT),
                    textKk.getValue(), textRu.getValue(), weight.getValue() == null ? 0 : weight.getValue(),
                    scale.getValue() == null ? 0 : scale.getValue(), critical.getValue());
        }

        void clearErrors() {
            for (var f : List.of(code, textKk, textRu)) {
                f.setInvalid(false);
            }
            weight.setInvalid(false);
            scale.setInvalid(false);
        }

        void showError(String field, String message) {
            switch (field) {
                case "code" -> {
                    code.setErrorMessage(message);
                    code.setInvalid(true);
                }
                case "text" -> {
                    for (var f : List.of(textKk, textRu)) {
                        f.setErrorMessage(message);
                        f.setInvalid(f.getValue().isBlank());
                    }
                }
                case "weight" -> {
                    weight.setErrorMessage(message);
                    weight.setInvalid(true);
                }
                default -> {
                    scale.setErrorMessage(message);
                    scale.setInvalid(true);
                }
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("form.title") + " · " + getTranslation("app.title");
    }
}
