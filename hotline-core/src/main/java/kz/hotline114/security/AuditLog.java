package kz.hotline114.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The append-only record of who viewed or changed personal data, and when. */
public interface AuditLog {

    /** Records an access by the current user (or {@code system} outside a request). */
    void record(String action, @Nullable String subject, @Nullable String detail);

    /**
     * Records a listing (a page of calls, cases, a search) once per user, action and subject (the filter in words)
     * every {@link #LISTING_QUIET}: a screen that refreshes itself every few seconds does not bury the log, and
     * every different filter is still there.
     */
    void recordListing(String action, String subject, @Nullable String detail);

    /** How long a repeated listing stays unrecorded. */
    Duration LISTING_QUIET = Duration.ofMinutes(10);

    List<Entry> latest(int limit);

    record Entry(long id, Instant at, String username, String action, @Nullable String subject,
                 @Nullable String detail) {
    }
}
