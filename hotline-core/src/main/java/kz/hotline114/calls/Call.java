package kz.hotline114.calls;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One logical call to the hotline: every channel, CDR and CEL record of one Linkedid.
 *
 * @param callerNumber    E.164, or null when withheld or unreadable
 * @param callerRaw       the caller ID as the PBX gave it
 * @param operator        mobile operator by prefix (Kcell, Beeline, Tele2, Altel), null for landlines
 * @param region          landline region by area code, null for mobiles
 * @param ivrChoice       the key pressed in the menu, or null when none
 * @param queues          queues the caller entered, in order
 * @param waitSeconds     seconds from entering the first queue to being answered or leaving it
 * @param answeredBy      queue members who answered, in order
 * @param talkSeconds     seconds the caller spent connected to specialists, all transfers included
 * @param hangupBy        who ended the call (null while in progress)
 * @param recovered       true when the call was logged from the PBX's own records after an AMI outage
 */
public record Call(String pbxId, String linkedid, Instant startedAt, @Nullable Instant ivrAnsweredAt,
                   @Nullable Instant endedAt, @Nullable String callerNumber, boolean callerWithheld,
                   @Nullable String callerRaw, @Nullable String callerName, @Nullable String operator,
                   @Nullable String region, @Nullable String dialledNumber, @Nullable String ivrChoice,
                   List<String> queues, @Nullable Integer waitSeconds, List<String> answeredBy,
                   @Nullable Integer talkSeconds, List<Transfer> transfers, @Nullable HangupSide hangupBy,
                   CallOutcome outcome, @Nullable WrongNumberReason wrongNumberReason, boolean repeatCaller,
                   boolean recovered) {

    public Call {
        queues = List.copyOf(queues);
        answeredBy = List.copyOf(answeredBy);
        transfers = List.copyOf(transfers);
    }

    /** Seconds from the start to the end of the call (null while in progress). */
    public @Nullable Long durationSeconds() {
        return endedAt == null ? null : Math.round((endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
    }

    /**
     * The call as a role without the right to see personal data gets it: the number masked
     * ({@code +7 701 *** ** 01}), the raw caller ID and the display name removed.
     */
    public Call masked() {
        return new Call(pbxId, linkedid, startedAt, ivrAnsweredAt, endedAt, callerNumber == null ? null
                : PhoneNumbers.mask(callerNumber), callerWithheld, null, null, operator, region, dialledNumber,
                ivrChoice, queues, waitSeconds, answeredBy, talkSeconds, transfers, hangupBy, outcome,
                wrongNumberReason, repeatCaller, recovered);
    }

    public Call withRepeatCaller(boolean repeat) {
        return new Call(pbxId, linkedid, startedAt, ivrAnsweredAt, endedAt, callerNumber, callerWithheld, callerRaw,
                callerName, operator, region, dialledNumber, ivrChoice, queues, waitSeconds, answeredBy, talkSeconds,
                transfers, hangupBy, outcome, wrongNumberReason, repeat, recovered);
    }

    /** Which call this is. */
    public CallKey key() {
        return new CallKey(pbxId, linkedid);
    }
}
