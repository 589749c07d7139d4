package kz.hotline114.live;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The queue call a member's phone is ringing with or talking on (from AgentCalled / AgentConnect).
 *
 * @param since   when it started ringing, or when it was answered
 * @param channel the specialist's leg (e.g. {@code PJSIP/201-0000000a}): what a blind transfer moves the caller from
 */
public record AgentCall(String linkedid, String queue, boolean answered, Instant since, @Nullable String channel) {
}
