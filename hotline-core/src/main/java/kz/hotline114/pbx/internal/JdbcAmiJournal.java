package kz.hotline114.pbx.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import org.jspecify.annotations.Nullable;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiJournal;

/**
 * The raw AMI journal in PostgreSQL ({@code ami_journal}, append-only: a trigger refuses
 * UPDATE and DELETE). Ids come from a sequence that steps by {@value #ID_BLOCK}, so one
 * {@code nextval} reserves the ids of a whole batch.
 */
@Repository
class JdbcAmiJournal implements AmiJournal {

    static final int ID_BLOCK = 1000;

    private static final String COLUMNS = "id, pbx_id, received_at, raw";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final NodeLeases leases;

    JdbcAmiJournal(JdbcTemplate jdbc, TransactionTemplate tx, NodeLeases leases) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.leases = leases;
    }

    List<AmiEvent> append(List<AmiEvent> events) {
        return append(events, null);
    }

    /**
     * Appends the events in one transaction and returns them with their journal ids.
     * At most {@value #ID_BLOCK} events per call. With a {@code lease}, the transaction is
     * {@linkplain NodeLeases#fence fenced} by it: nothing is written unless this node holds it.
     */
    List<AmiEvent> append(List<AmiEvent> events, @Nullable String lease) {
        if (events.size() > ID_BLOCK) {
            throw new IllegalArgumentException("batch larger than " + ID_BLOCK);
        }
        // events recovered from the PBX's records carry the time of their call, perhaps a month the app was down in; they
        // come inside the reconciler's transaction, which a failed COPY would abort: their months are made first
        var recoveredMonths = events.stream().filter(AmiEvent::isRecovered).map(AmiEvent::receivedAt)
                .map(JournalRetention::monthOf).distinct().toList();
        if (!recoveredMonths.isEmpty()) {
            var own = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
            own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.executeWithoutResult(status -> recoveredMonths.forEach(this::ensureMonth));
        }
        try {
            return appendOnce(events, lease);
        } catch (org.springframework.dao.DataAccessException e) {
            if (!noPartition(e)) {
                throw e;
            }
            // a month no partition covers yet (the clock passed a month's end before the daily look made the next)
            events.stream().map(AmiEvent::receivedAt).map(JournalRetention::monthOf).distinct().forEach(this::ensureMonth);
            return appendOnce(events, lease);
        }
    }

    /** The partition holding the month of {@code at}: made when none covers it. */
    void ensureMonth(Instant at) {
        jdbc.queryForObject("select ami_journal_ensure_month(?)", String.class, Timestamp.from(at));
    }

    private static boolean noPartition(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23514".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("no partition")) {
                return true;
            }
        }
        return false;
    }

    private List<AmiEvent> appendOnce(List<AmiEvent> events, @Nullable String lease) {
        return tx.execute(status -> {
            if (lease != null) {
                leases.fence(lease);
            }
            long first = jdbc.queryForObject("select nextval('ami_journal_id_seq')", Long.class);
            var stored = new ArrayList<AmiEvent>(events.size());
            for (int i = 0; i < events.size(); i++) {
                var e = events.get(i);
                stored.add(e.withJournalId(first + i));
            }
            copy(stored);
            return stored;
        });
    }

    /**
     * Writes the rows with one {@code COPY … FROM STDIN} (text format): one round-trip and no per-row statement for the
     * whole batch — a batch of single-row INSERTs (each parsed, bound and executed on its own) was where the journal's
     * time went (issue 21's profile).
     */
    private void copy(List<AmiEvent> stored) {
        var text = new StringBuilder(stored.size() * 700);
        for (var e : stored) {
            text.append(e.journalId()).append('\t');
            field(text, e.pbxId());
            field(text, e.receivedAt().toString());
            var c = e.journalColumns();
            var ts = c.eventTimestamp();
            field(text, ts == null ? null : ts.toString());
            field(text, truncate(c.name(), 200));
            field(text, truncate(c.linkedid(), 200));
            field(text, truncate(c.uniqueid(), 200));
            escape(text, e.raw());
            text.append('\n');
        }
        var bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                        "copy ami_journal (id, pbx_id, received_at, event_ts, event, linkedid, uniqueid, raw) from stdin",
                        new java.io.ByteArrayInputStream(bytes));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    private static void field(StringBuilder text, @Nullable String value) {
        if (value == null) {
            text.append("\\N");
        } else {
            escape(text, value);
        }
        text.append('\t');
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped; NUL (text cannot hold it) replaced. */
    static void escape(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\0' -> text.append('\uFFFD');
                default -> text.append(c);
            }
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static final RowMapper<AmiEvent> MAPPER = (rs, n) -> AmiEvent.fromRaw(rs.getLong(1), rs.getString(2),
            rs.getTimestamp(3).toInstant(), rs.getString(4));

    @Override
    public List<AmiEvent> eventsOfCall(String pbxId, String linkedid) {
        return jdbc.query("select " + COLUMNS + " from ami_journal where pbx_id = ? and linkedid = ? order by id",
                MAPPER, pbxId, linkedid);
    }

    @Override
    public List<AmiEvent> eventsOfCallBefore(String pbxId, String linkedid, long beforeJournalId) {
        return jdbc.query("select " + COLUMNS
                + " from ami_journal where pbx_id = ? and linkedid = ? and id < ? order by id",
                MAPPER, pbxId, linkedid, beforeJournalId);
    }

    @Override
    public List<String> linkedidsReceivedBetween(String pbxId, Instant from, Instant to) {
        return jdbc.queryForList("""
                select linkedid from ami_journal
                where pbx_id = ? and received_at >= ? and received_at < ? and linkedid is not null
                group by linkedid order by min(id)""", String.class, pbxId, Timestamp.from(from), Timestamp.from(to));
    }

    @Override
    public void forEachReceivedBetween(String pbxId, Instant from, Instant to, Consumer<AmiEvent> consumer) {
        jdbc.query("select " + COLUMNS + " from ami_journal where pbx_id = ? and received_at >= ? and received_at < ? order by id",
                rs -> {
                    consumer.accept(MAPPER.mapRow(rs, 0));
                }, pbxId, Timestamp.from(from), Timestamp.from(to));
    }

    /**
     * The raw text of each event the PBX sent to every session (not an answer to one node's action, not a session's
     * start) journaled since {@code since}, in journal order.
     */
    void forEachBroadcastRawSince(String pbxId, Instant since, Consumer<String> consumer) {
        jdbc.query("""
                select raw from ami_journal where pbx_id = ? and received_at >= ? and event <> 'FullyBooted'
                   and raw not like '%ActionID: %' order by id""",
                rs -> {
                    consumer.accept(rs.getString(1));
                }, pbxId, Timestamp.from(since));
    }

    @Override
    public long count() {
        return jdbc.queryForObject("select count(*) from ami_journal", Long.class);
    }
}
