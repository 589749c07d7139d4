package kz.hotline114.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A user name with CR/LF cannot forge a log line; weak passwords are refused with the reason. */
class LogSafeAndPasswordPolicyTest {

    @Test
    void control_characters_are_shown_escaped_and_long_values_cut() {
        assertThat(LogSafe.of("admin\r\n2026-12-06 INFO forged line")).isEqualTo("admin\\u000d\\u000a2026-12-06 INFO forged line")
                .doesNotContain("\n");
        assertThat(LogSafe.of("x".repeat(5000))).hasSizeLessThan(210);
        assertThat(LogSafe.of(null)).isEqualTo("null");
        assertThat(LogSafe.of("Айгүл")).isEqualTo("Айгүл");
    }

    @Test
    void weak_passwords_are_refused_and_strong_ones_pass() {
        assertThat(PasswordPolicy.problem("aigerim", "short-1")).contains("12");
        assertThat(PasswordPolicy.problem("aigerim", "onlylettershere")).contains("digit");
        assertThat(PasswordPolicy.problem("aigerim", "aigerim-2026-desk")).contains("user name");
        assertThat(PasswordPolicy.problem("aigerim", "Change-Me-201!")).contains("guess");
        assertThat(PasswordPolicy.problem("aigerim", "aaaaaaaaaaaa1")).contains("guess");
        assertThat(PasswordPolicy.problem("aigerim", "Жасыл-алма-2026")).isNull();
        assertThatThrownBy(() -> PasswordPolicy.check("a", "password")).hasMessageStartingWith("password:");
    }
}
