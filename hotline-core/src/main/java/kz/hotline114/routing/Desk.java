package kz.hotline114.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a specialist does from the desk, sent to the PBX as queue actions for the specialist's own phone. */
public interface Desk {

    /** Why a specialist is not taking calls. */
    enum PauseReason {
        BREAK("break"), AFTER_CALL_WORK("after-call work"), TRAINING("training");

        private final String pbxText;

        PauseReason(String pbxText) {
            this.pbxText = pbxText;
        }

        /** The reason as the PBX records it (queue_log, QueueMemberPause). */
        public String pbxText() {
            return pbxText;
        }
    }

    /** Pauses the signed-in specialist in all of their queues ({@code QueuePause}), or unpauses with null. */
    void pause(@Nullable PauseReason reason);

    /**
     * Hands the caller on my phone to another queue: AMI {@code BlindTransfer} of my leg to
     * {@code <queue>@hotline-transfer} (clean talk times, AgentComplete Reason=transfer at once).
     *
     * @throws IllegalStateException when no queue call is on my phone
     */
    void transfer(String toQueue);

    /**
     * The colleagues a call on my phone can be handed to: active specialists with a desk phone ({@code PJSIP/<ext>}),
     * other than me, by name.
     */
    List<Specialist> colleagues();

    /**
     * Hands the caller on my phone to a colleague's desk phone. Blind ({@code consult} false): AMI
     * {@code BlindTransfer} of my leg to {@code <ext>@hotline-transfer-phone}, which rings the colleague and, if they
     * do not answer, puts the caller back into the queue they came from. Consult first: AMI {@code Atxfer} of my leg
     * to {@code <ext>@phones} — the caller hears hold music while I talk with the colleague; {@link #completeConsult()}
     * hands the caller over, {@link #cancelConsult()} brings me back to the caller.
     *
     * @throws IllegalStateException    when no answered queue call is on my phone
     * @throws IllegalArgumentException when the colleague has no desk phone or is me
     */
    void transferToColleague(long specialistId, boolean consult);

    /** Completes a consult transfer: my leg leaves, the caller and the colleague stay together. */
    void completeConsult();

    /** Cancels a consult transfer: the colleague's leg ends and I am back with the caller. */
    void cancelConsult();

    /**
     * Ends the call on my phone (ringing or answered): AMI {@code Hangup} of my leg; the caller's side ends as when I
     * put the receiver down.
     *
     * @throws IllegalStateException when no call is on my phone
     */
    void hangUp();
}
