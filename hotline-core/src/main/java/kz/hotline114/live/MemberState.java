package kz.hotline114.live;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queue member (a specialist's phone) as the PBX reports it.
 *
 * @param iface        e.g. {@code PJSIP/201} or {@code Local/psy1@agents/n}
 * @param pausedReason break, after-call work, training… when paused
 * @param call         the queue call ringing on or talking with this phone, if any
 * @param wrapUpUntil  after a queue call, the queue gives the member no call until then
 */
public record MemberState(String iface, String name, Status status, boolean paused, @Nullable String pausedReason,
                          Instant since, @Nullable AgentCall call, @Nullable Instant wrapUpUntil) {

    public MemberState(String iface, String name, Status status, boolean paused, @Nullable String pausedReason,
                       Instant since) {
        this(iface, name, status, paused, pausedReason, since, null, null);
    }

    /** In wrap-up at {@code now}: the last call ended, the queue's wrap-up time has not. */
    public boolean inWrapUp(Instant now) {
        return call == null && wrapUpUntil != null && now.isBefore(wrapUpUntil);
    }

    /** Asterisk's device state of the member, simplified for people. */
    public enum Status {
        AVAILABLE, RINGING, TALKING, UNAVAILABLE, UNKNOWN;

        /** From app_queue's numeric {@code Status} (AST_DEVICE_*). */
        public static Status of(@Nullable String code) {
            return switch (code == null ? "" : code.strip()) {
                case "1" -> AVAILABLE;
                case "2", "3", "7", "8" -> TALKING;
                case "6" -> RINGING;
                case "4", "5" -> UNAVAILABLE;
                default -> UNKNOWN;
            };
        }
    }
}
