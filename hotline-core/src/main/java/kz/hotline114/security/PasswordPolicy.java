package kz.hotline114.security;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a password must be for an account of this line (they guard callers' numbers and case texts): at least
 * {@value #MIN_LENGTH} characters, letters and at least one digit or other sign, not the user name, not one of the
 * passwords everybody tries first. The first admin's password (HOTLINE_ADMIN_PASSWORD) is the operator's choice.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private static final Set<String> COMMON = Set.of("password", "passw0rd", "qwerty", "123456", "12345678",
            "change-me", "changeme", "letmein", "welcome", "admin", "hotline", "hotline114", "114", "asterisk",
            "secret", "default");

    private PasswordPolicy() {
    }

    /** @throws IllegalArgumentException with a message starting {@code password:} when the password is weak */
    public static void check(String username, String password) {
        String problem = problem(username, password);
        if (problem != null) {
            throw new IllegalArgumentException("password: " + problem);
        }
    }

    /** What is wrong with the password, in words, or null when it will do. */
    public static @Nullable String problem(String username, String password) {
        if (password.length() < MIN_LENGTH) {
            return "at least " + MIN_LENGTH + " characters";
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            return "letters and at least one digit or other sign";
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "must not contain the user name";
        }
        var stripped = lower.replaceAll("[^\\p{L}]", "");
        if (COMMON.contains(lower) || COMMON.contains(stripped) || password.chars().distinct().count() < 5) {
            return "too easy to guess";
        }
        return null;
    }
}
