package kz.hotline114.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import kz.hotline114.pbx.AmiEvent;

/**
 * The hand-off between the AMI reader and the journal never blocks the reader: when it is full, an event is
 * dropped, and every drop is counted (status and metric) — never silent.
 */
class IngestionPipelineTest {

    /** A node that never holds a lease (the pipeline is not started here: nothing asks). */
    static final class NoLeases implements kz.hotline114.cluster.NodeLeases {
        @Override
        public String nodeId() {
            return "test";
        }

        @Override
        public boolean holds(String lease) {
            return false;
        }

        @Override
        public java.util.Set<String> held() {
            return java.util.Set.of();
        }

        @Override
        public void compete(String lease) {
        }

        @Override
        public void fence(String lease) {
            throw new LeaseLost(lease, "test");
        }
    }

    @Test
    void a_full_hand_off_drops_counts_and_never_blocks_the_reader() {
        var meters = new SimpleMeterRegistry();
        // not started: nothing drains the queue, as when the database stalls
        var pipeline = new IngestionPipeline(new AmiLinkSettings("pbx", 3, 100, java.time.Duration.ofMinutes(1), 10),
                null, null, new NoLeases(), meters, kz.hotline114.support.TestClock.get());
        for (int i = 0; i < 10; i++) {
            pipeline.offer(new AmiEvent(0, "pbx", kz.hotline114.support.TestClock.now(), List.of(Map.entry("Event", "Newchannel"),
                    Map.entry("Linkedid", "1." + i))));
        }
        assertThat(pipeline.dropped()).isEqualTo(7);
        assertThat(meters.get("hotline.ami.events.dropped").counter().count()).isEqualTo(7.0);
        assertThat(meters.get("hotline.ami.handoff.size").gauge().value()).isEqualTo(3.0);
    }

    /**
     * The take-over's comparison: the journal's last events are the first ones the standby kept, in order; an event the
     * PBX sent twice (a phone's status, the same text) is journaled once for each time it was sent.
     */
    @Test
    void the_take_over_journals_what_follows_the_journals_last_events_even_when_an_event_repeats() {
        var journal = List.of("a", "s", "b", "s", "c");
        // the standby kept from the second "s" on; after the journal's last "c" came "s" again (the same status), "d"
        var kept = List.of("s", "c", "s", "d");
        assertThat(IngestionPipeline.overlap(journal, kept)).as("'s', 'c' are journaled; 's', 'd' are not").isEqualTo(2);
        assertThat(IngestionPipeline.overlap(journal, List.of("x", "y"))).as("nothing in common: all missing").isZero();
        assertThat(IngestionPipeline.overlap(List.of(), kept)).isZero();
        assertThat(IngestionPipeline.overlap(journal, List.of("b", "s", "c"))).as("all journaled").isEqualTo(3);
        // the old multiset would have taken the second "s" for the first (journaled) one: here it stays missing
        assertThat(IngestionPipeline.overlap(List.of("s", "c"), List.of("c", "s"))).isEqualTo(1);
    }
}
