package kz.hotline114.live;

import java.util.List;

/** One queue now: its members and the callers waiting, longest-waiting first. */
public record QueueState(String name, List<MemberState> members, List<WaitingCaller> waiting) {

    public QueueState {
        members = List.copyOf(members);
        waiting = List.copyOf(waiting);
    }

    public long available() {
        return members.stream().filter(m -> !m.paused() && m.status() == MemberState.Status.AVAILABLE).count();
    }

    public long talking() {
        return members.stream().filter(m -> m.status() == MemberState.Status.TALKING).count();
    }

    public long paused() {
        return members.stream().filter(MemberState::paused).count();
    }
}
