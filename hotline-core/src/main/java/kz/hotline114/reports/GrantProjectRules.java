package kz.hotline114.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import kz.hotline114.reports.GrantProject.Activity;
import kz.hotline114.reports.GrantProject.Indicator;
import kz.hotline114.reports.GrantProject.ReportingPeriod;
import kz.hotline114.reports.GrantProject.Task;

/**
 * What makes a grant project valid, field by field: {@link GrantProjects#save} refuses a project with
 * {@link #problems(GrantProject)}, and a form checks each field with the same rule as it is typed. Each rule
 * answers null (good) or a problem code ({@code required}, {@code negative}, {@code required-not-negative},
 * {@code duplicate-or-invalid}, {@code to-before-from}, {@code not-an-indicator-metric}, {@code invalid}) that
 * the screens translate.
 */
public final class GrantProjectRules {

    private GrantProjectRules() {
    }

    /** Text that must be there: a project's name and grantee, a title, a unit. */
    public static @Nullable String required(@Nullable String text) {
        return text == null || text.isBlank() ? "required" : null;
    }

    /** An amount that may be left out but is never negative: the grant's sum, an actual value by hand. */
    public static @Nullable String notNegative(@Nullable BigDecimal amount) {
        return amount != null && amount.signum() < 0 ? "negative" : null;
    }

    /** An indicator's planned value: there, and not negative. */
    public static @Nullable String planned(@Nullable BigDecimal planned) {
        return planned == null || planned.signum() < 0 ? "required-not-negative" : null;
    }

    /** A task's or an activity's number: from 1, and none of its siblings' ({@code others}, itself left out). */
    public static @Nullable String number(@Nullable Integer number, Collection<Integer> others) {
        return number == null || number < 1 || others.contains(number) ? "duplicate-or-invalid" : null;
    }

    /** The agreement's period: both days, the end not before the start. */
    public static @Nullable String period(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null || to == null) {
            return "required";
        }
        return to.isBefore(from) ? "to-before-from" : null;
    }

    /** Where an indicator's actual value comes from: a figure that can be one, or none (by hand). */
    public static @Nullable String metric(@Nullable Statistic metric) {
        return metric != null && !metric.indicatorMetric() ? "not-an-indicator-metric" : null;
    }

    /** The communication-services budget: optional, not negative, and a part of the grant (not above its sum). */
    public static @Nullable String communicationBudget(@Nullable BigDecimal budget, @Nullable BigDecimal grantSum) {
        String negative = notNegative(budget);
        if (negative != null) {
            return negative;
        }
        return budget != null && grantSum != null && budget.compareTo(grantSum) > 0 ? "above-grant-sum" : null;
    }

    /** A reporting period named in the agreement: a label and its two days in order. */
    public static @Nullable String reportingPeriod(ReportingPeriod r) {
        return required(r.label()) != null || period(r.from(), r.to()) != null ? "invalid" : null;
    }

    /**
     * Every problem of a project, by field: {@code name}, {@code grantee}, {@code period}, {@code grantSum},
     * {@code periods}, and in the tree {@code task.1.number}, {@code task.1.2.title}, {@code task.1.2.3.unit}…
     * Empty when the project can be stored.
     */
    public static Map<String, String> problems(GrantProject p) {
        var errors = new LinkedHashMap<String, String>();
        put(errors, "name", required(p.name()));
        put(errors, "grantee", required(p.grantee()));
        put(errors, "period", period(p.periodFrom(), p.periodTo()));
        put(errors, "grantSum", notNegative(p.grantSum()));
        put(errors, "communicationBudget", communicationBudget(p.communicationBudget(), p.grantSum()));
        var taskNumbers = new ArrayList<Integer>();
        for (Task t : p.tasks()) {
            String key = "task." + t.number();
            put(errors, key + ".number", number(t.number(), taskNumbers));
            taskNumbers.add(t.number());
            put(errors, key + ".title", required(t.title()));
            var activityNumbers = new ArrayList<Integer>();
            for (Activity a : t.activities()) {
                String akey = key + "." + a.number();
                put(errors, akey + ".number", number(a.number(), activityNumbers));
                activityNumbers.add(a.number());
                put(errors, akey + ".title", required(a.title()));
                indicators(errors, akey, a.indicators());
            }
        }
        p.periods().forEach(r -> put(errors, "periods", reportingPeriod(r)));
        return errors;
    }

    private static void indicators(Map<String, String> errors, String activityKey, List<Indicator> indicators) {
        int n = 0;
        for (Indicator i : indicators) {
            String key = activityKey + "." + (++n);
            put(errors, key + ".name", required(i.name()));
            put(errors, key + ".unit", required(i.unit()));
            put(errors, key + ".planned", planned(i.planned()));
            put(errors, key + ".metric", metric(i.metric()));
            put(errors, key + ".manualActual", notNegative(i.manualActual()));
        }
    }

    private static void put(Map<String, String> errors, String field, @Nullable String problem) {
        if (problem != null) {
            errors.put(field, problem);
        }
    }
}
