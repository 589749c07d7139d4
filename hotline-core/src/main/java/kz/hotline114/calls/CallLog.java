package kz.hotline114.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The call log: query calls, read a call's timeline, rebuild a period from the journal. */
public interface CallLog {

    /** Calls matching the filter, newest first. */
    CallPage find(CallFilter filter, int page, int size);

    long count(CallFilter filter);

    Optional<Call> get(String pbxId, String linkedid);

    /** The steps of a call (IVR, queue, ringing, answer, transfer, hang-up) from the raw journal. */
    List<CallStep> timeline(String pbxId, String linkedid);

    /**
     * Re-interprets every call whose events were received in {@code [from, to)} from the raw
     * journal and replaces their rows; gives the same rows as live ingestion did.
     */
    RebuildResult rebuild(Instant from, Instant to);
}
