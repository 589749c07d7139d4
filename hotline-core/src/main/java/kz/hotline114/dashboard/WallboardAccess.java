package kz.hotline114.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * The wall-board's read-only token: it opens the live board (counts only) and nothing else, with no
 * user session. Configured ({@code hotline.wallboard.token}) or generated once and kept in the database.
 */
public interface WallboardAccess {

    /** True when {@code token} is the wall-board token (compared in constant time). */
    boolean accepts(@Nullable String token);

    /** The token, for an admin to put into the TV's address. */
    String token();
}
