package kz.hotline114.preferences;

import java.util.List;

/**
 * The signed-in user's saved filters, per screen: a name and the filter as the screen writes it (its own
 * {@code key=value&…} text). Each user sees and changes only their own. A saved filter holds no caller's number:
 * the screens leave it out.
 */
public interface SavedFilters {

    /** Most filters one user keeps on one screen. */
    int MAX_PER_SCREEN = 30;

    /** The user's filters on {@code screen}, by name. */
    List<SavedFilter> mine(String screen);

    /**
     * Saves (or replaces, by name) a filter of the user's.
     *
     * @throws IllegalArgumentException "name: required|tooLong", "query: tooLong", "screen: unknown", "name: tooMany"
     */
    SavedFilter save(String screen, String name, String query);

    /** Removes one of the user's filters (another user's id is ignored). */
    void remove(long id);

    record SavedFilter(long id, String screen, String name, String query) {
    }
}
