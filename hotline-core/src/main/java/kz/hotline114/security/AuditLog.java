package kz.hotline114.security;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The append-only record of who viewed or changed personal data, and when. */
public interface AuditLog {

    /** Records an access by the current user (or {@code system} outside a request). */
    void record(String action, @Nullable String subject, @Nullable String detail);

    List<Entry> latest(int limit);

    record Entry(long id, Instant at, String username, String action, @Nullable String subject,
                 @Nullable String detail) {
    }
}
