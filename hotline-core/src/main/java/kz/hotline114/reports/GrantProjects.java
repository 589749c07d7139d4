package kz.hotline114.reports;

import java.util.List;
import java.util.Optional;

/**
 * The grant projects. Reporters, supervisors and admins read them; reporters and admins change them.
 * Invalid input throws {@link InvalidReport} with the problems per field.
 */
public interface GrantProjects {

    List<GrantProject> list();

    Optional<GrantProject> get(long id);

    /**
     * Stores a project with its whole tree (id 0 = new; otherwise the stored tree is replaced) and returns it
     * as stored. Reports refer to activities and indicators by their numbers ({@code 1.2}, {@code 1.2.3}),
     * not by ids, so a replaced tree keeps its narratives.
     */
    GrantProject save(GrantProject project);
}
