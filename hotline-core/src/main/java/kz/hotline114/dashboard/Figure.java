package kz.hotline114.dashboard;

import java.util.Locale;

/**
 * The figures of a day, each with exactly one definition. The UI shows the same definition as
 * help next to the figure (message keys {@code dashboard.figure.<key>} and {@code
 * dashboard.figure.<key>.help}); keep this Javadoc and those texts saying the same thing.
 *
 * <p>A call belongs to the day (in {@code hotline.zone}) on which it reached the PBX. "Wait" is
 * the call row's {@code wait_seconds}: from entering the first queue to being answered or leaving
 * the queue. Calls still in progress count as offered and nowhere else until they end.
 */
public enum Figure {
    /** Every inbound call that reached the PBX this day, whatever became of it (in progress included). */
    OFFERED,
    /** Calls a specialist answered (outcome ANSWERED), transfers counted once. */
    ANSWERED,
    /** Callers who hung up in a queue after waiting 5 seconds or more, before any specialist answered. */
    ABANDONED,
    /** Callers who hung up in a queue within 5 seconds: counted here only, not as abandoned, not in the service level. */
    ABANDONED_SHORT,
    /** Calls the PBX sent out of a queue unanswered (queue timeout, nobody logged in): missing staff, not the caller's choice. */
    UNANSWERED,
    /** Wrong numbers: the caller pressed 0 ("I meant 1414") or hung up before choosing within the short-call limit. */
    WRONG_NUMBER,
    /** Wrong numbers declared by the caller with key 0. */
    WRONG_NUMBER_DECLARED,
    /** Wrong numbers by a hang-up before choosing within the short-call limit (hotline.wrong-number.short-call-seconds). */
    WRONG_NUMBER_SHORT,
    /** The menu timed out with no key pressed and the PBX hung up. */
    NO_INPUT,
    /**
     * Answered within T seconds (hotline.dashboard.service-level-seconds, default 20) of entering the
     * queue, divided by (answered + abandoned after 5 seconds); empty when that is zero. Short
     * abandons, unanswered calls and calls that never queued are outside it.
     */
    SERVICE_LEVEL,
    /** Mean wait of the calls that entered a queue and left it (answered, abandoned of any length, unanswered). */
    AVERAGE_WAIT,
    /** Mean talk time of answered calls: seconds connected to specialists, all transfers included (DD002). */
    AVERAGE_TALK,
    /** The hour of the day (hotline.zone) in which most calls were offered; the earliest on a tie. */
    BUSIEST_HOUR,
    /** Calls offered in each hour of the day, against the same hours of the same weekday a week before. */
    CALLS_PER_HOUR;

    /** The message key stem: {@code dashboard.figure.<lower-case name with dashes>}; {@code .help} gives the definition. */
    public String messageKey() {
        return "dashboard.figure." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
