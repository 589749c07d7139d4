package kz.hotline114.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An interim programme report in seed 004's structure, figures and texts together: what the DOCX, the
 * PDF, the preview and the JSON API all show. A final report is this record as it was stored when it was
 * finalised.
 *
 * @param version       the content version it was built from (0 = nothing saved yet)
 * @param tasks         section 1: activities by task with narrative and indicators planned vs actual
 * @param calls         the call-statistics paragraph and tables
 * @param cases         religion questions and psychological-support requests (consultation cases)
 * @param centre        the centre's consultations, events and participants
 * @param events        the events table (events register)
 * @param risks         section 2: the risks table
 * @param attachments   the attachments table
 * @param participants  participants by gender, age bracket and social status (final-report statistics, seed 001)
 * @param budget        the communication budget as of the period's end (the wrong-number risk's figures); null in
 *                      reports finalised before it was kept
 */
public record InterimReport(long projectId, String projectName, String grantee, @Nullable String agreementNo,
                            @Nullable LocalDate agreementDate, @Nullable BigDecimal grantSum, LocalDate from,
                            LocalDate to, Status status, int version, Instant generatedAt,
                            @Nullable Instant finalisedAt, @Nullable String finalisedBy, List<TaskSection> tasks,
                            CallFigures calls, CaseFigures cases, CentreFigures centre, List<EventRow> events,
                            List<ReportContent.Risk> risks, List<ReportContent.Attachment> attachments,
                            Participants participants, @Nullable String leader, @Nullable String leaderPosition,
                            @Nullable BudgetFigures budget, @Nullable RiskFigures atRisk) {

    public enum Status { DRAFT, FINAL }

    /**
     * The project's communication budget as of {@code asOf} (the period's end, or today while it runs): see
     * {@link BudgetForecasts.Forecast}; {@code budget} and {@code runsOutOn} null when the project names no budget.
     */
    public record BudgetFigures(LocalDate asOf, @Nullable BigDecimal budget, BigDecimal spent,
                                BigDecimal wrongNumberSpent, BigDecimal dailyRate, @Nullable LocalDate runsOutOn,
                                boolean lastsThePeriod, LocalDate periodTo, long filtered, long minutesSaved,
                                BigDecimal moneySaved) {

        public static BudgetFigures of(BudgetForecasts.Forecast f) {
            return new BudgetFigures(f.asOf(), f.budget(), f.spent(), f.wrongNumberSpent(), f.dailyRate(), f.runsOutOn(),
                    f.lastsThePeriod(), f.periodTo(), f.filtered(), f.minutesSaved(), f.moneySaved());
        }
    }

    /** міндет with its activities. */
    public record TaskSection(int number, String title, List<ActivitySection> activities, @Nullable String titleRu) {

        /** The title in the report's language (a report finalised before Russian titles existed has none). */
        public String title(Locale language) {
            return inLanguage(title, titleRu, language);
        }
    }

    /** іс-шара: {@code key} is {@code task.activity} ({@code 1.2}). */
    public record ActivitySection(String key, int number, String title, String narrative,
                                  List<IndicatorLine> indicators, @Nullable String titleRu) {

        public String title(Locale language) {
            return inLanguage(title, titleRu, language);
        }
    }

    /**
     * An indicator planned vs actual; {@code key} is {@code task.activity.n}. {@code actual} is computed from
     * {@code metric} or entered by hand (then {@code evidence} says where it comes from).
     */
    public record IndicatorLine(String key, String name, String unit, BigDecimal planned, BigDecimal actual,
                                @Nullable Statistic metric, @Nullable String evidence, String justification,
                                @Nullable String nameRu, @Nullable String unitRu) {

        public String name(Locale language) {
            return inLanguage(name, nameRu, language);
        }

        public String unit(Locale language) {
            return inLanguage(unit, unitRu, language);
        }

        /** Actual below plan: the report asks for a justification. */
        public boolean belowPlan() {
            return actual.compareTo(planned) < 0;
        }
    }

    /**
     * Callers at risk flagged in the period (issue 19), anonymous: how many, how many urgent, how many followed up
     * (reached or referred), by category and by the follow-up's outcome ({@code OPEN} while not closed).
     */
    public record RiskFigures(long flags, long urgent, long followedUp, Map<String, Long> byCategory,
                              Map<String, Long> byOutcome, Map<String, String> categoryNamesKk,
                              Map<String, String> categoryNamesRu) {
    }

    /** Consultation cases opened in the period. */
    public record CaseFigures(long total, long religionQuestions, long psychologicalSupport,
                              Map<String, Long> byCategory, Map<String, String> categoryNamesKk,
                              Map<String, String> categoryNamesRu) {
    }

    /** The centre's figures of the period. */
    public record CentreFigures(long consultations, long mobileReceptionConsultations, long events,
                                long participants) {
    }

    /** A line of the events table. */
    public record EventRow(int number, String name, LocalDate heldOn, String place, int participants,
                           @Nullable String categories, @Nullable String experts, @Nullable String completeness,
                           @Nullable String documents) {
    }

    /**
     * Participants (seed 001's breakdowns): one per case opened in the period (its caller profile), one per
     * attended appointment of the period without a case (a walk-in, profile unknown), and the participants of
     * the events held (their recorded breakdowns; the rest unknown). Maps: enum code → count, UNKNOWN included.
     */
    public record Participants(long total, long fromCases, long fromWalkIns, long fromEvents,
                               Map<String, Long> byGender, Map<String, Long> byAgeBracket,
                               Map<String, Long> bySocialStatus) {
    }

    private static String inLanguage(String kazakh, @Nullable String russian, Locale language) {
        return "ru".equals(language.getLanguage()) && russian != null && !russian.isBlank() ? russian : kazakh;
    }
}
