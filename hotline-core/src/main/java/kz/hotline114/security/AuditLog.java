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

    /** The newest entries; same as {@link #search} with an empty query. */
    default List<Entry> latest(int limit) {
        return search(Query.ALL, 0, limit).items();
    }

    /** The entries a query selects, newest first; the reading (its first page) is itself recorded. */
    Page search(Query query, int offset, int limit);

    /** How many entries a query selects (a count reveals nothing, so it is not recorded). */
    long count(Query query);

    /** Everyone who has an entry, for a filter's choices. */
    List<String> usernames();

    /** Every action that has an entry, for a filter's choices. */
    List<String> actions();

    /**
     * What to look for; every part may be absent.
     *
     * @param username exactly this user
     * @param action   exactly this action code
     * @param from     at or after
     * @param to       before
     * @param text     in the subject or the detail, case-insensitive
     */
    record Query(@Nullable String username, @Nullable String action, @Nullable Instant from, @Nullable Instant to,
                 @Nullable String text) {

        public static final Query ALL = new Query(null, null, null, null, null);

        /** The query in words, for the log's own entry. */
        public String describe() {
            return (username == null ? "" : "user=" + username + " ") + (action == null ? "" : "action=" + action + " ")
                    + (from == null ? "" : "from=" + from + " ") + (to == null ? "" : "to=" + to + " ")
                    + (text == null || text.isBlank() ? "" : "text of " + text.strip().length() + " characters");
        }
    }

    record Page(long total, List<Entry> items) {
    }

    record Entry(long id, Instant at, String username, String action, @Nullable String subject,
                 @Nullable String detail) {
    }
}
