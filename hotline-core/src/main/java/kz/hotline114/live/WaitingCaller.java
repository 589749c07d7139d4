package kz.hotline114.live;

import java.time.Instant;

/** A caller waiting in a queue (no number: the live model carries no personal data). */
public record WaitingCaller(String linkedid, Instant joinedAt, int position) {
}
