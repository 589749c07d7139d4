package kz.hotline114.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.support.Recordings;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestClock;

/**
 * Every recorded Asterisk 22 scenario, replayed over a real AMI socket into the running features and
 * PostgreSQL: the call rows are what the fixtures README says happened.
 */
class CallLogIT extends TelephonyIT {

    /** What one call row must say; null = not checked. */
    record Expected(CallOutcome outcome, List<String> queues, List<String> answeredBy, @Nullable Integer waitSec,
                    @Nullable Integer talk, List<String> transfers, @Nullable HangupSide hangupBy,
                    @Nullable WrongNumberReason reason, @Nullable Boolean repeat) {
    }

    static Expected answered(String queue, String member, int wait, int talk, HangupSide by) {
        return new Expected(CallOutcome.ANSWERED, List.of(queue), List.of(member), wait, talk, List.of(), by, null, false);
    }

    static Arguments scenario(String sentence, String recording, Expected... calls) {
        return Arguments.of(Named.of(sentence, recording), List.of(calls));
    }

    static Stream<Arguments> scenarios() {
        var psy = "psychologists";
        return Stream.of(
                scenario("a caller who presses 1 and talks to a psychologist is answered", "answered-psychologist",
                        answered(psy, "Aigerim (psychologist)", 2, 5, HangupSide.CALLER)),
                scenario("a landline caller pressing 2 reaches a theologian", "answered-theologian",
                        answered("theologians", "Yerlan (theologian)", 2, 6, HangupSide.CALLER)),
                scenario("a caller pressing 3 reaches a religious scholar", "answered-scholar",
                        answered("religious-scholars", "Nurlan (religious scholar)", 2, 6, HangupSide.CALLER)),
                scenario("a caller who hangs up on hold music abandoned the queue", "abandoned-in-queue",
                        new Expected(CallOutcome.ABANDONED, List.of(psy), List.of(), 10, null, List.of(),
                                HangupSide.CALLER, null, false)),
                scenario("a caller who presses 0 is a wrong number", "wrong-number-declared",
                        new Expected(CallOutcome.WRONG_NUMBER, List.of(), List.of(), null, null, List.of(),
                                HangupSide.PBX, WrongNumberReason.DECLARED, false)),
                scenario("a caller who hangs up during the greeting is a short wrong number", "wrong-number-short",
                        new Expected(CallOutcome.WRONG_NUMBER, List.of(), List.of(), null, null, List.of(),
                                HangupSide.CALLER, WrongNumberReason.SHORT_CALL, false)),
                scenario("a silent withheld caller is no input", "no-input-timeout",
                        new Expected(CallOutcome.NO_INPUT, List.of(), List.of(), null, null, List.of(), HangupSide.PBX,
                                null, false)),
                scenario("three calls from one number are three calls, the later two repeats", "repeat-caller",
                        new Expected(CallOutcome.WRONG_NUMBER, List.of(), List.of(), null, null, List.of(),
                                HangupSide.CALLER, WrongNumberReason.SHORT_CALL, false),
                        new Expected(CallOutcome.WRONG_NUMBER, List.of(), List.of(), null, null, List.of(),
                                HangupSide.CALLER, WrongNumberReason.SHORT_CALL, true),
                        new Expected(CallOutcome.ANSWERED, List.of(psy), List.of("Aigerim (psychologist)"), 2, 5,
                                List.of(), HangupSide.CALLER, null, true)),
                scenario("a redirect to the theologians is one call with a transfer", "transfer",
                        new Expected(CallOutcome.ANSWERED, List.of(psy, "theologians"),
                                List.of("Daniyar (psychologist)", "Olga (theologian)"), 2, 10,
                                List.of("psychologists→theologians"), HangupSide.CALLER, null, false)),
                scenario("local channel halves are one call", "answered-psychologist-local",
                        new Expected(CallOutcome.ANSWERED, List.of(psy), List.of("Daniyar (psychologist)"), 2, 5,
                                List.of(), null, null, null)),
                scenario("a psychologist on a SIP phone answers", "sip-phones/pjsip-answered-psychologist",
                        answered(psy, "Aigerim (psychologist)", 2, 6, HangupSide.CALLER)),
                scenario("a theologian on a SIP phone answers", "sip-phones/pjsip-answered-theologian",
                        answered("theologians", "Yerlan (theologian)", 2, 5, HangupSide.CALLER)),
                scenario("a specialist who hangs up first ended the call", "sip-phones/pjsip-agent-hangup",
                        answered("religious-scholars", "Nurlan (religious scholar)", 2, 5, HangupSide.SPECIALIST)),
                scenario("a key the menu does not offer is an invalid choice", "sip-phones/invalid-choice",
                        new Expected(CallOutcome.INVALID_CHOICE, List.of(), List.of(), null, null, List.of(),
                                HangupSide.PBX, null, false)),
                scenario("hanging up while the phone rings is an abandon", "sip-phones/abandon-while-ringing",
                        new Expected(CallOutcome.ABANDONED, List.of(psy), List.of(), 4, null, List.of(),
                                HangupSide.CALLER, null, false)),
                scenario("queue member changes make no calls", "sip-phones/queue-member-control",
                        answered("theologians", "Olga (theologian)", 2, 6, HangupSide.CALLER)),
                scenario("an outbound callback is not an inbound call", "sip-phones/callback-originate",
                        answered(psy, "Aigerim (psychologist)", 2, 5, HangupSide.CALLER)),
                scenario("an attended transfer is one call with a transfer", "sip-phones/attended-transfer",
                        new Expected(CallOutcome.ANSWERED, List.of(psy), List.of("Aigerim (psychologist)"), 2, null,
                                List.of("Aigerim (psychologist)→Yerlan (theologian)"), HangupSide.CALLER, null, false)),
                scenario("a queue timeout with nobody logged in is unanswered", "sip-phones/no-agents-logged-in",
                        new Expected(CallOutcome.UNANSWERED, List.of(psy), List.of(), 20, null, List.of(),
                                HangupSide.PBX, null, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void every_recorded_scenario_is_logged_as_it_happened(String recording, List<Expected> expected) {
        // as recorded: which call of a number came first (repeat caller) is the recordings' own order
        var rows = play(Recordings.asRecorded(recording, 0));

        assertThat(rows).as("calls logged").hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var want = expected.get(i);
            assertThat(row.outcome()).as("outcome").isEqualTo(want.outcome());
            assertThat(row.queues()).as("queues").isEqualTo(want.queues());
            assertThat(row.answeredBy()).as("answered by").isEqualTo(want.answeredBy());
            if (want.waitSec() != null) {
                assertThat(row.waitSeconds()).as("wait").isCloseTo(want.waitSec(), within(1));
            } else if (want.queues().isEmpty()) {
                assertThat(row.waitSeconds()).as("wait").isNull();
            }
            if (want.talk() != null) {
                assertThat(row.talkSeconds()).as("talk").isCloseTo(want.talk(), within(1));
            } else if (want.answeredBy().isEmpty()) {
                assertThat(row.talkSeconds()).as("talk").isNull();
            }
            assertThat(row.transfers()).extracting(t -> t.from() + "→" + t.to()).as("transfers")
                    .isEqualTo(want.transfers());
            if (want.hangupBy() != null) {
                assertThat(row.hangupBy()).as("hang-up").isEqualTo(want.hangupBy());
            }
            assertThat(row.wrongNumberReason()).as("wrong-number reason").isEqualTo(want.reason());
            if (want.repeat() != null) {
                assertThat(row.repeatCaller()).as("repeat caller").isEqualTo(want.repeat());
            }
            assertThat(row.endedAt()).isAfter(row.startedAt());
        }
    }

    @Test
    void the_same_transcript_twice_changes_nothing() {
        var packets = Recordings.packets("transfer", 1);
        var first = play(packets);
        var updatedAt = jdbc.queryForObject("select max(updated_at) from calls where linkedid = ?", Instant.class,
                first.getFirst().linkedid());

        var second = play(packets);

        assertThat(second).isEqualTo(first).hasSize(1);
        assertThat(jdbc.queryForObject("select max(updated_at) from calls where linkedid = ?", Instant.class,
                first.getFirst().linkedid())).isEqualTo(updatedAt);
    }

    @Test
    void calls_interleaved_on_the_wire_are_logged_as_each_alone() {
        var names = List.of("answered-psychologist", "abandoned-in-queue", "transfer", "wrong-number-short",
                "sip-phones/attended-transfer", "sip-phones/pjsip-agent-hangup", "repeat-caller");
        var alone = new ArrayList<String>();
        var streams = new ArrayList<List<AmiPacket>>();
        for (var name : names) {
            play(Recordings.packets(name, 2)).forEach(c -> alone.add(essence(c)));
            streams.add(Recordings.packets(name, 3));
        }

        assertThat(alone).as("7 recordings, 3 calls in repeat-caller").hasSize(9);
        var together = interleave(streams, new Random(114));
        var rows = play(together);

        assertThat(rows.stream().map(CallLogIT::essence).toList()).containsExactlyInAnyOrderElementsOf(alone);
    }

    @Test
    void rebuilding_a_period_from_the_journal_gives_the_same_rows() {
        var transfer = Recordings.packets("sip-phones/attended-transfer", 4);
        var before = new ArrayList<>(play(transfer));
        var repeat = Recordings.packets("repeat-caller", 4);
        before.addAll(play(repeat));
        var all = new ArrayList<>(transfer);
        all.addAll(repeat);

        var result = calls.rebuild(TestClock.now().minusSeconds(3600), TestClock.now().plusSeconds(60));

        assertThat(result.calls()).isGreaterThanOrEqualTo(4);
        assertThat(rowsOf(all)).isEqualTo(before);
    }

    @Test
    void the_hotline_user_events_reach_asterisk_java_listeners_as_typed_events() {
        long before = link.status().userEvents();
        var packets = Recordings.packets("no-input-timeout", 7);
        long hotlineEvents = packets.stream().filter(p -> "UserEvent".equals(p.event())
                && String.valueOf(p.get("UserEvent")).startsWith("Hotline")).count();
        play(packets);
        assertThat(hotlineEvents).isEqualTo(4);
        assertThat(link.status().userEvents() - before).isEqualTo(hotlineEvents);
    }

    @Test
    void the_raw_journal_refuses_changes() {
        play(Recordings.packets("wrong-number-declared", 5));
        assertThatThrownBy(() -> jdbc.update("update ami_journal set raw = 'x' where id = (select max(id) from ami_journal)"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from ami_journal where id = (select max(id) from ami_journal)"))
                .hasMessageContaining("append-only");
    }

    @Test
    void every_event_is_journaled_raw_with_its_pbx_and_times() {
        var packets = Recordings.packets("wrong-number-declared", 6);
        long before = jdbc.queryForObject("select count(*) from ami_journal", Long.class);
        play(packets);
        long after = jdbc.queryForObject("select count(*) from ami_journal", Long.class);
        assertThat(after - before).isEqualTo(packets.size());
        var lid = rowsOf(packets).getFirst().linkedid();
        var withTimestamps = jdbc.queryForObject(
                "select count(*) from ami_journal where linkedid = ? and pbx_id = ? and event_ts is not null and received_at is not null",
                Long.class, lid, PBX_ID);
        assertThat(withTimestamps).isPositive();
    }

    /** What must not depend on the wire order: everything but ids and numbers. */
    static String essence(Call c) {
        return String.join("|", c.outcome().name(), String.valueOf(c.queues()), String.valueOf(c.answeredBy()),
                String.valueOf(c.waitSeconds()), String.valueOf(c.talkSeconds()),
                c.transfers().stream().map(t -> t.from() + ">" + t.to()).toList().toString(),
                String.valueOf(c.hangupBy()), String.valueOf(c.wrongNumberReason()), String.valueOf(c.ivrChoice()),
                String.valueOf(c.operator()), String.valueOf(c.region()), String.valueOf(c.repeatCaller()),
                String.valueOf(c.durationSeconds()));
    }

    /** A random merge that keeps each stream's own order, as calls overlapping on one AMI connection do. */
    static List<AmiPacket> interleave(List<List<AmiPacket>> streams, Random random) {
        var positions = new int[streams.size()];
        var out = new ArrayList<AmiPacket>();
        int left = streams.stream().mapToInt(List::size).sum();
        while (left-- > 0) {
            int pick;
            do {
                pick = random.nextInt(streams.size());
            } while (positions[pick] >= streams.get(pick).size());
            out.add(streams.get(pick).get(positions[pick]++));
        }
        return out;
    }
}
