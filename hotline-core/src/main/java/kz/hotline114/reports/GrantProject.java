package kz.hotline114.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A grant project: the agreement the interim reports are filed under, with its tasks (міндет), their
 * activities (іс-шара) and indicators, and the reporting periods the agreement names.
 *
 * @param id 0 for a project not stored yet
 */
public record GrantProject(long id, String name, String grantee, @Nullable String agreementNo,
                           @Nullable LocalDate agreementDate, @Nullable BigDecimal grantSum, LocalDate periodFrom,
                           LocalDate periodTo, List<Task> tasks, List<ReportingPeriod> periods) {

    public GrantProject {
        tasks = List.copyOf(tasks);
        periods = List.copyOf(periods);
    }

    /** міндет: a numbered task of the agreement. */
    public record Task(long id, int number, String title, List<Activity> activities) {
        public Task {
            activities = List.copyOf(activities);
        }
    }

    /** іс-шара: a numbered activity of a task. */
    public record Activity(long id, int number, String title, List<Indicator> indicators) {
        public Activity {
            indicators = List.copyOf(indicators);
        }
    }

    /**
     * A target indicator: planned value with a unit; the actual value comes from {@code metric} or, when
     * that is null, is {@code manualActual} with an {@code evidence} note.
     */
    public record Indicator(long id, String name, String unit, BigDecimal planned, @Nullable Statistic metric,
                            @Nullable BigDecimal manualActual, @Nullable String evidence) {
    }

    /** A reporting period named in the agreement. */
    public record ReportingPeriod(String label, LocalDate from, LocalDate to) {
    }

    /** All activities of all tasks, in order. */
    public List<Activity> activities() {
        return tasks.stream().flatMap(t -> t.activities().stream()).toList();
    }
}
