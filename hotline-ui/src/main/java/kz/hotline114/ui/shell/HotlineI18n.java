package kz.hotline114.ui.shell;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/** Kazakh first, Russian second: every user-visible string comes from {@code i18n/messages*.properties}. */
@Component
public class HotlineI18n implements I18NProvider {

    public static final Locale KAZAKH = Locale.of("kk");
    public static final Locale RUSSIAN = Locale.of("ru");

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(KAZAKH, RUSSIAN);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        var effective = RUSSIAN.getLanguage().equals(locale.getLanguage()) ? RUSSIAN : KAZAKH;
        try {
            var bundle = ResourceBundle.getBundle("i18n.messages", effective,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            var text = bundle.getString(key);
            return params.length == 0 ? text : new MessageFormat(text, effective).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    /** The translation, or {@code fallback} when the key is missing (for data-driven keys such as regions). */
    public String getOr(String key, Locale locale, String fallback) {
        var t = getTranslation(key, locale);
        return t.startsWith("!") ? fallback : t;
    }
}
