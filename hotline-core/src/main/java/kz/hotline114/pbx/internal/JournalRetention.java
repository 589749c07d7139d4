package kz.hotline114.pbx.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.security.AuditLog;

/**
 * Keeps the raw journal by time (issue 21): it is partitioned by UTC month ({@code V66}); this makes the next month's
 * partition ahead of time and drops a month once it is older than {@code hotline.journal.retention-months} (13 by
 * default) — archived first as gzipped COPY text when {@code hotline.journal.archive-dir} is set — but never while the
 * calls it explains are not final: a month is held while a call that started in it is still in progress, while an
 * interim report over it is a draft, and while a grant project covering it has no final report through its end.
 * One node does it (the scheduler's lease); each dropped month is audited.
 */
@Component
@EnableConfigurationProperties(JournalRetention.JournalProperties.class)
class JournalRetention {

    private static final Logger log = LoggerFactory.getLogger(JournalRetention.class);
    private static final Pattern BOUND = Pattern.compile("FROM \\((.+?)\\) TO \\((.+?)\\)");
    /** The lower bound of the journal before partitioning (MINVALUE), for the reports' and calls' look-ups. */
    private static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");

    /**
     * {@code hotline.journal.*}.
     *
     * @param retentionMonths months kept after the current one (13: the same month a year ago stays)
     * @param archiveDir      where a month goes (gzipped) before it is dropped; empty = dropped without a copy
     * @param enabled         off in tests, which share one database across clocks
     */
    @ConfigurationProperties("hotline.journal")
    record JournalProperties(Integer retentionMonths, @Nullable Path archiveDir, Boolean enabled) {

        JournalProperties {
            retentionMonths = retentionMonths == null ? 13 : retentionMonths;
            enabled = enabled == null || enabled;
            if (retentionMonths < 1) {
                throw new IllegalArgumentException("hotline.journal.retention-months must be at least 1");
            }
        }
    }

    /** One month (partition) of the journal: what happened to it and why. */
    record Month(String partition, Instant from, Instant to, long rows, @Nullable String heldBy,
                 @Nullable Path archive) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcAmiJournal journal;
    private final JournalProperties props;
    private final NodeLeases leases;
    private final AuditLog audit;
    private final Clock clock;

    JournalRetention(JdbcTemplate jdbc, JdbcAmiJournal journal, JournalProperties props, NodeLeases leases,
                     AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.props = props;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The start (UTC) of the month holding {@code at}: the partitions' bounds. */
    static Instant monthOf(Instant at) {
        var d = at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant plusMonths(Instant monthStart, int months) {
        return monthStart.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    @Scheduled(fixedDelayString = "${hotline.journal.poll:1h}", initialDelayString = "${hotline.journal.initial-delay:1m}")
    void poll() {
        if (!props.enabled() || !leases.holds(NodeLeases.SCHEDULER)) {
            return;
        }
        try {
            var now = clock.instant();
            journal.ensureMonth(now);
            journal.ensureMonth(plusMonths(monthOf(now), 1));
            retain(now, null);
        } catch (RuntimeException e) {
            log.error("The journal's retention could not run: {}", e.getMessage(), e);
        }
    }

    /**
     * Drops (archiving first when asked) every month older than the retention that nothing holds; returns the months
     * it looked at. {@code only}: just these partitions (tests share one database), null = all.
     */
    List<Month> retain(Instant now, @Nullable Set<String> only) {
        var cutoff = plusMonths(monthOf(now), -props.retentionMonths());
        var out = new ArrayList<Month>();
        for (var p : partitions()) {
            if (only != null && !only.contains(p.partition()) || p.to().isAfter(cutoff)) {
                continue;
            }
            var held = heldBy(p.from(), p.to());
            if (held != null) {
                log.info("The journal's {} is past its retention but kept: {}", p.partition(), held);
                out.add(new Month(p.partition(), p.from(), p.to(), p.rows(), held, null));
                continue;
            }
            var archive = props.archiveDir() == null ? null : archive(p);
            jdbc.queryForObject("select ami_journal_drop_partition(?)::text", String.class, p.partition());
            audit.record("JOURNAL_MONTH_DROPPED", p.partition(), "%d events from %s to %s%s".formatted(p.rows(),
                    p.from(), p.to(), archive == null ? "" : ", archived to " + archive));
            log.info("Dropped the journal's {} ({} events{})", p.partition(), p.rows(),
                    archive == null ? "" : ", archived to " + archive);
            out.add(new Month(p.partition(), p.from(), p.to(), p.rows(), null, archive));
        }
        return out;
    }

    /** The journal's partitions with their bounds (the legacy one from {@link #BEGINNING}) and row counts. */
    List<Month> partitions() {
        var rows = jdbc.queryForList("""
                select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
                  from pg_inherits i join pg_class c on c.oid = i.inhrelid
                 where i.inhparent = 'ami_journal'::regclass order by c.relname""");
        var out = new ArrayList<Month>();
        for (var r : rows) {
            var m = BOUND.matcher(String.valueOf(r.get("bound")));
            if (!m.find()) {
                continue;
            }
            var from = instant(m.group(1));
            var to = instant(m.group(2));
            var name = (String) r.get("name");
            var lower = from == null ? BEGINNING : from;
            var upper = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to;
            // through the parent: the application's role reads the journal, not each partition the owner made
            long count = jdbc.queryForObject("select count(*) from ami_journal where received_at >= ? and received_at < ?",
                    Long.class, Timestamp.from(lower), Timestamp.from(upper));
            out.add(new Month(name, lower, upper, count, null, null));
        }
        return out;
    }

    private @Nullable Instant instant(String literal) {
        if (!literal.startsWith("'")) {
            return null; // MINVALUE / MAXVALUE
        }
        var ts = jdbc.queryForObject("select cast(? as timestamptz)", Timestamp.class,
                literal.substring(1, literal.length() - 1));
        return ts == null ? null : ts.toInstant();
    }

    /** Why the month must stay, or null. */
    private @Nullable String heldBy(Instant from, Instant to) {
        long unfinished = jdbc.queryForObject("""
                select count(*) from calls where outcome = 'IN_PROGRESS' and started_at >= ? and started_at < ?""",
                Long.class, Timestamp.from(from), Timestamp.from(to));
        if (unfinished > 0) {
            return unfinished + " call(s) started in it are not finished";
        }
        var first = java.sql.Date.valueOf(from.atZone(ZoneOffset.UTC).toLocalDate());
        var last = java.sql.Date.valueOf(to.minus(1, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).toLocalDate());
        long drafts = jdbc.queryForObject("""
                select count(*) from interim_report where status = 'DRAFT' and period_from <= ? and period_to >= ?""",
                Long.class, last, first);
        if (drafts > 0) {
            return drafts + " interim report(s) over it are drafts";
        }
        var unreported = jdbc.queryForList("""
                select p.name from grant_project p
                 where p.period_from <= ? and p.period_to >= ?
                   and not exists (select from interim_report r where r.project_id = p.id and r.status = 'FINAL'
                                    and r.period_to >= least(?, p.period_to))""", String.class, last, first, last);
        if (!unreported.isEmpty()) {
            return "no final report of " + String.join(", ", unreported) + " covers it yet";
        }
        return null;
    }

    /** The month's events as COPY text, gzipped, written whole before the month is dropped. */
    private Path archive(Month p) {
        var dir = props.archiveDir();
        try {
            Files.createDirectories(dir);
            var target = dir.resolve(p.partition() + ".tsv.gz");
            var partial = dir.resolve(p.partition() + ".tsv.gz.partial");
            jdbc.execute((ConnectionCallback<Long>) con -> {
                try (var out = new GZIPOutputStream(Files.newOutputStream(partial))) {
                    return con.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut(
                            "copy (select id, pbx_id, received_at, event_ts, event, linkedid, uniqueid, raw from ami_journal"
                                    + " where received_at >= '" + p.from() + "' and received_at < '" + p.to()
                                    + "' order by id) to stdout", out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not archive " + p.partition() + " to " + dir, e);
        }
    }
}
