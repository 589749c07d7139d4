package kz.hotline114.ui.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import kz.hotline114.calls.IvrMenu;
import kz.hotline114.dashboard.DashboardProperties;
import kz.hotline114.dashboard.WallboardAccess;
import kz.hotline114.ui.shell.HotlineI18n;

/**
 * {@code GET /wallboard/labels?lang=kk|ru&token=…}: the wall-board page's texts from the message bundles (the
 * static page hard-codes none), its colour thresholds, and whether its token is the board's (a refused WebSocket
 * handshake is only a closed socket to a browser: without this a wrong link looked like a connection trouble and
 * retried for ever). Public: it holds no data.
 */
@RestController
class WallboardLabels {

    static final String[] KEYS = {"wallboard.title", "wallboard.callsInProgress", "wallboard.waiting",
            "wallboard.longestWait", "wallboard.available", "wallboard.talking", "wallboard.paused", "wallboard.today",
            "wallboard.offered", "wallboard.answered", "wallboard.abandoned", "wallboard.wrongNumber",
            "wallboard.noInput", "wallboard.serviceLevel", "wallboard.atRisk", "wallboard.offline", "wallboard.pbxDown", "wallboard.badToken"};

    private final HotlineI18n i18n;
    private final DashboardProperties props;
    private final IvrMenu menu;

    private final WallboardAccess access;

    WallboardLabels(HotlineI18n i18n, DashboardProperties props, IvrMenu menu, WallboardAccess access) {
        this.menu = menu;
        this.access = access;
        this.i18n = i18n;
        this.props = props;
    }

    @GetMapping("/wallboard/labels")
    Map<String, Object> labels(@RequestParam(required = false) @Nullable String lang,
                               @RequestParam(required = false) @Nullable String token) {
        var locale = "ru".equals(lang) ? HotlineI18n.RUSSIAN : HotlineI18n.KAZAKH;
        var labels = new LinkedHashMap<String, String>();
        for (var k : KEYS) {
            labels.put(k.substring("wallboard.".length()), i18n.getTranslation(k, locale));
        }
        var queues = new LinkedHashMap<String, String>();
        for (var q : menu.queues()) {
            queues.put(q, i18n.getTranslation("queue." + q, locale));
        }
        return Map.of("lang", locale.getLanguage().toLowerCase(Locale.ROOT), "labels", labels, "queues", queues,
                "waitAlertSeconds", props.waitAlert().toSeconds(), "tokenAccepted", access.accepts(token));
    }
}
