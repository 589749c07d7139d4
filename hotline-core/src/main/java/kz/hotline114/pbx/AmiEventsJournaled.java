package kz.hotline114.pbx;

import java.util.List;

/**
 * A batch of AMI events that has been committed to the raw journal, in arrival order.
 * Published synchronously on the ingestion thread (never the AMI reader thread), so a
 * listener sees every event exactly once, in order, after it is durable.
 */
public record AmiEventsJournaled(List<AmiEvent> events) {

    public AmiEventsJournaled {
        events = List.copyOf(events);
    }
}
