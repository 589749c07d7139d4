package kz.hotline114.reports;

import java.util.Locale;

/**
 * The translated texts a document is written with (the application's message bundles, keys
 * {@code report.*}, {@code statistic.*}, …): the renderers hold no user-visible string of their own.
 */
public interface ReportTexts {

    /** The text of {@code key} in {@link #locale()}, with {@code {0}}-style arguments filled in. */
    String text(String key, Object... args);

    Locale locale();

    /** Whether the bundles have {@code key} (codes without a translation are printed as they are). */
    boolean has(String key);

    /** The text of {@code key} when the bundles have it, else {@code fallback}. */
    default String textOr(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }
}
