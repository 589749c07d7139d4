package kz.hotline114.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallKey;

/**
 * The flags of callers at risk. Who may do what: the specialist on the call (or a supervisor/admin) flags it; the
 * flagging user and supervisors/admins work the protocol and the follow-up; supervisors/admins acknowledge, list and
 * close; admins keep the categories. Every step is audited; a flag and its acknowledgement are published as events
 * ({@link RiskFlagged}, {@link RiskAcknowledged}) for the supervisors' screens.
 */
public interface RiskFlags {

    enum Level { CONCERN, URGENT }

    /** NEW: no supervisor has acknowledged it; OVERDUE: the follow-up's time has passed; CLOSED: an outcome given. */
    enum State { NEW, ACKNOWLEDGED, OVERDUE, CLOSED }

    enum Outcome { REACHED, REFERRED, NOT_REACHABLE }

    /** A protocol step, in both languages. */
    record Step(String kk, String ru) {
        public String text(Locale language) {
            return "ru".equals(language.getLanguage()) ? ru : kk;
        }
    }

    /** A risk category: its names, the protocol the specialist works through, the follow-up's hours by level. */
    record Category(String code, String nameKk, String nameRu, List<Step> protocol, int followUpHours,
                    int followUpHoursUrgent, boolean active) {
        public Category {
            protocol = List.copyOf(protocol);
        }

        public String name(Locale language) {
            return "ru".equals(language.getLanguage()) ? nameRu : nameKk;
        }
    }

    /**
     * A flag on a call, with its follow-up.
     *
     * @param specialist   the specialist on the call when it was flagged (as the queues name them)
     * @param talkingSince when that specialist answered: the alert's talk time
     * @param protocolDone the indexes of the category's protocol steps done
     * @param caseNumber   the case opened from (or attached to) the call, once there is one
     */
    record Flag(long id, CallKey call, String category, Level level, String flaggedBy, Instant flaggedAt,
                @Nullable String specialist, @Nullable String queue, @Nullable Instant talkingSince,
                @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt, int escalations,
                List<Integer> protocolDone, Instant followUpDue, String followUpOwner, int attempts,
                @Nullable Instant closedAt, @Nullable String closedBy, @Nullable Outcome outcome,
                @Nullable String referralPartner, @Nullable String outcomeNote, @Nullable String caseNumber) {
        public Flag {
            protocolDone = List.copyOf(protocolDone);
        }

        public State state(Instant now) {
            if (closedAt != null) {
                return State.CLOSED;
            }
            if (now.isAfter(followUpDue)) {
                return State.OVERDUE;
            }
            return acknowledgedAt == null ? State.NEW : State.ACKNOWLEDGED;
        }

        /** How long the specialist had been talking when it was flagged (zero if not known). */
        public Duration talkTime(Instant at) {
            return talkingSince == null || talkingSince.isAfter(at) ? Duration.ZERO : Duration.between(talkingSince, at);
        }
    }

    /** A try to reach the caller again. */
    record Attempt(Instant at, String by, @Nullable String note) {
    }

    /** Anonymous figures of a period: flags by category, level and outcome; flag → acknowledgement, p50/p95 (s). */
    record Figures(long flags, Map<String, Long> byCategory, Map<Level, Long> byLevel, Map<String, Long> byOutcome,
                   long acknowledged, @Nullable Double ackSecondsP50, @Nullable Double ackSecondsP95, long overdue) {
        public Figures {
            byCategory = Map.copyOf(byCategory);
            byLevel = Map.copyOf(byLevel);
            byOutcome = Map.copyOf(byOutcome);
        }
    }

    /** The active categories, in the administrators' order. */
    List<Category> categories();

    /** Every category, inactive ones too (admins). */
    List<Category> allCategories();

    /** Adds or changes a category (admins). @throws InvalidRisk by field */
    Category saveCategory(Category category);

    /**
     * Flags a call: the specialist on it, or a supervisor/admin. The follow-up is due after the category's hours for
     * the level; its owner is the user who flagged it.
     *
     * @throws InvalidRisk {@code category} unknown, {@code call} not found
     * @throws org.springframework.security.access.AccessDeniedException a user who is not on the call
     */
    Flag flag(CallKey call, String category, Level level);

    /** A supervisor has seen the alert (once; later calls return the flag as it is). */
    Flag acknowledge(long id);

    Flag get(long id);

    /** The flags of a call (anyone who works with the call: its specialist, supervisors, admins). */
    List<Flag> ofCall(CallKey call);

    /**
     * The flags of a case's calls, for whoever may read the case (the flag goes with the caller's case: its category,
     * level, protocol and follow-up). @throws org.springframework.security.access.AccessDeniedException
     */
    List<Flag> ofCase(String caseNumber);

    /** Flags put in {@code [from, to)} (either may be null), in a state (null = any), newest first (supervisors). */
    List<Flag> find(@Nullable Instant from, @Nullable Instant to, @Nullable State state);

    /** How many flags no supervisor has acknowledged yet: a count only, for the wall-board (no details, no user). */
    long waitingCount();

    /** How many follow-ups are past their time and not closed: a count only. */
    long overdueCount();

    /** The flags no supervisor has acknowledged yet, oldest first: the alerts a supervisor signing in must see. */
    List<Flag> unacknowledged();

    /** Marks a protocol step done (or not). */
    Flag protocolStep(long id, int step, boolean done);

    /** Records a try to call the caller back. */
    Flag attempt(long id, @Nullable String note);

    List<Attempt> attempts(long id);

    /**
     * Closes the follow-up with its outcome: REFERRED needs a partner; NOT_REACHABLE needs at least the configured
     * number of tries. @throws InvalidRisk by field
     */
    Flag close(long id, Outcome outcome, @Nullable String referralPartner, @Nullable String note);

    /** The figures of flags put in {@code [from, to)} (supervisors, admins, reporters). */
    Figures figures(Instant from, Instant to);
}
