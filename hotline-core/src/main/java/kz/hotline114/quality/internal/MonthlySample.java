package kz.hotline114.quality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.quality.QualityProperties;
import kz.hotline114.security.Role;
import kz.hotline114.shared.HotlineProperties;

/**
 * Draws the previous month's sample by itself once the month is over (from {@code hotline.quality.sample-day}), as
 * "system" with a supervisor's rights, unless a sample of exactly that month exists (drawn by hand or before) — so it
 * is drawn once, and a supervisor who drew it already is not overruled. No evaluators yet: it waits for them.
 */
@Component
@EnableConfigurationProperties(QualityProperties.class)
class MonthlySample {

    private static final Logger log = LoggerFactory.getLogger(MonthlySample.class);

    private final Evaluations evaluations;
    private final JdbcTemplate jdbc;
    private final QualityProperties props;
    private final HotlineProperties hotline;
    private final Clock clock;
    private final NodeLeases leases;

    MonthlySample(Evaluations evaluations, JdbcTemplate jdbc, QualityProperties props, HotlineProperties hotline,
                  Clock clock, NodeLeases leases) {
        this.leases = leases;
        this.evaluations = evaluations;
        this.jdbc = jdbc;
        this.props = props;
        this.hotline = hotline;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.quality.poll:1h}", initialDelayString = "${hotline.quality.initial-delay:2m}")
    void poll() {
        if (props.monthlySample() && leases.holds(NodeLeases.SCHEDULER)) { // one node draws it
            drawIfDue();
        }
    }

    /** The previous month's sample, if it is due and not drawn yet; empty otherwise. */
    Optional<Evaluations.Sample> drawIfDue() {
        var today = LocalDate.now(clock.withZone(hotline.zone()));
        if (today.getDayOfMonth() < props.sampleDay()) {
            return Optional.empty();
        }
        var from = today.minusMonths(1).withDayOfMonth(1);
        var to = from.plusMonths(1).minusDays(1);
        long drawn = jdbc.queryForObject("select count(*) from evaluation_sample where period_from = ? and period_to = ?",
                Long.class, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
        if (drawn > 0) {
            return Optional.empty();
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "system", "n/a", List.of(new SimpleGrantedAuthority(Role.SUPERVISOR.authority()))));
            if (evaluations.evaluators().isEmpty()) {
                log.info("The monthly sample of {} waits: no evaluator is enabled", from);
                return Optional.empty();
            }
            var sample = evaluations.sample(from, to, props.perStratum(), props.calibrationShare(), null);
            log.info("The monthly sample of {}..{} drawn: {} calls, {} evaluations, seed {}", from, to, sample.calls(),
                    sample.evaluations().size(), sample.seed());
            return Optional.of(sample);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
