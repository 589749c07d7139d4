package kz.hotline114.live;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The queue call a member's phone is ringing with or talking on (from AgentCalled / AgentConnect).
 *
 * @param since   when it started ringing, or when it was answered
 * @param channel the specialist's leg (e.g. {@code PJSIP/201-0000000a}): what a blind transfer moves the caller from
 * @param heldSince when the specialist's side put the caller on hold (AMI {@code Hold} on the leg: the phone's hold
 *                  key, or a consultation), null while not on hold
 * @param supervisor how a supervisor is on the call ({@code listen}, {@code whisper} or {@code barge}: AMI
 *                   {@code ChanSpyStart} on the leg, the spying phone's extension), null when none is
 */
public record AgentCall(String linkedid, String queue, boolean answered, Instant since, @Nullable String channel,
                        @Nullable Instant heldSince, @Nullable String supervisor) {

    public AgentCall(String linkedid, String queue, boolean answered, Instant since, @Nullable String channel) {
        this(linkedid, queue, answered, since, channel, null, null);
    }

    /** The same call, on hold from {@code at} (or taken off hold with null). */
    public AgentCall held(@Nullable Instant at) {
        return new AgentCall(linkedid, queue, answered, since, channel, at, supervisor);
    }

    /** The same call with a supervisor on it in this mode (or none with null). */
    public AgentCall supervised(@Nullable String mode) {
        return new AgentCall(linkedid, queue, answered, since, channel, heldSince, mode);
    }
}
