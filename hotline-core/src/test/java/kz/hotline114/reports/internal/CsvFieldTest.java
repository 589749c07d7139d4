package kz.hotline114.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A caller-ID name or a case text that Excel would run as a formula is written as quoted text; numbers stay numbers. */
class CsvFieldTest {

    @Test
    void formulas_are_neutralised_and_numbers_left_alone() {
        assertThat(JdbcCallExports.csvField("=HYPERLINK(\"http://x\")")).startsWith("\"'=");
        assertThat(JdbcCallExports.csvField("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(JdbcCallExports.csvField("+1+cmd|' /C calc'!A0")).isEqualTo("\"'+1+cmd|' /C calc'!A0\"");
        assertThat(JdbcCallExports.csvField("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(JdbcCallExports.csvField("\tnote")).isEqualTo("\"'\tnote\"");
        assertThat(JdbcCallExports.csvField("+77011234567")).isEqualTo("+77011234567");
        assertThat(JdbcCallExports.csvField("+7 701 *** ** 67")).isEqualTo("+7 701 *** ** 67");
        assertThat(JdbcCallExports.csvField("-5")).isEqualTo("-5");
        assertThat(JdbcCallExports.csvField(42)).isEqualTo("42");
        assertThat(JdbcCallExports.csvField("a, b")).isEqualTo("\"a, b\"");
    }
}
