package kz.hotline114.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A case as stored, with its calls, follow-ups and status history. */
public record ConsultationCase(long id, String number, Instant openedAt, String openedBy, String category,
                               @Nullable String movement, String question, @Nullable String answer,
                               @Nullable String specialist, String language, CaseStatus status, CallerProfile profile,
                               boolean callbackConsent, @Nullable String referralPartner, @Nullable String referralNote,
                               List<CallRef> calls, List<FollowUp> followUps, List<StatusChange> history,
                               Instant updatedAt) {

    public ConsultationCase {
        calls = List.copyOf(calls);
        followUps = List.copyOf(followUps);
        history = List.copyOf(history);
    }

    /** A call of the case (the number stays on the call). */
    public record CallRef(String pbxId, String linkedid, Instant addedAt) {
    }

    public record FollowUp(long id, LocalDate dueOn, String what, boolean done, @Nullable Instant doneAt) {
    }

    public record StatusChange(Instant at, String by, @Nullable CaseStatus from, CaseStatus to, @Nullable String note) {
    }
}
