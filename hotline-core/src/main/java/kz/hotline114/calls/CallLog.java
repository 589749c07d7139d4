package kz.hotline114.calls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The call log: query calls, read a call's timeline, rebuild a period from the journal. */
public interface CallLog {

    /** Calls matching the filter, newest first. */
    CallPage find(CallFilter filter, int page, int size);

    long count(CallFilter filter);

    Optional<Call> get(CallKey key);

    /**
     * The same caller's earlier calls (by number), newest first, at most {@code limit}; empty when the
     * number is withheld. Numbers masked as in {@link #find}.
     */
    List<Call> earlier(CallKey key, int limit);

    /**
     * The caller's full number, for the PBX to dial a callback: never shown to the user (who may
     * see only the masked one); each use is audited.
     */
    Optional<String> numberToDial(CallKey key);

    /**
     * Callers who waited for a specialist between {@code from} and {@code to} and were neither answered later nor
     * called back (nor have a callback planned): one row per number, its latest such call, newest first; numbers
     * masked for roles that see them masked.
     */
    List<Call> unreturned(Instant from, Instant to);

    /** How many calls each specialist (by the member name the PBX gives) answered between {@code from} and {@code to}. */
    Map<String, Long> answeredBy(Instant from, Instant to);

    /** Saves (or replaces) the signed-in user's consultation note on a call; blank removes it. */
    void saveNote(CallKey key, String text);

    /** The notes on a call, oldest first. */
    List<CallNote> notes(CallKey key);

    /** The steps of a call (IVR, queue, ringing, answer, transfer, hang-up) from the raw journal. */
    List<CallStep> timeline(CallKey key);

    /**
     * Re-interprets every call whose events were received in {@code [from, to)} from the raw
     * journal and replaces their rows; gives the same rows as live ingestion did.
     */
    RebuildResult rebuild(Instant from, Instant to);
}
