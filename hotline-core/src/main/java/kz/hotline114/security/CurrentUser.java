package kz.hotline114.security;

import java.util.Arrays;

import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user's name and rights, for features that mask or audit. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String name() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    public static boolean has(Role role) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    /** True when the user may see full caller numbers. */
    public static boolean maySeeCallerNumbers() {
        return Arrays.stream(Role.values()).filter(Role.SEE_CALLER_NUMBERS::contains).anyMatch(CurrentUser::has);
    }
}
