package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.HangupSide;
import kz.hotline114.calls.WrongNumberReason;

/** Kazakh first, Russian second: both bundles say everything, and every key the code asks for exists. */
public class MessageBundlesTest {

    public static Properties load(String name) throws IOException {
        var p = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void no_key_is_written_twice_in_a_bundle() throws IOException {
        // a second line with the same key silently wins: a new text would replace an old one somewhere else
        for (var name : java.util.List.of("messages.properties", "messages_ru.properties")) {
            var seen = new java.util.HashSet<String>();
            var twice = new java.util.ArrayList<String>();
            for (var line : Files.readAllLines(Path.of("src/main/resources/i18n", name))) {
                var m = Pattern.compile("^([^#!\\s=:][^=:\\s]*)\\s*[=:]").matcher(line);
                if (m.find() && !seen.add(m.group(1))) {
                    twice.add(m.group(1));
                }
            }
            assertThat(twice).as(name).isEmpty();
        }
    }

    @Test
    void kazakh_and_russian_have_the_same_keys() throws IOException {
        var kk = load("messages.properties");
        var ru = load("messages_ru.properties");
        assertThat(ru.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(kk.stringPropertyNames());
        assertThat(kk.values()).isNotEmpty().allSatisfy(v -> assertThat((String) v).isNotBlank());
    }

    @Test
    void every_key_the_views_use_is_translated() throws IOException {
        var kk = load("messages.properties");
        var used = Pattern.compile("getTranslation\\(\"([a-zA-Z.]+)\"");
        try (var files = Files.walk(Path.of("src/main/java"))) {
            var keys = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return used.matcher(Files.readString(f)).results().map(m -> m.group(1)).filter(k -> !k.endsWith("."));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
            assertThat(keys).isNotEmpty();
            assertThat(kk.stringPropertyNames()).containsAll(keys);
        }
        for (var o : CallOutcome.values()) {
            assertThat(kk).containsKey("outcome." + o.name());
        }
        for (var k : CallStep.Kind.values()) {
            assertThat(kk).containsKey("timeline." + k.name());
        }
        for (var h : HangupSide.values()) {
            assertThat(kk).containsKey("hangup." + h.name());
        }
        for (var r : WrongNumberReason.values()) {
            assertThat(kk).containsKey("reason." + r.name());
        }
    }
}
