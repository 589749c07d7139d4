package kz.hotline114.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.hotline114.calls.IvrMenu;
import kz.hotline114.calls.internal.CallInterpreter;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.support.Recordings;

/**
 * A call the AMI link missed is read from the PBX's own CEL and CDR records. Every recording carries the
 * {@code CEL} and {@code Cdr} events Asterisk wrote for its calls (cel_manager / cdr_manager: the same records
 * cel_pgsql / cdr_pgsql put in PostgreSQL): the call read from those records alone must be the call read from
 * the whole AMI session, field by field, except what only AMI carries (the members' names).
 */
class PbxRecordsTest {

    private final CallInterpreter interpreter = new CallInterpreter(IvrMenu.load(), Duration.ofSeconds(5));

    /** The recording's CEL and Cdr packets, as the reconciler journals them from the tables. */
    static List<AmiEvent> records(List<AmiEvent> events) {
        var out = new ArrayList<AmiEvent>();
        int n = 0;
        for (var e : events) {
            if (e.name().equals("CEL") || e.name().equals("Cdr")) {
                var headers = new ArrayList<Map.Entry<String, String>>();
                headers.add(Map.entry("Event", e.name()));
                headers.add(Map.entry(AmiEvent.RECOVERED, e.name().toLowerCase() + ":" + (++n)));
                e.headers().stream().filter(h -> !h.getKey().equals("Event") && !h.getKey().equals("Privilege"))
                        .forEach(headers::add);
                out.add(new AmiEvent(e.journalId(), e.pbxId(), e.receivedAt(), headers));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"answered-psychologist", "answered-theologian", "answered-scholar", "abandoned-in-queue",
            "wrong-number-declared", "wrong-number-short", "no-input-timeout", "repeat-caller", "transfer",
            "answered-psychologist-local", "sip-phones/pjsip-answered-psychologist",
            "sip-phones/pjsip-answered-theologian", "sip-phones/pjsip-agent-hangup", "sip-phones/invalid-choice",
            "sip-phones/abandon-while-ringing", "sip-phones/no-agents-logged-in", "sip-phones/attended-transfer",
            "sip-phones/callback-originate", "sip-phones/queue-member-control"})
    void the_pbx_records_alone_give_the_call_the_ami_session_gives(String recording) {
        int compared = 0;
        var byCall = Recordings.eventsByLinkedid(recording);
        assertThat(byCall).as("%s: calls in the recording", recording).isNotEmpty();
        for (var entry : byCall.entrySet()) {
            var live = interpreter.interpret(new CallKey("test-pbx", entry.getKey()), entry.getValue());
            var recovered = interpreter.interpret(new CallKey("test-pbx", entry.getKey()), records(entry.getValue()));
            assertThat(recovered.isPresent()).as("%s %s is a call", recording, entry.getKey())
                    .isEqualTo(live.isPresent());
            if (live.isEmpty()) {
                continue;
            }
            compared++;
            var a = live.get();
            var r = recovered.get();
            var what = recording + " " + entry.getKey() + "\n live:      " + a + "\n recovered: " + r;
            assertThat(r.recovered()).as(what).isTrue();
            assertThat(a.recovered()).as(what).isFalse();
            assertThat(r.outcome()).as(what).isEqualTo(a.outcome());
            assertThat(r.wrongNumberReason()).as(what).isEqualTo(a.wrongNumberReason());
            assertThat(r.ivrChoice()).as(what).isEqualTo(a.ivrChoice());
            assertThat(r.queues()).as(what).isEqualTo(a.queues());
            assertThat(r.answeredBy()).as(what).hasSameSizeAs(a.answeredBy());
            assertThat(r.transfers()).as(what).hasSameSizeAs(a.transfers());
            for (int i = 0; i < a.transfers().size(); i++) {
                if (!a.transfers().get(i).from().contains("(")) { // queue → queue; a member's name is AMI's alone
                    assertThat(r.transfers().get(i).from()).as(what).isEqualTo(a.transfers().get(i).from());
                    assertThat(r.transfers().get(i).to()).as(what).isEqualTo(a.transfers().get(i).to());
                }
            }
            assertThat(r.hangupBy()).as(what).isEqualTo(a.hangupBy());
            assertThat(r.callerNumber()).as(what).isEqualTo(a.callerNumber());
            assertThat(r.callerWithheld()).as(what).isEqualTo(a.callerWithheld());
            assertThat(r.callerName()).as(what).isEqualTo(a.callerName());
            assertThat(r.dialledNumber()).as(what).isEqualTo(a.dialledNumber());
            assertThat(Duration.between(a.startedAt(), r.startedAt()).abs()).as(what).isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(Duration.between(a.endedAt(), r.endedAt()).abs()).as(what).isLessThanOrEqualTo(Duration.ofSeconds(1));
            if (a.waitSeconds() == null) {
                assertThat(r.waitSeconds()).as(what).isNull();
            } else {
                assertThat(r.waitSeconds()).as(what).isCloseTo(a.waitSeconds(), within(1));
            }
            if (a.talkSeconds() == null) {
                assertThat(r.talkSeconds()).as(what).isNull();
            } else {
                assertThat(r.talkSeconds()).as(what).isCloseTo(a.talkSeconds(), within(1));
            }
        }
        assertThat(compared).as(recording).isPositive();
    }

    @Test
    void a_member_the_link_saw_answer_keeps_its_name_else_the_interface_names_it() {
        var events = Recordings.eventsByLinkedid("sip-phones/pjsip-answered-theologian").values().iterator().next();
        var lid = events.getFirst().linkedid();
        var alone = interpreter.interpret(new CallKey("test-pbx", lid), records(events)).orElseThrow();
        assertThat(alone.answeredBy()).singleElement().asString().startsWith("PJSIP/");
        var withConnect = new ArrayList<>(records(events));
        events.stream().filter(e -> e.name().equals("AgentConnect")).forEach(withConnect::add);
        var named = interpreter.interpret(new CallKey("test-pbx", lid), withConnect).orElseThrow();
        var live = interpreter.interpret(new CallKey("test-pbx", lid), events).orElseThrow();
        assertThat(named.answeredBy()).isEqualTo(live.answeredBy());
        assertThat(named.recovered()).isTrue();
    }

    @Test
    void a_recovered_call_has_a_timeline_from_its_records() {
        var events = Recordings.eventsByLinkedid("transfer").values().iterator().next();
        var timeline = interpreter.timeline(records(events));
        var steps = timeline.stream().map(CallStep::kind).toList();
        var ended = timeline.stream().filter(s -> s.kind() == CallStep.Kind.ENDED).findFirst().orElseThrow();
        var liveEnded = interpreter.timeline(events).stream().filter(s -> s.kind() == CallStep.Kind.ENDED)
                .findFirst().orElseThrow();
        assertThat(ended.detail()).isEqualTo(liveEnded.detail()).isEqualTo("Normal Clearing");
        assertThat(steps).contains(CallStep.Kind.STARTED, CallStep.Kind.IVR_ANSWERED, CallStep.Kind.CHOICE,
                CallStep.Kind.QUEUE_JOINED, CallStep.Kind.ANSWERED, CallStep.Kind.TRANSFER, CallStep.Kind.ENDED);
    }
}
