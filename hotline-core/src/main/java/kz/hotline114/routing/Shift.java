package kz.hotline114.routing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One specialist's shift on the line.
 *
 * @param joinedAt when the app added the phone to its queues (null = not yet)
 * @param leftAt   when it removed it (null = not yet)
 * @param failure  what the PBX answered when it last refused
 */
public record Shift(long id, long specialistId, String specialistName, String iface, Instant startsAt, Instant endsAt,
                    @Nullable String note, @Nullable Instant joinedAt, @Nullable Instant leftAt, @Nullable String failure) {

    /** Where a shift is at {@code now}. */
    public enum State { PLANNED, ON_DUTY, DONE }

    public State state(Instant now) {
        if (leftAt != null || !now.isBefore(endsAt)) {
            return State.DONE;
        }
        return now.isBefore(startsAt) ? State.PLANNED : State.ON_DUTY;
    }
}
