package kz.hotline114.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestDatabase;
import kz.hotline114.support.TestPbx;

/**
 * A bad link: the PBX connection drops every 97 events (mid-call, several times per call) and a
 * malformed packet arrives before every 40th event. Every call is still logged exactly once, as
 * it happened; malformed packets are counted and skipped; the link reconnects by itself.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class AmiLinkFaultsIT {

    static final String PBX_ID = "faulty-pbx";
    static final TestPbx PBX = new TestPbx(97, 40);

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
    PbxLink link;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void calls_survive_dropped_connections_and_malformed_packets() throws Exception {
        var names = List.of("answered-psychologist", "transfer", "abandoned-in-queue", "wrong-number-declared",
                "sip-phones/attended-transfer", "repeat-caller", "no-input-timeout");
        var packets = new ArrayList<AmiPacket>();
        var expectedOutcomes = new ArrayList<String>();
        for (var name : names) {
            // as recorded: this test is about the link, not the day (and its stream is the one it was tuned on)
            packets.addAll(Recordings.asRecorded(name, 0));
        }
        expectedOutcomes.addAll(List.of("ANSWERED", "ANSWERED", "ABANDONED", "WRONG_NUMBER", "ANSWERED",
                "WRONG_NUMBER", "WRONG_NUMBER", "ANSWERED", "NO_INPUT"));

        PBX.play(packets);
        // reconnections add FullyBooted events and some garbage starts with "Event:": wait for the count to settle
        TelephonyIT.awaitIngested(link, packets.size());
        long seen;
        do {
            seen = link.status().received();
            Thread.sleep(500);
        } while (link.status().received() != seen);
        assertThat(link.awaitIdle(Duration.ofSeconds(30))).isTrue();

        var linkedids = new LinkedHashSet<String>();
        packets.forEach(p -> {
            var lid = new AmiEvent(0, PBX_ID, java.time.Instant.EPOCH, p.entries()).linkedid();
            if (lid != null) {
                linkedids.add(lid);
            }
        });
        var outcomes = new ArrayList<String>();
        for (var lid : linkedids) {
            outcomes.addAll(jdbc.queryForList("select outcome from calls where pbx_id = ? and linkedid = ?",
                    String.class, PBX_ID, lid));
        }
        // on failure, say which calls lost events on the way to the journal (a link problem) and which did not
        var journaled = new java.util.LinkedHashMap<String, String>();
        for (var lid : linkedids) {
            long sent = packets.stream().filter(p -> lid.equals(new AmiEvent(0, PBX_ID, java.time.Instant.EPOCH,
                    p.entries()).linkedid())).count();
            long kept = jdbc.queryForObject("select count(distinct raw) from ami_journal where pbx_id = ? and linkedid = ?",
                    Long.class, PBX_ID, lid);
            journaled.put(lid, kept + " of " + sent + " events journaled");
        }
        assertThat(outcomes).as("outcomes; %s", journaled).containsExactlyElementsOf(expectedOutcomes);
        assertThat(jdbc.queryForObject("select count(*) from calls where pbx_id = ?", Long.class, PBX_ID))
                .isEqualTo(expectedOutcomes.size());

        var status = link.status();
        assertThat(PBX.server().faults().drops()).isGreaterThanOrEqualTo(packets.size() / 97 - 1);
        assertThat(status.reconnects()).isGreaterThan(0);
        assertThat(status.malformed() + status.received()).isGreaterThan(packets.size());
        assertThat(status.malformed()).as("packets without an Event line counted as malformed").isPositive();
        assertThat(status.dropped()).isZero();
        assertThat(status.state()).isEqualTo(PbxLinkStatus.State.CONNECTED);
    }
}
