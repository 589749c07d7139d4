package kz.hotline114.ui.reports;

import java.util.Locale;

import kz.hotline114.reports.ReportTexts;
import kz.hotline114.ui.shell.HotlineI18n;

/** The report renderers' texts from the application's message bundles (Kazakh base, Russian). */
public record BundleReportTexts(HotlineI18n i18n, Locale locale) implements ReportTexts {

    /** {@code lang} "ru" gives Russian, anything else Kazakh. */
    public static BundleReportTexts of(HotlineI18n i18n, String lang) {
        return new BundleReportTexts(i18n, "ru".equals(lang) ? HotlineI18n.RUSSIAN : HotlineI18n.KAZAKH);
    }

    @Override
    public String text(String key, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }

    @Override
    public boolean has(String key) {
        return !i18n.getTranslation(key, locale).startsWith("!");
    }
}
