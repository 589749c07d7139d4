package kz.hotline114.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Scoring against a form: weights, scales, a critical criterion that fails it all, and the form's own rules. */
class EvaluationFormTest {

    static final EvaluationForm FORM = new EvaluationForm(1, 1, "Форма", "Форма", List.of(
            new EvaluationForm.Section("Тыңдау", "Слушание", List.of(
                    new EvaluationForm.Criterion("LISTENING", "т", "с", 2, 4, false),
                    new EvaluationForm.Criterion("GREETING", "т", "с", 1, 2, false))),
            new EvaluationForm.Section("Қорғау", "Защита", List.of(
                    new EvaluationForm.Criterion("NO_HARM", "т", "с", 1, 1, true)))));

    @Test
    void the_total_is_the_weighted_share_of_the_points_and_a_failed_critical_criterion_fails_it_all() {
        // (2 × 3/4 + 1 × 1/2) / 3 = 2/3
        var score = FORM.score(Map.of("LISTENING", 3, "GREETING", 1, "NO_HARM", 1));
        assertThat(score.totalPercent()).isEqualTo(66.7);
        assertThat(score.criticalFailed()).isFalse();
        assertThat(FORM.score(Map.of("LISTENING", 4, "GREETING", 2, "NO_HARM", 1)).totalPercent()).isEqualTo(100.0);
        var failed = FORM.score(Map.of("LISTENING", 4, "GREETING", 2, "NO_HARM", 0));
        assertThat(failed.criticalFailed()).isTrue();
        assertThat(failed.totalPercent()).isZero();
        assertThat(failed.failedCritical()).containsExactly("NO_HARM");
    }

    @Test
    void every_criterion_needs_its_points_within_its_scale_and_nothing_else() {
        assertThatThrownBy(() -> FORM.score(Map.of("LISTENING", 3, "NO_HARM", 1))).hasMessageStartingWith("GREETING");
        assertThatThrownBy(() -> FORM.score(Map.of("LISTENING", 5, "GREETING", 1, "NO_HARM", 1)))
                .hasMessageStartingWith("LISTENING: 0..4");
        var extra = new HashMap<>(Map.of("LISTENING", 3, "GREETING", 1, "NO_HARM", 1));
        extra.put("SMILE", 1);
        assertThatThrownBy(() -> FORM.score(extra)).hasMessageStartingWith("SMILE");
    }

    @Test
    void a_form_names_its_problems() {
        assertThat(FORM.problems()).isEmpty();
        var bad = new EvaluationForm(0, 0, "", "Форма", List.of(new EvaluationForm.Section("Т", "С", List.of(
                new EvaluationForm.Criterion("A", "т", "с", 0, 2, false),
                new EvaluationForm.Criterion("A", "т", "с", 1, 2, false),
                new EvaluationForm.Criterion("C", "т", "с", 1, 3, true)))));
        assertThat(bad.problems()).containsEntry("name", "required").containsEntry("A.weight", "between-1-and-10")
                .containsEntry("A.code", "duplicate-or-invalid").containsEntry("C.scale", "critical-is-pass-fail");
    }
}
