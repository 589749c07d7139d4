package kz.hotline114.routing;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The duty rota: shifts per specialist; at a shift's start the specialist's phone joins its queues
 * ({@code QueueAdd}), at its end leaves them ({@code QueueRemove}) — unless another shift of the same
 * specialist goes on. Supervisors and admins keep the rota and can add or remove a phone by hand.
 */
public interface DutyRota {

    /** Shifts overlapping {@code [from, to)}, by start. */
    List<Shift> between(Instant from, Instant to);

    /**
     * Adds a shift, repeated {@code weeks} times a week apart (1 = once).
     *
     * @throws IllegalArgumentException when it ends before it starts, lasts over 24 h, or overlaps
     *                                  another shift of the same specialist (the database refuses it)
     */
    List<Shift> add(long specialistId, Instant startsAt, Instant endsAt, @Nullable String note, int weeks);

    /** Removes a shift that has not started; ends one under way now (the phone leaves its queues). */
    void remove(long shiftId);

    /** Adds the specialist's phone to all their queues now (QueueAdd), outside the rota. */
    void joinQueues(long specialistId);

    /** Removes the specialist's phone from all their queues now (QueueRemove). */
    void leaveQueues(long specialistId);

    /** Starts and ends the shifts that are due; runs on a timer, callable for tests. */
    void applyDue(Instant now);
}
