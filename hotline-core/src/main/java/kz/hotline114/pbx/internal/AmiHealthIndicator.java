package kz.hotline114.pbx.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import kz.hotline114.pbx.PbxLinkStatus;

/**
 * {@code /actuator/health} component {@code ami}: each PBX's link; UP while at least one is logged in (a regional PBX
 * that is down does not take the node out of the load balancer; its own state says so).
 */
@Component("ami")
class AmiHealthIndicator implements HealthIndicator {

    private final AmiLinks links;

    AmiHealthIndicator(AmiLinks links) {
        this.links = links;
    }

    @Override
    public Health health() {
        boolean any = false;
        var all = new java.util.ArrayList<java.util.Map<String, Object>>();
        for (var id : links.ids()) {
            var s = links.link(id).status();
            var r = links.reconciler(id);
            any |= s.state() == PbxLinkStatus.State.CONNECTED;
            var d = new java.util.LinkedHashMap<String, Object>();
            d.put("pbx", s.pbxId());
            d.put("state", s.state().name());
            d.put("demo", s.demo());
            d.put("host", s.host() + ":" + s.port());
            d.put("reconnects", s.reconnects());
            d.put("eventsReceived", s.received());
            d.put("eventsJournaled", s.journaled());
            d.put("eventsDropped", s.dropped());
            d.put("packetsMalformed", s.malformed());
            d.put("journaling", links.service(id).journaling());
            d.put("reconcileWithPbxRecords", r.enabled());
            d.put("callsRecoveredFromPbxRecords", r.recovered());
            if (s.lastError() != null) {
                d.put("lastError", s.lastError());
            }
            all.add(d);
        }
        var builder = any ? Health.up() : Health.down();
        if (all.size() == 1) {
            builder.withDetails(all.getFirst());
        } else {
            builder.withDetail("pbxs", all);
        }
        return builder.build();
    }
}
