package kz.hotline114.risk.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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

    private final JdbcTemplate jdbc;
    private final JdbcRiskFlags flags;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    RiskWatch(JdbcTemplate jdbc, JdbcRiskFlags flags, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.flags = flags;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.risk.watch:30s}", initialDelayString = "${hotline.risk.watch:30s}")
    void watch() {
        overdue();
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
