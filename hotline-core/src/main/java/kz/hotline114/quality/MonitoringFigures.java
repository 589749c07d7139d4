package kz.hotline114.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the quality monitoring of a period found (the monitoring report's figures): how many answered calls were
 * evaluated, the scores per specialist, queue, criterion and month, the critical failures, how far two evaluators of
 * the same call agreed, and the experts' conclusions. Only submitted evaluations count.
 *
 * @param answered      answered calls in the period
 * @param evaluatedCalls calls with at least one submitted evaluation
 * @param averageTotal  the mean total of the submitted evaluations, % (null without any)
 * @param agreement     100 − the mean absolute difference of two evaluators' totals on the same call, % (null without
 *                      such pairs)
 */
public record MonitoringFigures(LocalDate from, LocalDate to, long answered, long evaluatedCalls, long evaluations,
                                @Nullable Double averageTotal, Map<String, Group> bySpecialist,
                                Map<String, Group> byQueue, List<CriterionScore> byCriterion,
                                Map<String, Group> byMonth, List<CriticalFailure> criticalFailures,
                                long calibrationPairs, @Nullable Double agreement, List<Conclusion> conclusions) {

    public MonitoringFigures {
        bySpecialist = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySpecialist));
        byQueue = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byQueue));
        byMonth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byMonth));
        byCriterion = List.copyOf(byCriterion);
        criticalFailures = List.copyOf(criticalFailures);
        conclusions = List.copyOf(conclusions);
    }

    /** Evaluated calls of the period / answered calls, % (0 without answered calls). */
    public double coverage() {
        return answered == 0 ? 0 : Math.round(evaluatedCalls * 1000.0 / answered) / 10.0;
    }

    /** Evaluations of a group: how many, their mean total (%), how many failed a critical criterion. */
    public record Group(long evaluations, double averageTotal, long criticalFailures) {
    }

    /** A criterion across the period: the mean share of its points (%), over how many evaluations. */
    public record CriterionScore(String code, String textKk, String textRu, boolean critical, double averagePercent,
                                 long evaluations) {
    }

    /** A failed critical criterion: when the call was, whose it was, which criteria failed, the evaluator. */
    public record CriticalFailure(LocalDate day, @Nullable String specialist, @Nullable String queue,
                                  List<String> criteria, String evaluator) {
        public CriticalFailure {
            criteria = List.copyOf(criteria);
        }
    }

    /** An expert's conclusion on a call. */
    public record Conclusion(LocalDate day, String evaluator, String text) {
    }
}
