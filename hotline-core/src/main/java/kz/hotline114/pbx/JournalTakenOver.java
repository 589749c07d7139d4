package kz.hotline114.pbx;

import java.time.Instant;

/**
 * This node journals the PBX's events from now on (it took the PBX's journal lease, at start or from a node that died)
 * and has journaled what of its own recent events the journal lacked. What the previous holder journaled since
 * {@code since} may not have been interpreted (it died between the two): the call log looks at those calls again, and
 * the PBX's own records are read next. Published on the PBX's ingestion thread.
 */
public record JournalTakenOver(String pbxId, Instant since) {
}
