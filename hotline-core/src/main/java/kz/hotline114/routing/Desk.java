package kz.hotline114.routing;

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
     * Ends the call on my phone (ringing or answered): AMI {@code Hangup} of my leg; the caller's side ends as when I
     * put the receiver down.
     *
     * @throws IllegalStateException when no call is on my phone
     */
    void hangUp();
}
