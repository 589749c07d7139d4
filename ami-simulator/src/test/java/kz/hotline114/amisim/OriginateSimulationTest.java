package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The demo PBX answers a callback's Originate as Asterisk does (the demo said "originate failed: 0" before): the
 * recorded callback call, placed now from the asking phone, with the action's variables and id.
 */
class OriginateSimulationTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void the_recorded_callback_is_played_from_the_asking_phone_with_the_actions_variables() {
        var call = OriginateSimulation.call("PJSIP/205", List.of("HOTLINE_CALLBACK_FOR=1796000000.77",
                "HOTLINE_CALLBACK_ID=42"), "cb-42", clock);
        assertThat(call).hasSizeGreaterThan(10);
        var first = call.getFirst().packet();
        assertThat(first.event()).isEqualTo("Newchannel");
        assertThat(first.get("Channel")).startsWith("PJSIP/205-");
        var linkedid = first.get("Uniqueid");
        assertThat(call).extracting(t -> t.packet().toWireString()).noneMatch(w -> w.contains("PJSIP/201"));
        assertThat(call).map(OriginateSimulation.Timed::packet)
                .anySatisfy(p -> {
                    assertThat(p.event()).isEqualTo("VarSet");
                    assertThat(p.get("Variable")).isEqualTo("HOTLINE_CALLBACK_ID");
                    assertThat(p.get("Value")).isEqualTo("42");
                    assertThat(p.get("Linkedid")).isEqualTo(linkedid);
                })
                .anySatisfy(p -> {
                    assertThat(p.get("Variable")).isEqualTo("HOTLINE_CALLBACK_FOR");
                    assertThat(p.get("Value")).isEqualTo("1796000000.77");
                })
                .anySatisfy(p -> assertThat(p.event()).isEqualTo("BridgeEnter"))
                .anySatisfy(p -> assertThat(p.event()).isEqualTo("Hangup"));
        assertThat(call).extracting(OriginateSimulation.Timed::afterMillis).isSorted();
        assertThat(call.getLast().afterMillis()).as("rings, is answered, talks a few seconds").isBetween(3_000L, 120_000L);
        assertThat(AmiTranscript.timestamp(first).orElseThrow()).isCloseTo(clock.millis() / 1000.0,
                org.assertj.core.data.Offset.offset(1.0));

        var again = OriginateSimulation.call("PJSIP/205", List.of(), null, clock);
        assertThat(again.getFirst().packet().get("Uniqueid")).as("every callback a call of its own").isNotEqualTo(linkedid);
    }
}
