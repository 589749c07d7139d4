package kz.hotline114.ui.risk;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import kz.hotline114.risk.RiskFlags;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.ui.shell.FrameExtension;
import kz.hotline114.ui.shell.HotlineI18n;

/** The supervisors' risk alerts in the frame of every screen; nothing for other roles. */
@Component
class RiskAlertFrame implements FrameExtension {

    private final RiskFlags risk;
    private final RiskAlerts alerts;
    private final HotlineI18n i18n;

    RiskAlertFrame(RiskFlags risk, RiskAlerts alerts, HotlineI18n i18n) {
        this.risk = risk;
        this.alerts = alerts;
        this.i18n = i18n;
    }

    @Override
    public com.vaadin.flow.component.@Nullable Component create() {
        if (!(CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN))) {
            return null;
        }
        return new RiskAlertBell(risk, alerts, i18n);
    }
}
