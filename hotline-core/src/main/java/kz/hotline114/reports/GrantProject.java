package kz.hotline114.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A grant project: the agreement the interim reports are filed under, with its tasks (міндет), their
 * activities (іс-шара) and indicators, and the reporting periods the agreement names.
 *
 * @param id                  0 for a project not stored yet
 * @param communicationBudget the part of the grant for communication services (KZT; the free line's minutes are paid
 *                            from it), or null when not known: the budget forecast then shows no run-out date
 */
public record GrantProject(long id, String name, String grantee, @Nullable String agreementNo,
                           @Nullable LocalDate agreementDate, @Nullable BigDecimal grantSum, LocalDate periodFrom,
                           LocalDate periodTo, List<Task> tasks, List<ReportingPeriod> periods,
                           @Nullable BigDecimal communicationBudget) {

    public GrantProject {
        tasks = List.copyOf(tasks);
        periods = List.copyOf(periods);
    }

    /** A project without a communication budget. */
    public GrantProject(long id, String name, String grantee, @Nullable String agreementNo,
                        @Nullable LocalDate agreementDate, @Nullable BigDecimal grantSum, LocalDate periodFrom,
                        LocalDate periodTo, List<Task> tasks, List<ReportingPeriod> periods) {
        this(id, name, grantee, agreementNo, agreementDate, grantSum, periodFrom, periodTo, tasks, periods, null);
    }

    /** міндет: a numbered task of the agreement; {@code titleRu} is its title in the Russian report (optional). */
    public record Task(long id, int number, String title, @Nullable String titleRu, List<Activity> activities) {
        public Task {
            activities = List.copyOf(activities);
        }

        public Task(long id, int number, String title, List<Activity> activities) {
            this(id, number, title, null, activities);
        }

        /** The title in a report's language ({@code kk} or {@code ru}): the Kazakh one where no Russian is given. */
        public String title(Locale language) {
            return inLanguage(title, titleRu, language);
        }
    }

    /** іс-шара: a numbered activity of a task; {@code titleRu} is its title in the Russian report (optional). */
    public record Activity(long id, int number, String title, @Nullable String titleRu, List<Indicator> indicators) {
        public Activity {
            indicators = List.copyOf(indicators);
        }

        public Activity(long id, int number, String title, List<Indicator> indicators) {
            this(id, number, title, null, indicators);
        }

        public String title(Locale language) {
            return inLanguage(title, titleRu, language);
        }
    }

    /**
     * A target indicator: planned value with a unit; the actual value comes from {@code metric} or, when
     * that is null, is {@code manualActual} with an {@code evidence} note.
     */
    public record Indicator(long id, String name, String unit, BigDecimal planned, @Nullable Statistic metric,
                            @Nullable BigDecimal manualActual, @Nullable String evidence, @Nullable String nameRu,
                            @Nullable String unitRu) {

        public Indicator(long id, String name, String unit, BigDecimal planned, @Nullable Statistic metric,
                         @Nullable BigDecimal manualActual, @Nullable String evidence) {
            this(id, name, unit, planned, metric, manualActual, evidence, null, null);
        }

        public String name(Locale language) {
            return inLanguage(name, nameRu, language);
        }

        public String unit(Locale language) {
            return inLanguage(unit, unitRu, language);
        }
    }

    private static String inLanguage(String kazakh, @Nullable String russian, Locale language) {
        return "ru".equals(language.getLanguage()) && russian != null && !russian.isBlank() ? russian : kazakh;
    }

    /** A reporting period named in the agreement. */
    public record ReportingPeriod(String label, LocalDate from, LocalDate to) {
    }

    /** All activities of all tasks, in order. */
    public List<Activity> activities() {
        return tasks.stream().flatMap(t -> t.activities().stream()).toList();
    }
}
