package kz.hotline114.ui.admin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The audit log in the reader's language. The log itself keeps its entries as the services wrote them (an action
 * code, a subject and a detail in plain English words, readable by a database administrator and stable for
 * exports); this reads them to an administrator in kk/ru: the action by its name in the bundle, and the English
 * words and phrases of subjects and details by a glossary (longest phrase first, whole words only). Codes, names,
 * numbers and dates pass through as they are.
 */
final class AuditTexts {

    /** English phrase → bundle key of its translation. */
    private static final Map<String, String> GLOSSARY = new LinkedHashMap<>();

    static {
        for (var word : new String[] {"earlier calls of the caller of", "number fragment of", "text of",
                "next shift goes on", "walk-in", "latest", "callback", "callbacks", "calls", "call", "cases", "case",
                "characters", "digits", "questions", "users", "user", "action", "version", "expert", "specialist",
                "shift", "appointment", "centre", "centre_event", "reception_day", "reception_hours",
                "reception_closure", "event", "due", "from", "to", "by", "q", "category", "status", "question", "answer",
                "outcome", "queue", "number", "active", "inactive", "movement", "partner", "referral", "note", "notes",
                "language", "sha256", "with full caller numbers", "not called back", "addresses"}) {
            GLOSSARY.put(word, "audit.word." + word.replace(' ', '_').replace('-', '_'));
        }
    }

    private static final Pattern WORDS = Pattern.compile(GLOSSARY.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .reduce((a, b) -> a + "|" + b).map(p -> "(?<![\\p{L}\\d_-])(" + p + ")(?![\\p{L}\\d_-])").orElseThrow());

    private final UnaryOperator<String> translation;

    /** @param translation a bundle key → its text in the reader's language */
    AuditTexts(UnaryOperator<String> translation) {
        this.translation = translation;
    }

    String action(String code) {
        var key = "audit.action." + code;
        var text = translation.apply(key);
        return text == null || text.isBlank() || text.contains(key) ? code : text;
    }

    String text(@Nullable String english) {
        if (english == null || english.isBlank()) {
            return "";
        }
        Matcher m = WORDS.matcher(english);
        var out = new StringBuilder();
        while (m.find()) {
            var key = GLOSSARY.get(m.group(1));
            var text = translation.apply(key);
            m.appendReplacement(out, Matcher.quoteReplacement(text == null || text.contains(key) ? m.group(1) : text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The phrases this reads, for the test that keeps the bundles complete. */
    static Iterable<String> glossaryKeys() {
        return GLOSSARY.values();
    }
}
