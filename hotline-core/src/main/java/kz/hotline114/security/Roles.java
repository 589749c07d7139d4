package kz.hotline114.security;

/**
 * The {@link Role} names as compile-time constants, for annotations ({@code @RolesAllowed({Roles.SUPERVISOR,
 * Roles.ADMIN})}) where an enum cannot go; {@code RolesTest} keeps them equal to the enum's names.
 */
public final class Roles {

    public static final String OPERATOR = "OPERATOR";
    public static final String SPECIALIST = "SPECIALIST";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String REPORTER = "REPORTER";
    public static final String EVALUATOR = "EVALUATOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
