package kz.hotline114.calls;

/** Why a call counts as a wrong number. */
public enum WrongNumberReason {
    /** The caller pressed the wrong-number key (0: "I meant 1414"). */
    DECLARED,
    /** The caller hung up before choosing, within {@code hotline.wrong-number.short-call-seconds} of the answer. */
    SHORT_CALL,
    /**
     * A known misdialer ({@link Misdialers}) heard the 1414 message before the menu and pressed no key (the PBX's
     * {@code HotlineWrongNumber Reason: filtered}; issue 17).
     */
    FILTERED
}
