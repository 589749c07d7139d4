package kz.hotline114.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One queue now: its members and the callers waiting, longest-waiting first. */
public record QueueState(String name, List<MemberState> members, List<WaitingCaller> waiting) {

    public QueueState {
        members = List.copyOf(members);
        waiting = List.copyOf(waiting);
    }

    /** Members not paused, not on a call, not in wrap-up, whose phone is idle. */
    public long available(Instant now) {
        return members.stream().filter(m -> !m.paused() && m.call() == null && !m.inWrapUp(now)
                && m.status() == MemberState.Status.AVAILABLE).count();
    }

    /** Members whose phone is ringing or talking (a queue call or any other). */
    public long talking() {
        return members.stream().filter(m -> m.call() != null && m.call().answered()
                || m.status() == MemberState.Status.TALKING).count();
    }

    public long paused() {
        return members.stream().filter(MemberState::paused).count();
    }

    public long wrapUp(Instant now) {
        return members.stream().filter(m -> !m.paused() && m.inWrapUp(now)).count();
    }

    /** How long the first caller in line has waited at {@code now} (zero when nobody waits). */
    public Duration longestWait(Instant now) {
        return waiting.isEmpty() ? Duration.ZERO : Duration.between(waiting.getFirst().joinedAt(), now);
    }
}
