package kz.hotline114.live;

import java.time.Instant;

/**
 * The queue call a member's phone is ringing with or talking on (from AgentCalled / AgentConnect).
 *
 * @param since when it started ringing, or when it was answered
 */
public record AgentCall(String linkedid, String queue, boolean answered, Instant since) {
}
