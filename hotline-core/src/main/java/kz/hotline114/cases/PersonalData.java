package kz.hotline114.cases;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Strikes phone numbers and e-mail addresses out of free texts (questions, answers) before they leave the case file. */
public final class PersonalData {

    static final Pattern PERSONAL = Pattern.compile("\\+?\\d[\\d\\s()\\-]{5,}\\d|[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    private PersonalData() {
    }

    /** The text with every phone number and e-mail address replaced by {@code […]}; null becomes "". */
    public static String strike(@Nullable String text) {
        return text == null ? "" : PERSONAL.matcher(text).replaceAll("[…]");
    }
}
