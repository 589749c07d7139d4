package kz.hotline114.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.ui.shell.MessageBundlesTest;

/** Every action the services write to the audit log has a name in both languages; details read in words. */
class AuditTextsTest {

    /** The action codes in the sources: the string literals of every {@code record(…)}'s first argument. */
    private static Set<String> actionsInTheSources() throws IOException {
        var call = Pattern.compile("(?:record|recordListing)\\(\\s*([^,;]*?\"[A-Z_]+\"[^,;]*?),");
        var literal = Pattern.compile("\"([A-Z][A-Z_]+)\"");
        var codes = new TreeSet<String>();
        for (var root : new Path[] {Path.of("src/main/java"), Path.of("../hotline-core/src/main/java")}) {
            try (var files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        call.matcher(Files.readString(f)).results().forEach(m -> literal.matcher(m.group(1)).results()
                                .forEach(l -> codes.add(l.group(1))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        if (codes.remove("APPOINTMENT_")) { // "APPOINTMENT_" + the status it became
            for (var s : AppointmentStatus.values()) {
                codes.add("APPOINTMENT_" + s.name());
            }
        }
        return codes;
    }

    @Test
    void every_audited_action_has_a_kazakh_and_a_russian_name() throws IOException {
        var codes = actionsInTheSources();
        assertThat(codes).contains("CASE_VIEWED", "CALLS_LISTED_MASKED", "DESK_PAUSED", "APPOINTMENT_NO_SHOW")
                .hasSizeGreaterThan(50);
        for (var bundle : new String[] {"messages.properties", "messages_ru.properties"}) {
            Properties p = MessageBundlesTest.load(bundle);
            assertThat(codes).allSatisfy(c -> assertThat(p).as(bundle).containsKey("audit.action." + c));
            for (var key : AuditTexts.glossaryKeys()) {
                assertThat(p).as(bundle).containsKey(key);
            }
        }
    }

    @Test
    void details_are_read_word_by_word_and_names_codes_numbers_pass_through() throws IOException {
        var kk = MessageBundlesTest.load("messages.properties");
        var texts = new AuditTexts(kk::getProperty);
        assertThat(texts.text("callback 7 due 2026-01-01T10:00:00Z")).isEqualTo("кері қоңырау 7 мерзімі 2026-01-01T10:00:00Z");
        assertThat(texts.text("earlier calls of the caller of pbx/1.2")).isEqualTo(
                "қоңырау шалушының бұрынғы қоңыраулары, қоңырау pbx/1.2");
        assertThat(texts.text("12 cases")).isEqualTo("12 өтініш");
        assertThat(texts.text("50 calls with full caller numbers")).isEqualTo("50 қоңырау (толық нөмірлермен)");
        assertThat(texts.text("CALL_LOG MONTHLY, 2 addresses")).isEqualTo("CALL_LOG MONTHLY, 2 мекенжай");
        assertThat(texts.text("specialist 3")).isEqualTo("маман 3");
        assertThat(texts.text("Casey to-do")).as("parts of words and names stay").isEqualTo("Casey to-do");
        assertThat(texts.action("CASE_VIEWED")).isEqualTo("Өтініш қаралды");
        assertThat(texts.action("SOMETHING_NEW")).as("an action without a name shows its code").isEqualTo("SOMETHING_NEW");
        assertThat(texts.text(null)).isEmpty();
    }
}
