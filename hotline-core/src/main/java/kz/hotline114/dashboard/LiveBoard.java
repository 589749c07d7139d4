package kz.hotline114.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The line now, without personal data: what {@code GET /api/live} returns and the wall-board
 * receives over its WebSocket (as JSON, these names). Counts only: no numbers, no names, no ids.
 *
 * @param at              server time of the snapshot, epoch milliseconds (clients tick waits from it)
 * @param callsInProgress inbound calls in the IVR, waiting, ringing or talking
 * @param pbxConnected    false while the AMI link is down (the figures then lag behind the PBX)
 */
public record LiveBoard(long at, int callsInProgress, List<QueueBoard> queues, Today today, boolean pbxConnected,
                        List<Alert> alerts) {

    public LiveBoard {
        queues = List.copyOf(queues);
        alerts = List.copyOf(alerts);
    }

    /**
     * One queue now.
     *
     * @param longestWaitSeconds how long the first caller in line has waited (0 when nobody waits)
     * @param oldestWaitingSince epoch ms when that caller joined, null when nobody waits
     * @param available          members not paused, not on a call, not in wrap-up, phone idle
     * @param talking            members whose phone is on a call
     * @param wrapUp             members in wrap-up after a queue call
     */
    public record QueueBoard(String name, int waiting, long longestWaitSeconds, @Nullable Long oldestWaitingSince,
                             long available, long talking, long paused, long wrapUp, int members) {
    }

    /** Today's figures as {@link Figure} defines them; {@code serviceLevel} is a fraction 0..1 or null. */
    public record Today(long offered, long answered, long abandoned, long abandonedShort, long unanswered,
                        long wrongNumber, long noInput, @Nullable Double serviceLevel, int serviceLevelSeconds,
                        @Nullable Double averageWaitSeconds, @Nullable Double averageTalkSeconds) {

        public static Today of(DayFigures f) {
            return new Today(f.offered(), f.answered(), f.abandoned(), f.abandonedShort(), f.unanswered(),
                    f.wrongNumber(), f.noInput(), f.serviceLevel(), f.serviceLevelSeconds(), f.averageWaitSeconds(),
                    f.averageTalkSeconds());
        }
    }
}
