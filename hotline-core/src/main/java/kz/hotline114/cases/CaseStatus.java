package kz.hotline114.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. Open → In progress → Referred / Closed; a closed or referred case can be taken up again. */
public enum CaseStatus {
    OPEN, IN_PROGRESS, REFERRED, CLOSED;

    /** The statuses this one may change to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, REFERRED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(REFERRED, CLOSED);
            case REFERRED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }
}
