package kz.hotline114.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The whole line at one moment. */
public record LiveSnapshot(Instant at, List<QueueState> queues) {

    public LiveSnapshot {
        queues = List.copyOf(queues);
    }

    public Optional<QueueState> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
