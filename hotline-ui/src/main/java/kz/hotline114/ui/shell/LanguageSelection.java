package kz.hotline114.ui.shell;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;

import jakarta.servlet.http.Cookie;

/** Every session starts in Kazakh unless the user chose Russian before (a cookie remembers the choice). */
@Component
class LanguageSelection implements VaadinServiceInitListener {

    static final String COOKIE = "hotline-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(fromRequest(e.getRequest())));
        event.getSource().addUIInitListener(e -> {
            var request = VaadinRequest.getCurrent();
            if (request != null) {
                e.getUI().setLocale(fromRequest(request));
            }
        });
    }

    static Locale fromRequest(VaadinRequest request) {
        var cookies = request.getCookies();
        if (cookies != null) {
            var chosen = Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                    .findFirst().orElse("kk");
            return "ru".equals(chosen) ? HotlineI18n.RUSSIAN : HotlineI18n.KAZAKH;
        }
        return HotlineI18n.KAZAKH;
    }

    /** Remembers the choice for a year. */
    static void remember(Locale locale) {
        var response = VaadinResponse.getCurrent();
        if (response != null) {
            var cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setPath(VaadinService.getCurrentRequest() != null
                    ? VaadinService.getCurrentRequest().getContextPath() + "/" : "/");
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}
