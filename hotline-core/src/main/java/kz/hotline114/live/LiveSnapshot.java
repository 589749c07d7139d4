package kz.hotline114.live;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole line at one moment: queues with their members and waiting callers, the calls in progress,
 * and the queue call on each phone (by interface) that has one.
 */
public record LiveSnapshot(Instant at, List<QueueState> queues, List<LiveCall> calls, Map<String, AgentCall> onPhones) {

    public LiveSnapshot {
        queues = List.copyOf(queues);
        calls = List.copyOf(calls);
        onPhones = Map.copyOf(onPhones);
    }

    public LiveSnapshot(Instant at, List<QueueState> queues, List<LiveCall> calls) {
        this(at, queues, calls, Map.of());
    }

    public Optional<QueueState> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The queue call on this phone now, ringing or answered. */
    public Optional<AgentCall> callOn(String iface) {
        return Optional.ofNullable(onPhones.get(iface));
    }
}
