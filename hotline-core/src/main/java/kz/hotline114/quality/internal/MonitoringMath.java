package kz.hotline114.quality.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import kz.hotline114.calls.CallKey;
import kz.hotline114.quality.EvaluationForm;
import kz.hotline114.quality.Evaluations.Evaluation;
import kz.hotline114.quality.MonitoringFigures;

/** The monitoring's figures from the period's submitted evaluations (each with its call's day) and their forms. */
final class MonitoringMath {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private MonitoringMath() {
    }

    /** {@code names}: the evaluators' display names by user name (the report names people, not accounts). */
    static MonitoringFigures figures(LocalDate from, LocalDate to, long answered,
                                     List<Map.Entry<LocalDate, Evaluation>> done, Map<Long, EvaluationForm> forms,
                                     Map<String, String> names) {
        var evaluations = done.stream().map(Map.Entry::getValue).toList();
        long calls = evaluations.stream().map(Evaluation::call).distinct().count();
        Double average = evaluations.isEmpty() ? null
                : round(evaluations.stream().mapToDouble(e -> e.total() == null ? 0 : e.total()).average().orElse(0));
        var byMonth = new TreeMap<String, Map.Entry<LocalDate, Evaluation>>();
        var failures = new ArrayList<MonitoringFigures.CriticalFailure>();
        var conclusions = new ArrayList<MonitoringFigures.Conclusion>();
        for (var d : done) {
            var e = d.getValue();
            var failed = forms.get(e.formId()).criteria().stream()
                    .filter(c -> c.critical() && e.scores().getOrDefault(c.code(), 1) == 0)
                    .map(EvaluationForm.Criterion::code).toList();
            if (!failed.isEmpty()) {
                failures.add(new MonitoringFigures.CriticalFailure(d.getKey(), e.specialist(), e.queue(), failed,
                        names.getOrDefault(e.evaluator(), e.evaluator())));
            }
            if (e.conclusion() != null && !e.conclusion().isBlank()) {
                conclusions.add(new MonitoringFigures.Conclusion(d.getKey(), names.getOrDefault(e.evaluator(),
                        e.evaluator()), e.conclusion()));
            }
        }
        return new MonitoringFigures(from, to, answered, calls, evaluations.size(), average,
                groups(evaluations, e -> e.specialist() == null ? "—" : e.specialist()),
                groups(evaluations, e -> e.queue() == null ? "—" : e.queue()), criteria(evaluations, forms),
                groups(done.stream().map(d -> Map.entry(MONTH.format(d.getKey()), d.getValue())).toList()),
                failures, pairs(evaluations).size(), agreement(evaluations), conclusions);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Map<String, MonitoringFigures.Group> groups(List<Evaluation> evaluations,
                                                               Function<Evaluation, String> key) {
        return groups(evaluations.stream().map(e -> Map.entry(key.apply(e), e)).toList());
    }

    /** Groups by key, most evaluations first (months: in order). */
    private static Map<String, MonitoringFigures.Group> groups(List<Map.Entry<String, Evaluation>> keyed) {
        var lists = new TreeMap<String, List<Evaluation>>();
        keyed.forEach(k -> lists.computeIfAbsent(k.getKey(), x -> new ArrayList<>()).add(k.getValue()));
        var out = new LinkedHashMap<String, MonitoringFigures.Group>();
        lists.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Evaluation>> en) -> en.getKey().matches("\\d{4}-\\d{2}")
                        ? 0 : -en.getValue().size()).thenComparing(Map.Entry::getKey))
                .forEach(en -> out.put(en.getKey(), new MonitoringFigures.Group(en.getValue().size(),
                        round(en.getValue().stream().mapToDouble(e -> e.total() == null ? 0 : e.total()).average()
                                .orElse(0)), en.getValue().stream().filter(e -> Boolean.TRUE.equals(e.criticalFailed()))
                        .count())));
        return out;
    }

    /** Each criterion (by code, across form versions, the latest version's texts): the mean share of its points. */
    private static List<MonitoringFigures.CriterionScore> criteria(List<Evaluation> evaluations,
                                                                   Map<Long, EvaluationForm> forms) {
        var sums = new LinkedHashMap<String, double[]>();
        var texts = new LinkedHashMap<String, EvaluationForm.Criterion>();
        forms.values().stream().sorted(Comparator.comparingInt(EvaluationForm::version))
                .forEach(f -> f.criteria().forEach(c -> texts.put(c.code(), c)));
        for (var e : evaluations) {
            for (var c : forms.get(e.formId()).criteria()) {
                Integer p = e.scores().get(c.code());
                if (p != null) {
                    var sum = sums.computeIfAbsent(c.code(), k -> new double[2]);
                    sum[0] += 100.0 * p / c.scale();
                    sum[1]++;
                }
            }
        }
        var out = new ArrayList<MonitoringFigures.CriterionScore>();
        texts.forEach((code, c) -> {
            var sum = sums.get(code);
            if (sum != null) {
                out.add(new MonitoringFigures.CriterionScore(code, c.textKk(), c.textRu(), c.critical(),
                        round(sum[0] / sum[1]), (long) sum[1]));
            }
        });
        return out;
    }

    /** The calls two evaluators scored: the first two evaluations of each. */
    private static List<Evaluation[]> pairs(List<Evaluation> evaluations) {
        var byCall = new LinkedHashMap<CallKey, List<Evaluation>>();
        evaluations.forEach(e -> byCall.computeIfAbsent(e.call(), k -> new ArrayList<>()).add(e));
        return byCall.values().stream().filter(l -> l.size() >= 2).map(l -> new Evaluation[] {l.get(0), l.get(1)})
                .toList();
    }

    private static Double agreement(List<Evaluation> evaluations) {
        var pairs = pairs(evaluations);
        if (pairs.isEmpty()) {
            return null;
        }
        return round(100 - pairs.stream().mapToDouble(p -> Math.abs(total(p[0]) - total(p[1]))).average().orElse(0));
    }

    private static double total(Evaluation e) {
        return e.total() == null ? 0 : e.total();
    }
}
