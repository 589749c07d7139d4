package kz.hotline114.pbx;

import java.util.List;

/**
 * A batch of AMI events this node read off one PBX's link, in arrival order, published on the ingestion thread after
 * whatever of it this node journals is durable. Every node of a cluster sees every event of every PBX it is linked to
 * (the live state, the desk's screen-pop), while only the holder of the PBX's journal lease journals them and publishes
 * {@link AmiEventsJournaled}; the events a node journals carry their journal ids, the others id 0.
 */
public record AmiEventsReceived(String pbxId, List<AmiEvent> events) {

    public AmiEventsReceived {
        events = List.copyOf(events);
    }
}
