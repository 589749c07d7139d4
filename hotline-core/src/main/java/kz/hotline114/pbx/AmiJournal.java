package kz.hotline114.pbx;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Read access to the raw, append-only AMI event journal. */
public interface AmiJournal {

    /** Every journaled event of one logical call (same Linkedid) of a PBX, in journal order. */
    List<AmiEvent> eventsOfCall(String pbxId, String linkedid);

    /** Same, limited to events journaled before {@code beforeJournalId}. */
    List<AmiEvent> eventsOfCallBefore(String pbxId, String linkedid, long beforeJournalId);

    /**
     * The Linkedids of a PBX whose events were received in {@code [from, to)}, in order of their first event.
     * Used to rebuild the call log of a period.
     */
    List<String> linkedidsReceivedBetween(String pbxId, Instant from, Instant to);

    /** Streams the events of a PBX received in {@code [from, to)} in journal order. */
    void forEachReceivedBetween(String pbxId, Instant from, Instant to, Consumer<AmiEvent> consumer);

    /** Number of journaled events. */
    long count();
}
