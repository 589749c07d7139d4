package kz.hotline114.risk.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.risk.RiskOverdue;
import kz.hotline114.risk.RiskProperties;
import kz.hotline114.security.AuditLog;

/**
 * Watches the follow-ups: one whose time has passed without an outcome is told to the supervisors once
 * ({@link RiskOverdue}) and audited; the callers-at-risk list shows it as overdue until it is closed.
 */
@Component
@EnableConfigurationProperties(RiskProperties.class)
class RiskWatch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RiskWatch.class);

    private final JdbcTemplate jdbc;
    private final JdbcRiskFlags flags;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final RiskProperties props;
    private final PbxCommands pbx;
    private final NodeLeases leases;

    RiskWatch(JdbcTemplate jdbc, JdbcRiskFlags flags, ApplicationEventPublisher events, AuditLog audit, Clock clock,
              RiskProperties props, PbxCommands pbx, NodeLeases leases) {
        this.leases = leases;
        this.props = props;
        this.pbx = pbx;
        this.jdbc = jdbc;
        this.flags = flags;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.risk.watch:30s}", initialDelayString = "${hotline.risk.watch:30s}")
    void watch() {
        if (leases.holds(NodeLeases.SCHEDULER)) { // one node tells the supervisors
            overdue();
        }
    }

    @Scheduled(fixedDelayString = "${hotline.risk.escalation-poll:5s}",
            initialDelayString = "${hotline.risk.escalation-poll:5s}")
    void escalationPoll() {
        if (leases.holds(NodeLeases.SCHEDULER)) { // one node rings the on-call contact
            escalate();
        }
    }

    /**
     * An urgent flag no supervisor has acknowledged within the timeout rings the next on-call contact with the alert
     * message ([hotline-risk-alert]); each further timeout the next one, until the list ends or someone acknowledges.
     * A contact that cannot be rung (the link is down) is tried again at the next look. Returns how many were rung.
     */
    int escalate() {
        if (props.onCall().isEmpty()) {
            return 0;
        }
        var now = clock.instant();
        var due = jdbc.query("""
                select id, escalations from risk_flag where level = 'URGENT' and acknowledged_at is null
                    and closed_at is null and escalations < ? and coalesce(escalated_at, flagged_at) <= ?
                order by flagged_at""", (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}, props.onCall().size(),
                Timestamp.from(now.minus(props.ackTimeout())));
        int rung = 0;
        for (var d : due) {
            var contact = props.onCall().get((int) d[1]);
            try {
                pbx.originate(contact, "hotline-risk-alert", "s", "\"114\" <114>",
                        java.util.Map.of("HOTLINE_RISK_ID", String.valueOf(d[0])));
            } catch (RuntimeException e) {
                log.warn("The on-call contact {} for risk flag {} could not be rung: {}", contact, d[0], e.getMessage());
                continue;
            }
            jdbc.update("update risk_flag set escalations = escalations + 1, escalated_at = ?, escalated_to = ?"
                    + " where id = ?", Timestamp.from(now), contact, d[0]);
            audit.record("RISK_ESCALATED", flags.loadForWatch(d[0]).call().toString(), contact);
            rung++;
        }
        return rung;
    }

    /** Tells the supervisors of each follow-up that has just gone overdue; returns how many. */
    int overdue() {
        var now = Timestamp.from(clock.instant());
        var due = jdbc.queryForList("""
                update risk_flag set overdue_alerted_at = ? where closed_at is null and follow_up_due < ?
                    and overdue_alerted_at is null returning id""", Long.class, now, now);
        for (var id : due) {
            var flag = flags.loadForWatch(id);
            audit.record("RISK_FOLLOW_UP_OVERDUE", flag.call().toString(), flag.category() + ", due "
                    + flag.followUpDue());
            events.publishEvent(new RiskOverdue(flag));
        }
        return due.size();
    }
}
