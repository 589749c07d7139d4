package kz.hotline114.reports;

/**
 * Every figure the reports and the dashboard show, with its one definition. The screens and the
 * documents print the same definitions from the message bundles ({@code statistic.<NAME>.definition}).
 * Periods are whole days in the hotline zone ({@code hotline.zone}), both ends inclusive; a call
 * belongs to the day it started. Calls still in progress are counted nowhere.
 */
public enum Statistic {
    /** Calls total: every call to the line that started in the period and has ended, whatever its outcome. */
    CALLS_TOTAL(true),
    /**
     * Substantive calls: calls in which the caller spoke with a specialist (outcome ANSWERED). Denominator of
     * nothing; a part of {@link #CALLS_TOTAL}.
     */
    SUBSTANTIVE_CALLS(true),
    /**
     * Wrong-number calls: outcome WRONG_NUMBER — the caller pressed 0 ("I meant 1414") or hung up before choosing
     * within {@code hotline.wrong-number.short-call-seconds}.
     */
    WRONG_NUMBER_CALLS(false),
    /** Wrong-number share: {@link #WRONG_NUMBER_CALLS} divided by {@link #CALLS_TOTAL} (0 when there are no calls). */
    WRONG_NUMBER_SHARE(false),
    /**
     * Estimated telecom cost of wrong numbers: the wrong-number calls' durations, each rounded up to whole
     * minutes, summed, times {@code hotline.reports.tariff-per-minute} (KZT): the line is free for callers, the
     * grantee pays the minutes.
     */
    WRONG_NUMBER_COST(false),
    /** Abandoned: the caller chose a specialist and hung up while waiting in the queue (outcome ABANDONED). */
    ABANDONED_CALLS(false),
    /** Unanswered: the PBX gave up on a caller waiting in a queue (timeout, nobody logged in; outcome UNANSWERED). */
    UNANSWERED_CALLS(false),
    /** Left in the menu: hung up after the short-call limit without choosing, no input, or an invalid key. */
    MENU_DROPPED_CALLS(false),
    /** Religion questions: consultation cases of category RELIGION_QUESTION opened in the period. */
    RELIGION_QUESTIONS(true),
    /** Psychological-support requests: consultation cases of category PSYCHOLOGICAL_SUPPORT opened in the period. */
    PSYCHOLOGICAL_SUPPORT_REQUESTS(true),
    /** Consultations: appointments of the centre in the period with status ATTENDED (any type). */
    CONSULTATIONS(true),
    /** Appointments attended: the same count as {@link #CONSULTATIONS}, named as the agreements name it. */
    APPOINTMENTS_ATTENDED(true),
    /** Mobile-reception consultations: attended appointments of type MOBILE_RECEPTION. */
    MOBILE_RECEPTION_CONSULTATIONS(true),
    /** Events held: events of the events register held in the period. */
    EVENTS_HELD(true),
    /** Participants: the participants of those events, summed. */
    PARTICIPANTS(true),
    /** Calls evaluated: answered calls of the period with at least one submitted quality evaluation (issue 18). */
    CALLS_EVALUATED(true),
    /** Monitoring results: the months of the period with submitted quality evaluations (a monitoring report each). */
    MONITORING_REPORTS(true),
    /** Callers at risk: calls flagged as a caller at risk in the period (issue 19). */
    CALLERS_AT_RISK(true),
    /** Callers at risk followed up: flags of the period whose follow-up closed as reached or referred to a partner. */
    CALLERS_AT_RISK_FOLLOWED_UP(true);

    private final boolean indicatorMetric;

    Statistic(boolean indicatorMetric) {
        this.indicatorMetric = indicatorMetric;
    }

    /** Whether a grant indicator may take its actual value from this figure. */
    public boolean indicatorMetric() {
        return indicatorMetric;
    }
}
