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
        return tx.execute(status -> {
            if (lease != null) {
                leases.fence(lease);
            }
            long first = jdbc.queryForObject("select nextval('ami_journal_id_seq')", Long.class);
            var stored = new ArrayList<AmiEvent>(events.size());
            for (int i = 0; i < events.size(); i++) {
                var e = events.get(i);
                stored.add(new AmiEvent(first + i, e.pbxId(), e.receivedAt(), e.headers()));
            }
            jdbc.batchUpdate("""
                    insert into ami_journal (id, pbx_id, received_at, event_ts, event, linkedid, uniqueid, raw)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", stored, stored.size(), (ps, e) -> {
                ps.setLong(1, e.journalId());
                ps.setString(2, e.pbxId());
                ps.setTimestamp(3, Timestamp.from(e.receivedAt()));
                var ts = e.eventTimestamp();
                ps.setTimestamp(4, ts == null ? null : Timestamp.from(ts));
                ps.setString(5, clean(truncate(e.name(), 200)));
                ps.setString(6, clean(truncate(e.linkedid(), 200)));
                ps.setString(7, clean(truncate(e.uniqueid(), 200)));
                ps.setString(8, clean(e.raw()));
            });
            return stored;
        });
    }

    /** PostgreSQL text cannot hold NUL; a garbled packet must still be journaled. */
    private static String clean(String s) {
        return s == null ? null : s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
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
