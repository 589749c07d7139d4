package kz.hotline114.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import kz.hotline114.calls.IvrMenu;
import kz.hotline114.calls.internal.CallInterpreter;
import kz.hotline114.support.Recordings;
import kz.hotline114.pbx.AmiEvent;
import org.assertj.core.groups.Tuple;

/**
 * Every recorded scenario interpreted straight from its AMI events (no socket, no database): the
 * classification rules of the call log. The same scenarios run end to end over a real AMI socket
 * and PostgreSQL in {@code CallLogIT}.
 */
class CallInterpreterTest {

    private final CallInterpreter interpreter = new CallInterpreter(IvrMenu.load(), Duration.ofSeconds(5));

    private List<Call> calls(String recording) {
        var out = new ArrayList<Call>();
        Recordings.eventsByLinkedid(recording).forEach((lid, events) ->
                interpreter.interpret(new CallKey("test-pbx", lid), events).ifPresent(out::add));
        return out;
    }

    private Call only(String recording) {
        var calls = calls(recording);
        assertThat(calls).hasSize(1);
        return calls.getFirst();
    }

    @Test
    void a_caller_who_presses_1_and_talks_to_a_psychologist_is_answered() {
        var c = only("answered-psychologist");
        assertThat(c.linkedid()).isEqualTo("1795437466.0");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(c.ivrChoice()).isEqualTo("1");
        assertThat(c.queues()).containsExactly("psychologists");
        assertThat(c.answeredBy()).containsExactly("Aigerim (psychologist)");
        assertThat(c.waitSeconds()).isCloseTo(2, within(1));
        assertThat(c.talkSeconds()).isCloseTo(5, within(1));
        assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
        assertThat(c.callerNumber()).isEqualTo("+77011110001");
        assertThat(c.operator()).isEqualTo("Kcell");
        assertThat(c.dialledNumber()).isEqualTo("114");
        assertThat(c.durationSeconds()).isEqualTo(11);
        assertThat(c.transfers()).isEmpty();
    }

    @Test
    void an_astana_landline_reaching_a_theologian_is_normalised_to_e164_with_its_region() {
        var c = only("answered-theologian");
        assertThat(c.callerNumber()).isEqualTo("+77172554433");
        assertThat(c.region()).isEqualTo("Astana");
        assertThat(c.operator()).isNull();
        assertThat(c.queues()).containsExactly("theologians");
        assertThat(c.answeredBy()).containsExactly("Yerlan (theologian)");
        assertThat(c.talkSeconds()).isCloseTo(6, within(1));
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void a_caller_display_name_in_kazakh_is_kept() {
        var c = only("answered-scholar");
        assertThat(c.callerName()).isEqualTo("Айгүл Серікқызы");
        assertThat(c.operator()).isEqualTo("Tele2");
        assertThat(c.queues()).containsExactly("religious-scholars");
        assertThat(c.answeredBy()).containsExactly("Nurlan (religious scholar)");
    }

    @Test
    void a_caller_who_hangs_up_on_hold_music_abandoned_the_queue() {
        var c = only("abandoned-in-queue");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(c.queues()).containsExactly("psychologists");
        assertThat(c.answeredBy()).isEmpty();
        assertThat(c.waitSeconds()).isCloseTo(10, within(1));
        assertThat(c.talkSeconds()).isNull();
        assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
    }

    @Test
    void a_caller_who_presses_0_is_a_wrong_number() {
        var c = only("wrong-number-declared");
        assertThat(c.outcome()).isEqualTo(CallOutcome.WRONG_NUMBER);
        assertThat(c.wrongNumberReason()).isEqualTo(WrongNumberReason.DECLARED);
        assertThat(c.ivrChoice()).isEqualTo("0");
        assertThat(c.hangupBy()).isEqualTo(HangupSide.PBX);
    }

    /**
     * A known misdialer hears the 1414 message before the menu and presses no key: the PBX says so with
     * {@code HotlineWrongNumber Reason: filtered} (issue 17's dialplan contract) — the recorded declared call with that
     * event in place of the caller's 0.
     */
    @Test
    void a_known_misdialer_who_hears_the_1414_message_and_presses_nothing_is_a_filtered_wrong_number() {
        var events = Recordings.eventsByLinkedid("wrong-number-declared").values().iterator().next().stream()
                .filter(e -> !("UserEvent".equals(e.name()) && "HotlineIvr".equals(e.userEventName())
                        && "choice".equals(e.get("Stage"))))
                .map(e -> "UserEvent".equals(e.name()) && "HotlineWrongNumber".equals(e.userEventName())
                        ? new AmiEvent(e.journalId(), e.pbxId(), e.receivedAt(), e.headers().stream()
                                .map(h -> h.getKey().equals("Reason") ? Map.entry("Reason", "filtered") : h).toList())
                        : e)
                .toList();
        var c = interpreter.interpret(new CallKey("test-pbx", events.getFirst().linkedid()), events).orElseThrow();
        assertThat(c.outcome()).isEqualTo(CallOutcome.WRONG_NUMBER);
        assertThat(c.wrongNumberReason()).isEqualTo(WrongNumberReason.FILTERED);
    }

    /** The same call when its HotlineWrongNumber was lost: the hang-up handler's {@code Stage: filtered} still says it. */
    @Test
    void the_hang_up_handlers_filtered_stage_alone_makes_a_filtered_wrong_number() {
        var events = Recordings.eventsByLinkedid("wrong-number-declared").values().iterator().next().stream()
                .filter(e -> !("UserEvent".equals(e.name()) && ("HotlineWrongNumber".equals(e.userEventName())
                        || "choice".equals(e.get("Stage")))))
                .map(e -> "UserEvent".equals(e.name()) && "HotlineCallEnd".equals(e.userEventName())
                        ? new AmiEvent(e.journalId(), e.pbxId(), e.receivedAt(), e.headers().stream()
                                .map(h -> h.getKey().equals("Stage") ? Map.entry("Stage", "filtered")
                                        : h.getKey().equals("Choice") ? Map.entry("Choice", "none") : h).toList())
                        : e)
                .toList();
        var c = interpreter.interpret(new CallKey("test-pbx", events.getFirst().linkedid()), events).orElseThrow();
        assertThat(c.outcome()).isEqualTo(CallOutcome.WRONG_NUMBER);
        assertThat(c.wrongNumberReason()).isEqualTo(WrongNumberReason.FILTERED);
    }

    @Test
    void a_caller_who_hangs_up_during_the_greeting_is_a_short_wrong_number() {
        var c = only("wrong-number-short");
        assertThat(c.outcome()).isEqualTo(CallOutcome.WRONG_NUMBER);
        assertThat(c.wrongNumberReason()).isEqualTo(WrongNumberReason.SHORT_CALL);
        assertThat(c.ivrChoice()).isNull();
        assertThat(c.callerNumber()).isEqualTo("+77273334406");
        assertThat(c.region()).isEqualTo("Almaty");
        assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
    }

    @Test
    void hanging_up_in_the_menu_after_the_short_call_limit_is_ivr_abandoned_not_a_wrong_number() {
        // the same recording with hotline.wrong-number.short-call-seconds = 0: the hang-up comes after the limit
        var noShortCalls = new CallInterpreter(IvrMenu.load(), Duration.ZERO);
        var byCall = Recordings.eventsByLinkedid("wrong-number-short");
        assertThat(byCall).as("calls in the recording").hasSize(1);
        byCall.forEach((lid, events) -> {
            var c = noShortCalls.interpret(new CallKey("test-pbx", lid), events).orElseThrow();
            assertThat(c.outcome()).isEqualTo(CallOutcome.IVR_ABANDONED);
            assertThat(c.wrongNumberReason()).isNull();
            assertThat(c.ivrChoice()).isNull();
            assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
        });
    }

    @Test
    void a_withheld_caller_who_never_chooses_is_no_input() {
        var c = only("no-input-timeout");
        assertThat(c.outcome()).isEqualTo(CallOutcome.NO_INPUT);
        assertThat(c.callerWithheld()).isTrue();
        assertThat(c.callerNumber()).isNull();
        assertThat(c.callerName()).isNull();
        assertThat(c.hangupBy()).isEqualTo(HangupSide.PBX);
    }

    @Test
    void three_calls_from_one_number_are_three_calls() {
        var calls = calls("repeat-caller");
        assertThat(calls).hasSize(3);
        assertThat(calls).extracting(Call::callerNumber).containsOnly("+77019998877");
        assertThat(calls).extracting(Call::outcome)
                .containsExactly(CallOutcome.WRONG_NUMBER, CallOutcome.WRONG_NUMBER, CallOutcome.ANSWERED);
        assertThat(calls.get(2).answeredBy()).containsExactly("Aigerim (psychologist)");
    }

    @Test
    void a_redirect_to_the_theologians_is_one_call_with_a_transfer_and_true_talk_time() {
        var c = only("transfer");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(c.queues()).containsExactly("psychologists", "theologians");
        assertThat(c.answeredBy()).containsExactly("Daniyar (psychologist)", "Olga (theologian)");
        assertThat(c.transfers()).extracting(Transfer::from, Transfer::to)
                .containsExactly(Tuple.tuple("psychologists", "theologians"));
        // Daniyar ~4 s + Olga ~6 s; AgentComplete claims 12 + 6 (the Redirect quirk)
        assertThat(c.talkSeconds()).isCloseTo(10, within(1));
        assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
    }

    @Test
    void local_channel_halves_make_one_call_keyed_by_the_linkedid() {
        var c = only("answered-psychologist-local");
        assertThat(c.linkedid()).isEqualTo("1795437751.202");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(c.queues()).containsExactly("psychologists");
    }

    @Test
    void a_psychologist_on_a_sip_phone_answers() {
        var c = only("sip-phones/pjsip-answered-psychologist");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(c.answeredBy()).containsExactly("Aigerim (psychologist)");
        assertThat(c.talkSeconds()).isCloseTo(6, within(1));
        assertThat(c.operator()).isEqualTo("Altel");
        assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
    }

    @Test
    void a_taldykorgan_landline_reaches_a_theologian_on_a_sip_phone() {
        var c = only("sip-phones/pjsip-answered-theologian");
        assertThat(c.region()).isEqualTo("Taldykorgan");
        assertThat(c.answeredBy()).containsExactly("Yerlan (theologian)");
        assertThat(c.talkSeconds()).isCloseTo(5, within(1));
    }

    @Test
    void a_specialist_who_hangs_up_first_ended_the_call() {
        var c = only("sip-phones/pjsip-agent-hangup");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(c.hangupBy()).isEqualTo(HangupSide.SPECIALIST);
        assertThat(c.operator()).isEqualTo("Beeline");
        assertThat(c.talkSeconds()).isCloseTo(5, within(1));
    }

    @Test
    void a_key_the_menu_does_not_offer_is_an_invalid_choice() {
        var c = only("sip-phones/invalid-choice");
        assertThat(c.outcome()).isEqualTo(CallOutcome.INVALID_CHOICE);
        assertThat(c.ivrChoice()).isEqualTo("7");
        assertThat(c.region()).isEqualTo("Aktau");
        assertThat(c.hangupBy()).isEqualTo(HangupSide.PBX);
    }

    @Test
    void hanging_up_while_the_specialists_phone_rings_is_an_abandon() {
        var c = only("sip-phones/abandon-while-ringing");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(c.answeredBy()).isEmpty();
        assertThat(c.waitSeconds()).isCloseTo(4, within(1));
    }

    @Test
    void queue_member_changes_do_not_make_calls_and_the_call_goes_to_the_member_not_on_lunch() {
        var c = only("sip-phones/queue-member-control");
        assertThat(c.answeredBy()).containsExactly("Olga (theologian)");
        assertThat(c.talkSeconds()).isCloseTo(6, within(1));
    }

    @Test
    void an_outbound_callback_is_not_an_inbound_call() {
        var c = only("sip-phones/callback-originate");
        assertThat(c.callerNumber()).isEqualTo("+77471234509");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void an_attended_transfer_to_a_colleagues_phone_is_one_call_with_a_transfer() {
        var c = only("sip-phones/attended-transfer");
        assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(c.answeredBy()).containsExactly("Aigerim (psychologist)");
        assertThat(c.transfers()).hasSize(1);
        assertThat(c.transfers().getFirst().from()).isEqualTo("Aigerim (psychologist)");
        assertThat(c.transfers().getFirst().to()).isEqualTo("Yerlan (theologian)");
        assertThat(c.hangupBy()).isEqualTo(HangupSide.CALLER);
    }

    @Test
    void a_queue_timeout_with_nobody_logged_in_is_unanswered_not_abandoned() {
        var c = only("sip-phones/no-agents-logged-in");
        assertThat(c.outcome()).isEqualTo(CallOutcome.UNANSWERED);
        assertThat(c.queues()).containsExactly("psychologists");
        assertThat(c.waitSeconds()).isCloseTo(20, within(1));
        assertThat(c.hangupBy()).isEqualTo(HangupSide.PBX);
    }

    @Test
    void events_in_any_order_and_repeated_give_the_same_call() {
        var byCall = Recordings.eventsByLinkedid("transfer");
        assertThat(byCall).as("calls in the recording").hasSize(1);
        byCall.forEach((lid, events) -> {
            var expected = interpreter.interpret(new CallKey("p", lid), events);
            assertThat(expected).as("the call in order").isPresent();
            var shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, events.size() / 2));
            Collections.shuffle(shuffled, new Random(7));
            assertThat(interpreter.interpret(new CallKey("p", lid), shuffled)).isEqualTo(expected);
        });
    }

    @Test
    void a_call_without_its_end_is_in_progress() {
        var byCall = Recordings.eventsByLinkedid("answered-psychologist");
        assertThat(byCall).as("calls in the recording").hasSize(1);
        byCall.forEach((lid, events) -> {
            var half = events.subList(0, events.size() / 2);
            var c = interpreter.interpret(new CallKey("p", lid), half).orElseThrow();
            assertThat(c.outcome()).isEqualTo(CallOutcome.IN_PROGRESS);
            assertThat(c.endedAt()).isNull();
            assertThat(c.hangupBy()).isNull();
        });
    }
}
