package kz.hotline114.ui.quality;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;

import kz.hotline114.quality.EvaluationForm;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.ui.KaribuIT;

/**
 * An outside expert changes the evaluation form: a weight out of range and a new criterion without code or texts are
 * said at their fields and nothing is stored; corrected, the form is stored as the next version with the new critical
 * criterion (pass/fail). The starting form is put back afterwards (the other tests score on it).
 */
class EvaluationFormViewIT extends KaribuIT {

    @Autowired
    Evaluations evaluations;
    @Autowired
    JdbcTemplate jdbc;

    private static EvaluationFormView.CriterionRow row(EvaluationFormView view, String code) {
        return view.sections.stream().flatMap(s -> s.rows.stream()).filter(r -> r.code.getValue().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void an_expert_saves_a_changed_form_as_its_next_version_with_errors_at_the_fields() {
        signIn("form-super", "SUPERVISOR");
        var original = evaluations.currentForm();
        try {
            signIn("form-expert", "EVALUATOR");
            UI.getCurrent().navigate(EvaluationsView.class);
            _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("quality-form-link")));
            var view = _get(EvaluationFormView.class);
            assertThat(view.version.getText()).isEqualTo("Қазіргі нұсқа: " + original.version());
            assertThat(view.sections).hasSize(original.sections().size());
            assertThat(row(view, "CORRECTNESS").weight.getValue()).isEqualTo(3);

            row(view, "CORRECTNESS").weight.setValue(0);
            var added = view.sections.getFirst().addRow(new EvaluationForm.Criterion("", "", "", 1, 2, false));
            _click(view.save);
            assertThat(row(view, "CORRECTNESS").weight.isInvalid()).isTrue();
            assertThat(row(view, "CORRECTNESS").weight.getErrorMessage()).isEqualTo("1-ден 10-ға дейін");
            assertThat(added.code.isInvalid()).as("no code").isTrue();
            assertThat(added.textKk.isInvalid()).as("no text").isTrue();
            assertThat(evaluations.currentForm().version()).as("nothing stored").isEqualTo(original.version());

            row(view, "CORRECTNESS").weight.setValue(2);
            added.code.setValue("sources");
            added.textKk.setValue("Дереккөзге сүйенді");
            added.textRu.setValue("Опирался на источник");
            added.scale.setValue(3);
            added.critical.setValue(true);
            assertThat(added.scale.getValue()).as("critical: pass/fail").isEqualTo(1);
            assertThat(added.scale.isReadOnly()).isTrue();
            _click(view.save);

            var saved = evaluations.currentForm();
            assertThat(saved.version()).isEqualTo(original.version() + 1);
            assertThat(view.version.getText()).isEqualTo("Қазіргі нұсқа: " + saved.version());
            assertThat(saved.criteria()).hasSize(original.criteria().size() + 1)
                    .anySatisfy(c -> assertThat(c).isEqualTo(new EvaluationForm.Criterion("SOURCES",
                            "Дереккөзге сүйенді", "Опирался на источник", 1, 1, true)))
                    .anySatisfy(c -> assertThat(c.code().equals("CORRECTNESS") && c.weight() == 2).isTrue());
            assertThat(evaluations.form(original.id())).as("the earlier version is kept as it was").isEqualTo(original);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'EVALUATION_FORM_SAVED'"
                    + " and username = 'form-expert' and subject = ?", Long.class, "v" + saved.version())).isEqualTo(1);
        } finally {
            signIn("form-super", "SUPERVISOR");
            evaluations.saveForm(original); // the starting form again, as the newest version
        }
    }
}
