package kz.hotline114.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.security.AuditLog;
import kz.hotline114.support.TelephonyIT;

/**
 * The journal is kept by month (issue 21): appending events of a month no partition covers makes its partition; a month
 * older than the retention (13 months) is archived and dropped unless a call that started in it is still unfinished;
 * the months within the retention stay. Months of the 2070s, which no other test uses (they share the database).
 */
class JournalRetentionIT extends TelephonyIT {

    private static final String NOV = "ami_journal_y2071m11";
    private static final String JAN = "ami_journal_y2072m01";
    private static final String FEB = "ami_journal_y2072m02";

    @Autowired
    JdbcAmiJournal journal;
    @Autowired
    NodeLeases leases;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @TempDir
    Path archive;

    private AmiEvent event(String at, String linkedid) {
        return new AmiEvent(0, PBX_ID, Instant.parse(at), List.of(Map.entry("Event", "Newchannel"),
                Map.entry("Uniqueid", linkedid), Map.entry("Linkedid", linkedid), Map.entry("Context", "from-trunk")));
    }

    private boolean exists(String partition) {
        return jdbc.queryForObject("select count(*) from pg_class where relname = ?", Long.class, partition) > 0;
    }

    @Test
    void old_months_go_archived_unless_a_call_in_them_is_unfinished() throws IOException {
        for (var p : List.of(NOV, JAN, FEB)) {
            if (exists(p)) { // a run stopped half-way
                jdbc.queryForObject("select ami_journal_drop_partition(?)::text", String.class, p);
            }
        }
        jdbc.update("delete from calls where pbx_id = ? and linkedid like 'jr-%'", PBX_ID);

        journal.append(List.of(event("2071-11-15T10:00:00Z", "jr-nov"), event("2072-01-20T10:00:00Z", "jr-jan"),
                event("2072-02-05T10:00:00Z", "jr-feb")));
        assertThat(List.of(NOV, JAN, FEB)).as("made when the events came").allMatch(this::exists);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, caller_withheld, queues, answered_by, transfers, outcome,
                    repeat_caller, updated_at)
                values (?, 'jr-jan', '2072-01-20T10:00:00Z', true, '{}', '{}', '[]'::jsonb, 'IN_PROGRESS', false, now())""",
                PBX_ID);

        var retention = new JournalRetention(jdbc, journal, new JournalRetention.JournalProperties(13, archive, true),
                leases, audit, clock);
        var now = Instant.parse("2073-03-10T12:00:00Z"); // 13 months back: February 2072 stays
        var months = retention.retain(now, Set.of(NOV, JAN, FEB));

        assertThat(months).extracting(JournalRetention.Month::partition).containsExactly(NOV, JAN);
        var nov = months.get(0);
        assertThat(nov.heldBy()).isNull();
        assertThat(nov.rows()).isEqualTo(1);
        assertThat(exists(NOV)).isFalse();
        assertThat(nov.archive()).isEqualTo(archive.resolve(NOV + ".tsv.gz"));
        try (var in = new GZIPInputStream(Files.newInputStream(nov.archive()))) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("jr-nov").contains("Event: Newchannel\\nUniqueid: jr-nov").doesNotContain("jr-jan");
        }
        assertThat(months.get(1).heldBy()).contains("1 call(s)");
        assertThat(exists(JAN)).isTrue();
        assertThat(journal.eventsOfCall(PBX_ID, "jr-jan")).hasSize(1);
        assertThat(exists(FEB)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'JOURNAL_MONTH_DROPPED' and subject = ?",
                Long.class, NOV)).isEqualTo(1);

        jdbc.update("update calls set outcome = 'ABANDONED', ended_at = started_at where pbx_id = ? and linkedid = 'jr-jan'",
                PBX_ID);
        months = retention.retain(now, Set.of(NOV, JAN, FEB));
        assertThat(months).extracting(JournalRetention.Month::partition).containsExactly(JAN);
        assertThat(exists(JAN)).isFalse();
        assertThat(journal.eventsOfCall(PBX_ID, "jr-jan")).isEmpty();
        assertThat(journal.eventsOfCall(PBX_ID, "jr-feb")).hasSize(1);
        jdbc.queryForObject("select ami_journal_drop_partition(?)::text", String.class, FEB);
    }

    @Test
    void a_call_recovered_from_the_pbx_records_of_a_month_without_a_partition_is_journaled_in_the_reconcilers_transaction() {
        var may = "ami_journal_y2074m05";
        if (exists(may)) {
            jdbc.queryForObject("select ami_journal_drop_partition(?)::text", String.class, may);
        }
        var recovered = new AmiEvent(0, PBX_ID, Instant.parse("2074-05-20T10:00:00Z"), List.of(Map.entry("Event", "Cdr"),
                Map.entry("LinkedID", "jr-recovered"), Map.entry(AmiEvent.RECOVERED, "cdr:1")));
        // as PbxRecordsReconciler does: inside its own transaction, which a failed COPY would abort
        var stored = tx.execute(status -> journal.append(List.of(recovered)));
        assertThat(stored).hasSize(1);
        assertThat(exists(may)).isTrue();
        assertThat(journal.eventsOfCall(PBX_ID, "jr-recovered")).hasSize(1);
        jdbc.queryForObject("select ami_journal_drop_partition(?)::text", String.class, may);
    }
}
