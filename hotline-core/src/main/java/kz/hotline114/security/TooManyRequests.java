package kz.hotline114.security;

import java.time.Duration;

/** A user asked for something too often (a rate limit on personal data): try again after {@link #retryAfter()}. */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
