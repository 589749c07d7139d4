package kz.hotline114.security;

import org.jspecify.annotations.Nullable;

/**
 * A value from outside (a user name typed at the login, a header) made safe for one log line: control characters
 * (CR, LF, tabs, escapes) shown as {@code \\uXXXX} so nobody can forge a log line, and at most 200 characters.
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String of(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        var sb = new StringBuilder(Math.min(value.length(), 200) + 8);
        for (int i = 0; i < value.length() && sb.length() < 200; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= 200 && value.length() > 200) {
            sb.append('…');
        }
        return sb.toString();
    }
}
