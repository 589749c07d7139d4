package kz.hotline114.pbx.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import kz.hotline114.pbx.PbxLink;
import kz.hotline114.pbx.PbxLinkStatus;

/** {@code /actuator/health} component {@code ami}: UP while the AMI link is logged in. */
@Component("ami")
class AmiHealthIndicator implements HealthIndicator {

    private final PbxLink link;
    private final PbxRecordsReconciler reconciler;

    AmiHealthIndicator(PbxLink link, PbxRecordsReconciler reconciler) {
        this.link = link;
        this.reconciler = reconciler;
    }

    @Override
    public Health health() {
        var s = link.status();
        var builder = s.state() == PbxLinkStatus.State.CONNECTED ? Health.up() : Health.down();
        builder.withDetail("pbx", s.pbxId()).withDetail("state", s.state().name())
                .withDetail("demo", s.demo()).withDetail("host", s.host() + ":" + s.port())
                .withDetail("reconnects", s.reconnects()).withDetail("eventsReceived", s.received())
                .withDetail("eventsJournaled", s.journaled()).withDetail("eventsDropped", s.dropped())
                .withDetail("packetsMalformed", s.malformed())
                .withDetail("reconcileWithPbxRecords", reconciler.enabled())
                .withDetail("callsRecoveredFromPbxRecords", reconciler.recovered());
        if (s.lastError() != null) {
            builder.withDetail("lastError", s.lastError());
        }
        return builder.build();
    }
}
