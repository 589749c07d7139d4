package kz.hotline114.amisim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the demo PBX does with an AMI {@code Hangup} of a specialist's leg: as Asterisk does when the desk ends a
 * call — the leg's {@code HangupRequest}, the queue's {@code AgentComplete Reason: agent}, then every channel of the
 * call hangs up, the caller's last.
 */
final class HangupSimulation {

    private HangupSimulation() {
    }

    /**
     * The events, stamped now: {@code call} is every channel of the call (the caller's last, see
     * {@link PbxStateMirror#callOf}), {@code answered} the queue call it was (null if none).
     */
    static List<AmiPacket> hangup(List<Map<String, String>> call, PbxStateMirror.@Nullable TransferSource answered,
                                  Clock clock) {
        var stamp = String.format(Locale.ROOT, "%.6f", clock.millis() / 1000.0);
        var out = new ArrayList<AmiPacket>();
        var first = call.getFirst();
        out.add(event("HangupRequest", "call,all", stamp, first, "Cause", "16"));
        if (answered != null) {
            out.add(TransferSimulation.agentComplete(answered, "agent", stamp));
        }
        for (var channel : call) {
            out.add(event("Hangup", "call,all", stamp, channel, "Cause", "16", "Cause-txt", "Normal Clearing"));
        }
        return out;
    }

    private static AmiPacket event(String name, String privilege, String stamp, Map<String, String> channel,
                                   String... more) {
        var kv = new ArrayList<String>(List.of("Event", name, "Privilege", privilege, "Timestamp", stamp));
        channel.forEach((k, v) -> {
            kv.add(k);
            kv.add(v);
        });
        kv.addAll(List.of(more));
        return AmiPacket.of(kv.toArray(String[]::new));
    }
}
