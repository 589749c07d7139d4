package kz.hotline114.calls;

/** How a call to the hotline ended. Definitions are the ones reports and dashboards use. */
public enum CallOutcome {
    /** The caller reached a specialist (a queue member answered). */
    ANSWERED,
    /** The caller hung up while waiting in a queue, before any specialist answered. */
    ABANDONED,
    /**
     * The PBX gave up on the caller in the queue (queue timeout, nobody logged in, queue full):
     * not the caller's choice. Added beyond the first outcome list because Asterisk 22 reports a
     * queue timeout as {@code QueueCallerAbandon} too, and counting it as a caller abandon would
     * hide missing staff.
     */
    UNANSWERED,
    /** A wrong number: the caller pressed the "I meant 1414" key, or hung up before choosing within the short-call limit. */
    WRONG_NUMBER,
    /** The caller hung up in the menu without choosing, after the short-call limit. */
    IVR_ABANDONED,
    /** The menu timed out with no key pressed; the PBX said goodbye and hung up. */
    NO_INPUT,
    /** The caller pressed a key the menu does not offer; the PBX played a message and hung up. */
    INVALID_CHOICE,
    /** The call is still going on. */
    IN_PROGRESS
}
