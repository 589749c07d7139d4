package kz.hotline114.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallKey;

/**
 * The case file. Permissions: operators open cases (and see those they opened); specialists see
 * and edit the cases they opened or are assigned; supervisors and admins see all; reporters see
 * only {@link #counts}. Every view and change is written to the audit log.
 */
public interface Cases {

    /** Opens a case and returns its number ({@code 114-YYYY-NNNNN}). @throws InvalidCase */
    String open(CaseDraft draft);

    Optional<ConsultationCase> get(String number);

    /** Replaces the editable fields. @throws InvalidCase */
    ConsultationCase update(String number, CaseDraft draft);

    /** Moves the case to another status, recorded with who, when and why. @throws InvalidCase on a transition not allowed */
    ConsultationCase changeStatus(String number, CaseStatus to, @Nullable String note);

    ConsultationCase addFollowUp(String number, LocalDate dueOn, String what);

    ConsultationCase completeFollowUp(String number, long followUpId);

    /** Adds a later call (a follow-up call from the same person) to the case. */
    ConsultationCase attachCall(String number, CallKey call);

    /** Cases the user may see, newest first. */
    CasePage find(CaseFilter filter, int page, int size);

    /** How many cases {@link #find} would list; returns no case data, so it is not audited. */
    long count(CaseFilter filter);

    /** Cases opened from (or attached to) a call, that the user may see. */
    List<CaseSummary> ofCall(CallKey call);

    /**
     * The cases of a call as its evaluation needs them (issue 18: the question asked and the answer given): for the
     * evaluator the call is assigned to — an outside expert has no case list, only this — and supervisors and admins.
     * Audited; no caller's data.
     */
    List<CaseSummary> ofEvaluatedCall(CallKey call);

    /**
     * Whether a case with this number exists, whoever may read it: for features that refer to a case by number
     * (an appointment booked for it). Returns no case data, so it is not audited; staff only.
     */
    boolean exists(String number);

    Taxonomy taxonomy();

    /** Aggregates for reports; no personal data. */
    CaseCounts counts(Instant from, Instant to);
}
