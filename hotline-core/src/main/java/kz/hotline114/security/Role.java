package kz.hotline114.security;
import java.util.EnumSet;
import java.util.Set;

/** What a user of the hotline does; a user may hold several. */
public enum Role {
    /** Takes calls, opens cases. */
    OPERATOR,
    /** Psychologist, theologian or religious scholar: answers queue calls, keeps their cases. */
    SPECIALIST,
    /** Watches the line, reviews quality; sees everything, including full caller numbers. */
    SUPERVISOR,
    /** Grantee staff: reports and aggregates only, never personal data. */
    REPORTER,
    /** Manages users, directories and rules; sees everything. */
    ADMIN,
    /**
     * An outside expert of the quality monitoring (seed 004, task 3): hears and scores only the calls assigned to them;
     * no case list, no full numbers.
     */
    EVALUATOR;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles allowed to see full caller numbers (everyone else sees them masked). */
    public static final Set<Role> SEE_CALLER_NUMBERS = EnumSet.of(SUPERVISOR, ADMIN);
}
