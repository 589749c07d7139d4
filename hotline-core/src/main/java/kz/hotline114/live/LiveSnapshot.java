package kz.hotline114.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The whole line at one moment: queues with their members and waiting callers, and the calls in progress. */
public record LiveSnapshot(Instant at, List<QueueState> queues, List<LiveCall> calls) {

    public LiveSnapshot {
        queues = List.copyOf(queues);
        calls = List.copyOf(calls);
    }

    public Optional<QueueState> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The queue call on this phone now, ringing or answered. */
    public Optional<AgentCall> callOn(String iface) {
        return queues.stream().flatMap(q -> q.members().stream()).filter(m -> m.iface().equals(iface) && m.call() != null)
                .map(MemberState::call).findFirst();
    }
}
