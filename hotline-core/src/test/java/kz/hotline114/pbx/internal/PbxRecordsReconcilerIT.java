package kz.hotline114.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.CoreTestApplication;
import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.HangupSide;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.pbx.PbxRecordTables;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;
import kz.hotline114.support.TestDatabase;
import kz.hotline114.support.TestPbx;

/**
 * Calls the AMI link missed are logged from the PBX's own CEL/CDR tables (what cel_pgsql / cdr_pgsql write,
 * filled here from the recordings' CEL and Cdr events), through the journal, exactly once, marked recovered;
 * calls the link saw whole are left alone.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "hotline.ami.reconcile.enabled=true", "hotline.ami.reconcile.interval=1h",
        "hotline.ami.reconcile.grace=30s"})
class PbxRecordsReconcilerIT {

    static final String PBX_ID = "reconcile-pbx";
    static final TestPbx PBX = new TestPbx();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("hotline.elasticsearch.home", () -> "");
        PBX.register(registry, PBX_ID);
    }

    @AfterAll
    static void stop() {
        PBX.close();
    }

    @Autowired
    AmiLinks links;
    PbxRecordsReconciler reconciler;

    @org.junit.jupiter.api.BeforeEach
    void thePbxsReconciler() {
        reconciler = links.reconciler(PBX_ID);
    }
    @Autowired
    CallLog calls;
    @Autowired
    PbxLink link;
    @Autowired
    JdbcTemplate jdbc;

    /** A fresh copy of a recording (new ids, numbers and times) that happened a few minutes ago. */
    private static List<AmiPacket> copy(String recording, int copy) {
        return Recordings.startingAt(recording, copy, TestClock.now().minus(Duration.ofMinutes(10)));
    }

    private static String linkedid(List<AmiPacket> packets) {
        for (var p : packets) {
            var lid = new AmiEvent(0, PBX_ID, Instant.EPOCH, p.entries()).linkedid();
            if (lid != null) {
                return lid;
            }
        }
        throw new AssertionError("no linkedid");
    }

    private long journaled(String linkedid) {
        return jdbc.queryForObject("select count(*) from ami_journal where pbx_id = ? and linkedid = ?", Long.class,
                PBX_ID, linkedid);
    }

    private void settle() throws InterruptedException {
        reconciler.reconcile(); // whatever an earlier test left is done with first
    }

    @Autowired
    kz.hotline114.pbx.AmiProperties amiProps;
    @Autowired
    JdbcAmiJournal journal;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    kz.hotline114.cluster.NodeLeases leases;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    java.time.Clock clock;

    /**
     * Several PBXs: a second PBX writes its records to tables of its own (made like cel/cdr at start) and is reconciled
     * from them alone, its calls under its own id — the same call in the first PBX's tables is not its call.
     */
    @Test
    void a_second_pbx_is_reconciled_from_its_own_tables_under_its_own_id() throws Exception {
        var id = "second-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var endpoint = new kz.hotline114.pbx.PbxEndpoint(id, "pbx2.example", null, null, null, null, null)
                .withTables(false);
        var cel = endpoint.celTable();
        assertThat(cel).isEqualTo("cel_" + id.replace('-', '_'));
        var second = new PbxRecordsReconciler(amiProps, endpoint, jdbc, journal, tx, publisher, leases, meters, clock);
        second.start(); // makes its tables
        second.stop();
        second.reconcile(); // the read position: before the first record
        var packets = Recordings.startingAt("transfer", 23, TestClock.now().minus(Duration.ofMinutes(5)));
        var lid = linkedid(packets);
        assertThat(PbxRecordTables.insert(jdbc, packets, cel, endpoint.cdrTable())).isEqualTo(40);
        jdbc.update("update " + cel + " set received_at = received_at - interval '1 minute' where linkedid = ?", lid);

        assertThat(second.reconcile()).isEqualTo(1);
        var call = calls.get(new CallKey(id, lid)).orElseThrow();
        assertThat(call.recovered()).isTrue();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(calls.get(new CallKey(PBX_ID, lid))).as("not the first PBX's call").isEmpty();
        assertThat(reconciler.reconcile()).as("the first PBX's reconciler does not read the second's tables").isZero();
        assertThat(second.reconcile()).as("once").isZero();
    }

    @Test
    void a_call_made_while_the_link_was_down_is_logged_from_the_pbx_records_once() throws Exception {
        settle();
        // a call that ended a moment ago (it lasts 18 s)
        var packets = Recordings.startingAt("transfer", 11, TestClock.now().minusSeconds(20));
        var lid = linkedid(packets);
        int rows = PbxRecordTables.insert(jdbc, packets);
        assertThat(rows).isEqualTo(40);

        assertThat(reconciler.reconcile()).as("the call just ended: its AMI events may still be on the way").isZero();
        assertThat(calls.get(new CallKey(PBX_ID, lid))).isEmpty();

        // a minute later (the counter, not reconcile()'s answer: the scheduled look may be the one that finds it)
        long before = reconciler.recovered();
        jdbc.update("update cel set received_at = received_at - interval '1 minute' where linkedid = ?", lid);
        jdbc.update("update cdr set received_at = received_at - interval '1 minute' where linkedid = ?", lid);
        reconciler.reconcile();
        assertThat(reconciler.recovered()).isEqualTo(before + 1);

        var call = calls.get(new CallKey(PBX_ID, lid)).orElseThrow();
        assertThat(call.recovered()).isTrue();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.ivrChoice()).isEqualTo("1");
        assertThat(call.queues()).containsExactly("psychologists", "theologians");
        assertThat(call.answeredBy()).containsExactly("Local/psy2@agents", "Local/theo2@agents");
        assertThat(call.transfers()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("psychologists");
            assertThat(t.to()).isEqualTo("theologians");
        });
        assertThat(call.talkSeconds()).isBetween(9, 11);
        assertThat(call.waitSeconds()).isBetween(1, 3);
        assertThat(call.hangupBy()).isEqualTo(HangupSide.CALLER);
        assertThat(call.durationSeconds()).isBetween(17L, 19L);
        assertThat(calls.timeline(new CallKey(PBX_ID, lid))).extracting(CallStep::kind)
                .contains(CallStep.Kind.STARTED, CallStep.Kind.QUEUE_JOINED, CallStep.Kind.TRANSFER,
                        CallStep.Kind.ENDED);

        // journaled once: neither a second pass nor a lost read position journals it again
        long journaled = journaled(lid);
        assertThat(journaled).isEqualTo(rows);
        assertThat(reconciler.reconcile()).isZero();
        jdbc.update("delete from pbx_records_reconciliation where pbx_id = ?", PBX_ID);
        jdbc.update("insert into pbx_records_reconciliation (pbx_id, last_cel_id) values (?, 0)", PBX_ID);
        assertThat(reconciler.reconcile()).isZero();
        assertThat(journaled(lid)).isEqualTo(journaled);

        // the journal is the source: a rebuild of the period gives the same recovered row
        jdbc.update("update calls set outcome = 'ABANDONED', recovered = false where pbx_id = ? and linkedid = ?",
                PBX_ID, lid);
        calls.rebuild(call.startedAt().minusSeconds(120), call.endedAt().plusSeconds(60));
        assertThat(calls.get(new CallKey(PBX_ID, lid))).contains(call);
    }

    @Test
    void a_call_the_link_saw_whole_is_not_taken_from_the_records() throws Exception {
        settle();
        var packets = copy("answered-psychologist", 12);
        var lid = linkedid(packets);
        PBX.play(packets);
        TelephonyIT.awaitIngested(link, PBX.server().eventsSent());
        assertThat(link.awaitIdle(Duration.ofSeconds(30))).isTrue();
        long journaled = journaled(lid);
        var live = calls.get(new CallKey(PBX_ID, lid)).orElseThrow();

        PbxRecordTables.insert(jdbc, packets);
        assertThat(reconciler.reconcile()).isZero();
        assertThat(journaled(lid)).isEqualTo(journaled);
        assertThat(calls.get(new CallKey(PBX_ID, lid))).contains(live);
        assertThat(live.recovered()).isFalse();
        assertThat(live.answeredBy()).containsExactly("Aigerim (psychologist)");
    }

    @Test
    void a_call_whose_end_the_link_missed_is_finished_from_the_records_keeping_the_names_the_link_saw()
            throws Exception {
        settle();
        var packets = copy("answered-scholar", 13);
        var lid = linkedid(packets);
        // the link goes down 2 s after the specialist answered: the rest of the call happens unseen
        int cut = 0;
        for (int i = 0; i < packets.size(); i++) {
            if ("AgentConnect".equals(packets.get(i).get("Event"))) {
                cut = i + 1;
                break;
            }
        }
        assertThat(cut).isPositive();
        PBX.play(packets.subList(0, cut));
        TelephonyIT.awaitIngested(link, PBX.server().eventsSent());
        assertThat(link.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(calls.get(new CallKey(PBX_ID, lid)).orElseThrow().outcome()).isEqualTo(CallOutcome.IN_PROGRESS);

        long before = reconciler.recovered();
        PbxRecordTables.insert(jdbc, packets);
        reconciler.reconcile();
        assertThat(reconciler.recovered()).isEqualTo(before + 1);
        var call = calls.get(new CallKey(PBX_ID, lid)).orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.recovered()).isTrue();
        assertThat(call.answeredBy()).containsExactly("Nurlan (religious scholar)");
        assertThat(jdbc.queryForObject("select caller_name from calls where pbx_id = ? and linkedid = ?",
                String.class, PBX_ID, lid)).as("the name from the PBX's records, in Kazakh").isNotBlank();
        assertThat(call.talkSeconds()).isBetween(5, 7);
        assertThat(call.endedAt()).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from calls where pbx_id = ? and linkedid = ?", Long.class,
                PBX_ID, lid)).isEqualTo(1);
    }

    @Test
    void a_callback_dialled_out_through_the_trunk_is_not_read_as_an_inbound_call() throws Exception {
        settle();
        var packets = copy("sip-phones/callback-originate", 14);
        var inbound = linkedid(packets); // the call the callback answers came first
        var callback = packets.stream()
                .filter(p -> {
                    var lid = new AmiEvent(0, PBX_ID, Instant.EPOCH, p.entries()).linkedid();
                    return lid != null && !lid.equals(inbound);
                }).toList();
        assertThat(callback).isNotEmpty();
        assertThat(PbxRecordTables.insert(jdbc, callback)).isPositive();
        long before = jdbc.queryForObject("select count(*) from ami_journal where pbx_id = ?", Long.class, PBX_ID);
        assertThat(reconciler.reconcile()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ami_journal where pbx_id = ?", Long.class, PBX_ID))
                .isEqualTo(before);
    }
}
