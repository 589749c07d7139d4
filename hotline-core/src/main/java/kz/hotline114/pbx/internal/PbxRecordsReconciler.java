package kz.hotline114.pbx.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiEventsJournaled;
import kz.hotline114.pbx.AmiProperties;
import kz.hotline114.pbx.JournalTakenOver;
import kz.hotline114.pbx.PbxEndpoint;
import kz.hotline114.pbx.PbxLinkChanged;
import kz.hotline114.pbx.PbxLinkStatus;

/**
 * Logs the calls the AMI link missed, from what Asterisk itself recorded. Asterisk writes every call's CEL and
 * CDR records to PostgreSQL ({@code cel_pgsql}/{@code cdr_pgsql} in pbx-config, tables from V3) whether or not
 * the app is connected. At every (re)connection and every {@code hotline.ami.reconcile.interval}, each call the
 * PBX finished since the last look (a CEL {@code LINKEDID_END} older than the grace period) that entered through
 * {@code from-trunk} (with a dialled number: a callback's trunk leg starts there on {@code s}) and whose start and end the journal does not hold is <em>journaled</em> from those records
 * (as the {@code CEL}/{@code Cdr} packets cel_manager/cdr_manager would have sent, marked
 * {@value AmiEvent#RECOVERED}) and handed to the call log like any journaled event; the call log reads such a call
 * from its records and marks it recovered. The journal stays the one source of the call log: a rebuild gives the
 * same rows. A call is recovered once (the journal says so); the read position is kept per PBX.
 *
 * <p>The tables carry no PBX id: each PBX has its own ({@link PbxEndpoint#celTable()}, {@code cel} for the first,
 * {@code cel_<id>} for the others by default), and one reconciler per PBX reads them.
 * Records older than the app's first journaled event are never read (no import of a PBX's history at install).
 */
class PbxRecordsReconciler {

    private static final Logger log = LoggerFactory.getLogger(PbxRecordsReconciler.class);
    private static final int CALLS_PER_ROUND = 500;

    private final AmiProperties props;
    private final PbxEndpoint endpoint;
    private final String cel;
    private final String cdr;
    private final JdbcTemplate jdbc;
    private final JdbcAmiJournal journal;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher publisher;
    private final Counter recoveredCounter;
    private final AtomicLong recoveredTotal = new AtomicLong();
    private @Nullable ScheduledExecutorService scheduler;
    private volatile boolean running;

    private final Clock clock;

    private final NodeLeases leases;

    PbxRecordsReconciler(AmiProperties props, PbxEndpoint endpoint, JdbcTemplate jdbc, JdbcAmiJournal journal,
                         TransactionTemplate tx, ApplicationEventPublisher publisher, NodeLeases leases,
                         MeterRegistry meters, Clock clock) {
        this.leases = leases;
        this.endpoint = endpoint;
        this.cel = java.util.Objects.requireNonNull(endpoint.celTable());
        this.cdr = java.util.Objects.requireNonNull(endpoint.cdrTable());
        this.clock = clock;
        this.props = props;
        this.jdbc = jdbc;
        this.journal = journal;
        this.tx = tx;
        this.publisher = publisher;
        this.recoveredCounter = Counter.builder("hotline.ami.calls.recovered").tag("pbx", endpoint.id())
                .description("calls the AMI link missed, logged from the PBX's CEL/CDR records").register(meters);
    }

    /**
     * A PBX other than the first writes to tables of its own ({@code cel_<id>}, {@code cdr_<id>}): made like {@code cel}
     * and {@code cdr} when missing, so that its cel_pgsql / cdr_pgsql can write at once.
     */
    private void ensureTables() {
        for (var t : new String[][] {{cel, "cel"}, {cdr, "cdr"}}) {
            if (!t[0].equals(t[1])) {
                try {
                    jdbc.execute("create table if not exists %s (like %s including all)".formatted(t[0], t[1]));
                } catch (RuntimeException e) {
                    log.warn("PBX {}: could not create its records' table {} ({}); create it as the {} table is",
                            endpoint.id(), t[0], e.getMessage(), t[1]);
                }
            }
        }
    }

    void start() {
        if (!props.reconcile().enabled()) {
            log.info("Reconciliation with the PBX's CEL/CDR records is off (hotline.ami.reconcile.enabled=false)");
            return;
        }
        ensureTables();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "pbx-records-" + endpoint.id());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, props.reconcile().interval().toMillis());
        // the first look soon after start: the calls of the time the app was down
        scheduler.scheduleWithFixedDelay(this::runQuietly, Math.min(every, 5_000), every, TimeUnit.MILLISECONDS);
        running = true;
    }

    void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    boolean isRunning() {
        return running;
    }

    /** Calls logged from the PBX's records since the app started (shown in {@code /actuator/health}). */
    long recovered() {
        return recoveredTotal.get();
    }

    boolean enabled() {
        return props.reconcile().enabled();
    }

    /** After the link (re)connects, look at once for what happened while it was down. */
    void on(PbxLinkChanged e) {
        var s = scheduler;
        if (e.state() == PbxLinkStatus.State.CONNECTED && s != null && !s.isShutdown()) {
            try {
                s.execute(this::runQuietly);
            } catch (RejectedExecutionException stopping) {
                // shutting down: nothing to catch up
            }
        }
    }

    /** Having taken over journaling the PBX (and filled the gap from this node's own events): the PBX's records next. */
    void on(JournalTakenOver e) {
        var s = scheduler;
        if (s != null && !s.isShutdown()) {
            try {
                s.execute(this::runQuietly);
            } catch (RejectedExecutionException stopping) {
                // shutting down
            }
        }
    }

    private void runQuietly() {
        if (!leases.holds(NodeLeases.journal(endpoint.id()))) {
            return; // the node journaling the PBX's events reads its records
        }
        try {
            reconcile();
        } catch (RuntimeException ex) {
            // e.g. the database is down: the next round tries again from the same mark
            log.warn("Reconciliation with the PBX's CEL/CDR records failed, will retry: {}", ex.toString());
        }
    }

    /** One pass over the records since the mark; returns the number of calls journaled from them. */
    synchronized int reconcile() {
        int total = 0;
        do {
            total += round();
        } while (more);
        return total;
    }

    /** Whether the last round stopped at its limit with more ends waiting. */
    private boolean more;

    private int round() {
        var published = new ArrayList<List<AmiEvent>>();
        int recovered = tx.execute(status -> {
            long mark = mark();
            var ends = jdbc.query("""
                    select e.id, e.linkedid,
                           exists (select 1 from %1$s c where c.linkedid = e.linkedid and c.eventtype = 'CHAN_START'
                                   and c.context = 'from-trunk' and c.exten <> 's') as inbound
                      from %1$s e
                     where e.id > ? and e.eventtype = 'LINKEDID_END'
                       and e.received_at < ?
                     order by e.id limit ?""".formatted(cel),
                    (rs, n) -> new End(rs.getLong(1), rs.getString(2), rs.getBoolean(3)),
                    mark, Timestamp.from(clock.instant().minus(props.reconcile().grace())), CALLS_PER_ROUND);
            more = ends.size() == CALLS_PER_ROUND;
            if (ends.isEmpty()) {
                return 0;
            }
            var batch = new ArrayList<AmiEvent>();
            var linkedids = new ArrayList<String>();
            int calls = 0;
            for (var end : ends) {
                if (end.linkedid() == null || !end.inbound() || seenByTheLink(end.linkedid())
                        || linkedids.contains(end.linkedid())) {
                    continue;
                }
                var records = records(end.linkedid());
                if (batch.size() + records.size() > JdbcAmiJournal.ID_BLOCK && !batch.isEmpty()) {
                    published.add(journal.append(batch));
                    batch = new ArrayList<>();
                }
                for (int i = 0; i < records.size(); i += JdbcAmiJournal.ID_BLOCK) {
                    var part = records.subList(i, Math.min(records.size(), i + JdbcAmiJournal.ID_BLOCK));
                    if (part.size() == JdbcAmiJournal.ID_BLOCK) {
                        published.add(journal.append(part));
                    } else {
                        batch.addAll(part);
                    }
                }
                linkedids.add(end.linkedid());
                calls++;
            }
            if (!batch.isEmpty()) {
                published.add(journal.append(batch));
            }
            jdbc.update("""
                    insert into pbx_records_reconciliation (pbx_id, last_cel_id) values (?, ?)
                    on conflict (pbx_id) do update set last_cel_id = excluded.last_cel_id, updated_at = now()""",
                    endpoint.id(), ends.getLast().id());
            if (calls > 0) {
                log.warn("Logged {} call(s) the AMI link missed from the PBX's CEL/CDR records: {}", calls,
                        linkedids.size() <= 10 ? linkedids : linkedids.subList(0, 10) + " …");
            }
            return calls;
        });
        for (var events : published) {
            publisher.publishEvent(new AmiEventsJournaled(events));
        }
        recoveredCounter.increment(recovered);
        recoveredTotal.addAndGet(recovered);
        return recovered;
    }

    private record End(long id, @Nullable String linkedid, boolean inbound) {
    }

    /** Where the last look stopped; at the very first look, just before the app's first journaled event. */
    private long mark() {
        // locked for the round: a second app instance on the same PBX waits instead of journaling a call twice
        var mark = jdbc.query("select last_cel_id from pbx_records_reconciliation where pbx_id = ? for update",
                (rs, n) -> rs.getLong(1), endpoint.id());
        if (!mark.isEmpty()) {
            return mark.getFirst();
        }
        Long first = jdbc.queryForObject("""
                select coalesce(max(id), 0) from %s
                 where received_at < coalesce((select min(received_at) from ami_journal where pbx_id = ?), ?)"""
                        .formatted(cel),
                Long.class, endpoint.id(), Timestamp.from(clock.instant()));
        long start = first == null ? 0 : first;
        jdbc.update("insert into pbx_records_reconciliation (pbx_id, last_cel_id) values (?, ?) on conflict do nothing",
                endpoint.id(), start);
        return jdbc.queryForObject("select last_cel_id from pbx_records_reconciliation where pbx_id = ? for update",
                Long.class, endpoint.id());
    }

    /** True when the journal holds the call's start and end as the link received them, or its records already. */
    private boolean seenByTheLink(String linkedid) {
        var seen = jdbc.queryForMap("""
                select coalesce(bool_or(raw like '%' || ? || ':%'), false) as recovered,
                       coalesce(bool_or(event = 'Newchannel' and raw like '%Context: from-trunk%'), false) as started,
                       coalesce(bool_or(event = 'UserEvent' and raw like '%UserEvent: HotlineCallEnd%'
                                        or event = 'CEL' and raw like '%EventName: LINKEDID_END%'), false) as ended
                  from ami_journal where pbx_id = ? and linkedid = ?""", AmiEvent.RECOVERED, endpoint.id(), linkedid);
        return Boolean.TRUE.equals(seen.get("recovered"))
                || Boolean.TRUE.equals(seen.get("started")) && Boolean.TRUE.equals(seen.get("ended"));
    }

    /**
     * The call's CEL and CDR rows as the packets cel_manager / cdr_manager send, marked recovered. Their receive
     * time is when the PBX wrote them (the row's {@code received_at}), so they sit in the journal at the time of
     * the call, and a rebuild of that period finds them.
     */
    private List<AmiEvent> records(String linkedid) {
        var out = new ArrayList<AmiEvent>();
        jdbc.query("""
                select id, eventtype, eventtime at time zone 'UTC' as at, userdeftype, cid_name, cid_num, cid_ani,
                       cid_rdnis, cid_dnid, exten, context, channame, appname, appdata, amaflags, accountcode,
                       peeraccount, uniqueid, linkedid, userfield, peer, extra, received_at
                  from %s where linkedid = ? order by id""".formatted(cel), (ResultSet rs) -> {
            var at = instant(rs, "at");
            out.add(packet(instant(rs, "received_at"), "CEL", "cel:" + rs.getLong("id"), at,
                    "EventName", rs.getString("eventtype"), "UserDefType", rs.getString("userdeftype"),
                    "AccountCode", rs.getString("accountcode"), "CallerIDnum", rs.getString("cid_num"),
                    "CallerIDname", rs.getString("cid_name"), "CallerIDani", rs.getString("cid_ani"),
                    "CallerIDrdnis", rs.getString("cid_rdnis"), "CallerIDdnid", rs.getString("cid_dnid"),
                    "Exten", rs.getString("exten"), "Context", rs.getString("context"),
                    "Channel", rs.getString("channame"), "Application", rs.getString("appname"),
                    "AppData", rs.getString("appdata"), "EventTime", at == null ? null : at.toString(),
                    "AMAFlags", rs.getString("amaflags"), "UniqueID", rs.getString("uniqueid"),
                    "LinkedID", rs.getString("linkedid"), "Userfield", rs.getString("userfield"),
                    "Peer", rs.getString("peer"), "PeerAccount", rs.getString("peeraccount"),
                    "Extra", rs.getString("extra")));
        }, linkedid);
        jdbc.query("""
                select id, start at time zone 'UTC' as started, answer at time zone 'UTC' as answered,
                       "end" at time zone 'UTC' as ended, clid, src, dst, dcontext, channel, dstchannel, lastapp,
                       lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield,
                       linkedid, sequence, hotline_choice, received_at
                  from %s where linkedid = ? order by id""".formatted(cdr), (ResultSet rs) -> {
            var started = instant(rs, "started");
            var answered = instant(rs, "answered");
            var ended = instant(rs, "ended");
            out.add(packet(instant(rs, "received_at"), "Cdr", "cdr:" + rs.getLong("id"), ended != null ? ended : started,
                    "AccountCode", rs.getString("accountcode"), "Source", rs.getString("src"),
                    "Destination", rs.getString("dst"), "DestinationContext", rs.getString("dcontext"),
                    "CallerID", rs.getString("clid"), "Channel", rs.getString("channel"),
                    "DestinationChannel", rs.getString("dstchannel"), "LastApplication", rs.getString("lastapp"),
                    "LastData", rs.getString("lastdata"), "StartTime", text(started), "AnswerTime", text(answered),
                    "EndTime", text(ended), "Duration", rs.getString("duration"),
                    "BillableSeconds", rs.getString("billsec"), "Disposition", rs.getString("disposition"),
                    "AMAFlags", rs.getString("amaflags"), "UniqueID", rs.getString("uniqueid"),
                    "UserField", rs.getString("userfield"), "LinkedID", rs.getString("linkedid"),
                    "Sequence", rs.getString("sequence"), "HotlineChoice", rs.getString("hotline_choice")));
        }, linkedid);
        return out;
    }

    private AmiEvent packet(@Nullable Instant receivedAt, String event, String record, @Nullable Instant at,
                            @Nullable String... pairs) {
        var headers = new ArrayList<Map.Entry<String, String>>(pairs.length / 2 + 3);
        headers.add(Map.entry("Event", event));
        headers.add(Map.entry(AmiEvent.RECOVERED, record));
        if (at != null) {
            headers.add(Map.entry("Timestamp", at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000)));
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            // one line per header, as on the wire: a value cannot carry a line break
            headers.add(Map.entry(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1].replaceAll("[\r\n]+", " ")));
        }
        return new AmiEvent(0, endpoint.id(), receivedAt != null ? receivedAt : clock.instant(), headers);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getObject(column, OffsetDateTime.class);
        return ts == null ? null : ts.toInstant();
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
