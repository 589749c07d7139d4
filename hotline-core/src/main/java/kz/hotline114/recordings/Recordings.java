package kz.hotline114.recordings;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallKey;

/**
 * The call recordings (issue 18). Who may listen: supervisors and admins, and an evaluator for the calls assigned to
 * them; every playback and download is audited; holds keep a recording past the retention period (and an evaluation
 * not yet submitted, or disputed and not resolved, keeps its call's); admins see the storage used.
 */
public interface Recordings {

    enum HoldKind { CASE, EVALUATION, SUPERVISOR }

    record Hold(long id, HoldKind kind, String reason, String heldBy, Instant heldAt) {
    }

    /**
     * A call's recording: the plain WAV's size, length and SHA-256, when it was taken in, the day it goes (unless held)
     * and, once gone, when.
     */
    record Recording(CallKey call, long sizeBytes, long durationMillis, String sha256, Instant takenAt,
                     Instant deleteAfter, @Nullable Instant deletedAt, List<Hold> holds) {
        public Recording {
            holds = List.copyOf(holds);
        }

        public boolean available() {
            return deletedAt == null;
        }
    }

    /** What the recordings take: those kept, their bytes (plain), the oldest, the held ones, the retention. */
    record Storage(long recordings, long bytes, @Nullable Instant oldest, long held, long deleted, int retentionDays) {
    }

    /** Whether the signed-in user may listen to this call's recording. */
    boolean mayListen(CallKey call);

    /** The call's recording, if it was recorded and the user may listen. */
    Optional<Recording> of(CallKey call);

    /**
     * Writes the plain WAV's bytes {@code [from, from + length)} to {@code out}. A read from byte 0 is a playback (or,
     * with {@code download}, a download) and is audited; the player's later ranges are not.
     *
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not listen
     * @throws java.util.NoSuchElementException                          no recording, or deleted
     */
    void write(CallKey call, long from, long length, boolean download, OutputStream out) throws IOException;

    /** Keeps the recording past the retention period; the reason is required (supervisors, admins). */
    Hold hold(CallKey call, HoldKind kind, String reason);

    /**
     * A case asks for its call's recording to be kept (a {@link HoldKind#CASE} hold, the case's number in the reason):
     * anyone who may read the case; the call must be one of the case's calls; the reason is required.
     *
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not read the case
     * @throws IllegalArgumentException                                  the call is not the case's, or no reason
     * @throws java.util.NoSuchElementException                          no recording kept, or no such case
     */
    Hold holdForCase(CallKey call, String caseNumber, String reason);

    /**
     * Whether a call has a recording kept, the day it goes and what holds it — no audio, no facts of the recording, so
     * those who work with the call's case see it too (operators, specialists, supervisors, admins).
     */
    Optional<Retention> retention(CallKey call);

    /** A kept recording's retention: the day it goes unless held, and the kinds of its active holds. */
    record Retention(Instant deleteAfter, java.util.Set<HoldKind> heldFor) {
        public Retention {
            heldFor = java.util.Set.copyOf(heldFor);
        }
    }

    /** Ends a hold; the recording goes at the next retention run if its time has come. */
    void release(CallKey call, long holdId, String reason);

    /** The storage used (admins). */
    Storage storage();
}
