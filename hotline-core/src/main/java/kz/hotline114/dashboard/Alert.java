package kz.hotline114.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * Something a supervisor must act on now.
 *
 * @param queue   the queue concerned, null for {@link Kind#PBX_DOWN}
 * @param seconds for {@link Kind#LONG_WAIT}: how long the first caller in line has waited
 */
public record Alert(Kind kind, @Nullable String queue, long seconds) {

    public enum Kind {
        /** A caller has waited longer than {@code hotline.dashboard.wait-alert} (default 60 s). */
        LONG_WAIT,
        /** A queue with callers waiting, or with members, has no specialist available. */
        NO_SPECIALIST,
        /** The AMI link to the PBX is down. */
        PBX_DOWN
    }
}
