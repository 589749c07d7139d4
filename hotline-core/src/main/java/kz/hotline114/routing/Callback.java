package kz.hotline114.routing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A callback to the caller of an earlier call, and what became of it.
 *
 * @param forLinkedid      the original (inbound) call
 * @param maskedNumber     the number to call, masked: the full number only ever goes to the PBX
 * @param assignee         the phone that calls back ({@code PJSIP/201}); null = whoever takes it
 * @param outboundLinkedid the outbound call's Linkedid once the PBX created it
 * @param talkSeconds      from the callee answering to the end
 */
public record Callback(long id, String pbxId, String forLinkedid, @Nullable String maskedNumber,
                       @Nullable String requestedBy, @Nullable String assignee, Instant dueAt, @Nullable String note,
                       Status status, @Nullable String outboundLinkedid, @Nullable Instant dialledAt,
                       @Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Integer talkSeconds,
                       @Nullable String failure) {

    /** SCHEDULED → DIALLING → ANSWERED / NOT_ANSWERED / FAILED; SCHEDULED → CANCELLED. */
    public enum Status { SCHEDULED, DIALLING, ANSWERED, NOT_ANSWERED, FAILED, CANCELLED }
}
