package kz.hotline114.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallKey;

/**
 * The quality monitoring's work: the form, the sample of answered and recorded calls (N per specialist and queue, drawn
 * reproducibly from a recorded seed, assigned evenly to the evaluators, a share of them to two for calibration), the
 * evaluators' scores. Supervisors and admins sample, assign and see everything; an evaluator sees and scores only what
 * is assigned to them.
 */
public interface Evaluations {

    enum Status { ASSIGNED, DRAFT, SUBMITTED }

    /** The evaluated specialist's answer to a submitted evaluation. */
    enum Response { ACKNOWLEDGED, DISPUTED }

    /** One evaluator's evaluation of one call, with the form version it is scored on. */
    record Evaluation(long id, @Nullable Long sampleId, CallKey call, String evaluator, long formId,
                      boolean calibration, Status status, Map<String, Integer> scores, Map<String, String> comments,
                      @Nullable String conclusion, @Nullable Double total, @Nullable Boolean criticalFailed,
                      @Nullable String specialist, @Nullable String queue, Instant assignedAt,
                      @Nullable Instant submittedAt, @Nullable Response response, @Nullable String responseComment,
                      @Nullable String resolution) {
        public Evaluation {
            scores = Map.copyOf(scores);
            comments = Map.copyOf(comments);
        }
    }

    /** A drawn sample: its period, seed and rules, and what it gave. */
    record Sample(long id, LocalDate from, LocalDate to, long seed, int perStratum, double calibrationShare,
                  int calls, List<Evaluation> evaluations) {
        public Sample {
            evaluations = List.copyOf(evaluations);
        }
    }

    /** The form new evaluations are scored on: the latest version. */
    EvaluationForm currentForm();

    /** A form version by id. */
    EvaluationForm form(long id);

    /** Stores a changed form as the next version (admins, supervisors, evaluators); the problems as {@code InvalidForm}. */
    EvaluationForm saveForm(EvaluationForm form);

    /**
     * Draws the sample of the days {@code from}..{@code to}: of the answered calls with a recording, {@code perStratum}
     * per (first specialist, first queue), chosen by a seeded shuffle (the same seed, the same calls), assigned to the
     * evaluators in turn; {@code calibrationShare} of them also to a second evaluator. Seed null = a new one, recorded.
     */
    Sample sample(LocalDate from, LocalDate to, int perStratum, double calibrationShare, @Nullable Long seed);

    /** Assigns one call by hand (supervisors, admins). */
    Evaluation assign(CallKey call, String evaluator);

    /** The evaluations of calls in the days {@code from}..{@code to} the user may see. */
    List<Evaluation> list(LocalDate from, LocalDate to);

    /** One evaluation the user may see. */
    Evaluation get(long id);

    /**
     * The evaluator's scores, comments per criterion and conclusion: kept as a draft, or submitted (then every criterion
     * needs its points, the total and a critical failure are computed, and it can no longer change).
     */
    Evaluation save(long id, Map<String, Integer> scores, Map<String, String> comments, @Nullable String conclusion,
                    boolean submit);

    /**
     * The monitoring's figures for the days {@code from}..{@code to} (supervisors, admins and reporters: aggregates and
     * the experts' conclusions, no caller's data).
     */
    MonitoringFigures figures(LocalDate from, LocalDate to);

    /** The signed-in specialist's submitted evaluations (of calls they answered) in the days {@code from}..{@code to}. */
    List<Evaluation> mine(LocalDate from, LocalDate to);

    /** The evaluated specialist acknowledges a submitted evaluation, or disputes it (a comment required). */
    Evaluation respond(long id, Response response, @Nullable String comment);

    /** A supervisor resolves a dispute (what was decided, required). */
    Evaluation resolve(long id, String resolution);

    /** The evaluators: enabled users with the EVALUATOR role, by user name. */
    List<String> evaluators();
}
