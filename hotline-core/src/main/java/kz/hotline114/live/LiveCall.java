package kz.hotline114.live;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An inbound call in progress, without personal data (the number stays in the call log).
 *
 * @param startedAt  when the call reached the PBX
 * @param stage      where it is now
 * @param stageSince when it entered that stage (the wait, the ring, the talk so far)
 * @param queue      the queue it waits in or was answered from; null while in the IVR
 * @param iface      the phone ringing or talking with it; null otherwise
 * @param queuedAt   when it joined its (last) queue; null while in the IVR
 */
public record LiveCall(String linkedid, Instant startedAt, Stage stage, Instant stageSince, @Nullable String queue,
                       @Nullable String iface, @Nullable Instant queuedAt) {

    /** Where an inbound call is. */
    public enum Stage {
        /** Listening to the menu or choosing. */
        IVR,
        /** Waiting in a queue for a free specialist. */
        QUEUED,
        /** A specialist's phone rings with it. */
        RINGING,
        /** Talking with a specialist. */
        TALKING
    }
}
