package kz.hotline114.calls;

import java.time.Instant;

/**
 * One step of a call's timeline, read from the journal.
 *
 * @param kind   what happened (a message key suffix: {@code timeline.<kind>})
 * @param detail a queue, key, member name or channel; may be empty
 */
public record CallStep(Instant at, Kind kind, String detail) {

    public enum Kind { STARTED, IVR_ANSWERED, GREETING, CHOICE, WRONG_NUMBER, NO_INPUT, QUEUE_JOINED, RINGING,
        ANSWERED, RING_NO_ANSWER, TRANSFER, QUEUE_LEFT, ABANDONED, HANGUP_REQUEST, ENDED }
}
