package kz.hotline114.amisim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the demo PBX does with a {@code BlindTransfer} of a specialist's leg into {@code hotline-transfer,<queue>}: as
 * Asterisk would, the specialist's leg ends ({@code BlindTransfer}, {@code AgentComplete Reason: transfer}, its
 * {@code Hangup}), and the caller goes on to the other queue, where a member answers and they talk until the caller
 * hangs up. The caller's part is the recorded {@code transfer} call from the moment it left its first specialist,
 * placed now: the live caller's channel and ids in place of the recorded ones, the target queue and one of its
 * members in place of the recorded {@code theologians} and Olga; the recorded rest of the live call is no longer
 * sent (see {@link PbxStateMirror#suppress}).
 */
final class TransferSimulation {

    static final String RECORDING = "transfer.ami";
    private static final String FROM = "\u0001from\u0001";
    private static final String TO = "\u0001to\u0001";

    /** The recording's caller part after its first specialist, and what in it names the recorded call. */
    record Recorded(AmiTranscript tail, String callerChannel, String callerUid, String callerNumber, List<String> firstLegs,
                    String fromQueue, String toQueue, String toIface, String toName) {
    }

    private static volatile @Nullable Recorded recorded;

    private TransferSimulation() {
    }

    /** The recorded transfer's rest, or null if the recording is not bundled. */
    static @Nullable Recorded recorded() {
        var cached = recorded;
        if (cached != null || !AmiTranscript.exists(AmiTranscript.RECORDINGS + RECORDING)) {
            return cached;
        }
        var packets = AmiTranscript.fromClasspath(AmiTranscript.RECORDINGS + RECORDING).packets();
        AmiPacket transfer = packets.stream().filter(p -> "UserEvent".equals(p.event())
                && "HotlineTransfer".equals(p.get("UserEvent"))).findFirst().orElseThrow();
        String caller = transfer.get("Channel");
        String linkedid = transfer.get("Linkedid");
        int start = -1;
        var oldLegs = new HashSet<String>();
        var oldNames = new ArrayList<String>();
        String oldBridge = null;
        AmiPacket second = null;
        for (int i = 0; i < packets.size(); i++) {
            var p = packets.get(i);
            if (start < 0 && "Newchannel".equals(p.event()) && linkedid.equals(p.get("Linkedid"))
                    && !linkedid.equals(p.get("Uniqueid"))) {
                oldLegs.add(p.get("Uniqueid"));
                oldNames.add(p.get("Channel"));
            }
            if (start < 0 && "BridgeCreate".equals(p.event())) {
                oldBridge = p.get("BridgeUniqueid");
            }
            if (start < 0 && "BridgeLeave".equals(p.event()) && caller.equals(p.get("Channel"))) {
                start = i;
            }
            if (start >= 0 && second == null && "AgentConnect".equals(p.event())) {
                second = p;
            }
        }
        var from = transfer.get("From");
        var firstIface = packets.stream().filter(p -> "AgentConnect".equals(p.event())).findFirst().orElseThrow()
                .get("Interface");
        var tail = new ArrayList<AmiPacket>();
        for (var p : packets.subList(start, packets.size())) {
            if (!oldLeg(p, oldLegs, oldBridge, from, firstIface) && p.isEvent()) {
                tail.add(p);
            }
        }
        var callerNumber = packets.stream().filter(p -> caller.equals(p.get("Channel")) && p.get("CallerIDNum") != null)
                .findFirst().orElseThrow().get("CallerIDNum");
        cached = new Recorded(new AmiTranscript(RECORDING, tail), caller, linkedid, callerNumber, List.copyOf(oldNames), from,
                transfer.get("To"), second.get("Interface"), second.get("MemberName"));
        recorded = cached;
        return cached;
    }

    /** An event of the first specialist's part, which the live call plays itself. */
    private static boolean oldLeg(AmiPacket p, Set<String> oldLegs, @Nullable String oldBridge, String fromQueue,
                                  String firstIface) {
        var uid = p.get("Uniqueid") != null ? p.get("Uniqueid") : p.get("UniqueID");
        if (uid != null && oldLegs.contains(uid)) {
            return true;
        }
        var channel = p.get("Channel");
        if (channel != null && channel.startsWith(firstIface.replace("/n", "-"))) {
            return true; // a CEL or Cdr of the first specialist's leg (they name the channel only)
        }
        if (oldBridge != null && oldBridge.equals(p.get("BridgeUniqueid")) && !"BridgeLeave".equals(p.event())) {
            return true;
        }
        var event = p.event();
        return ("AgentComplete".equals(event) && fromQueue.equals(p.get("Queue")))
                || (firstIface.equals(p.get("Interface")) && event != null && event.startsWith("QueueMember"))
                || ("DeviceStateChange".equals(event) && firstIface.startsWith(String.valueOf(p.get("Device"))));
    }

    /**
     * The events of the transfer of {@code from} into {@code toQueue}, answered there by {@code member} (its
     * {@code Location} and {@code Name}), each at its distance from now.
     */
    static List<OriginateSimulation.Timed> call(PbxStateMirror.TransferSource from, String toQueue,
                                                Map<String, String> member, Clock clock) {
        return call(from, "hotline-transfer", toQueue, toQueue, member, clock);
    }

    /**
     * As {@link #call(PbxStateMirror.TransferSource, String, Map, Clock)} for a transfer to {@code exten@context}:
     * into a queue ({@code hotline-transfer}), or to a colleague's phone ({@code hotline-transfer-phone}: the
     * colleague, a member of {@code toQueue}, answers; the dialplan sends no {@code HotlineTransfer} then).
     */
    static List<OriginateSimulation.Timed> call(PbxStateMirror.TransferSource from, String context, String exten,
                                                String toQueue, Map<String, String> member, Clock clock) {
        boolean toPhone = !context.equals("hotline-transfer");
        var rec = recorded();
        if (rec == null) {
            return List.of();
        }
        double now = clock.millis() / 1000.0;
        double first = rec.tail().firstTimestamp().orElse(now);
        double shift = Math.ceil(now - first);
        int copy = OriginateSimulation.nextCopy();
        var rewriter = new TranscriptRewriter(List.of(rec.tail()));
        var key = rewriter.rewrite(AmiPacket.of("Uniqueid", rec.callerUid(), "Channel", rec.callerChannel(),
                "CallerIDNum", rec.callerNumber()), copy, shift);
        var caller = from.caller();
        var map = new LinkedHashMap<String, String>();
        map.put(key.get("Channel"), caller.get("Channel"));
        if (!from.agentLegs().isEmpty()) {
            // the caller's CEL peer and Cdr destination name the first specialist's leg: the live one
            for (var leg : rec.firstLegs()) {
                map.put(rewriter.rewrite(AmiPacket.of("Channel", leg), copy, shift).get("Channel"),
                        from.agentLegs().getFirst().get("Channel"));
            }
        }
        map.put(key.get("Uniqueid"), caller.get("Uniqueid"));
        map.put(key.get("CallerIDNum"), caller.getOrDefault("CallerIDNum", ""));
        map.put(rec.toIface(), member.getOrDefault("Location", ""));
        map.put(rec.toName(), member.getOrDefault("Name", ""));
        map.put(rec.fromQueue(), FROM);
        map.put(rec.toQueue(), TO);
        var out = new ArrayList<OriginateSimulation.Timed>();
        var stamp = String.format(Locale.ROOT, "%.6f", now);
        for (var p : head(from, context, exten, stamp)) {
            out.add(new OriginateSimulation.Timed(0, p));
        }
        for (var p : rec.tail().packets()) {
            if (toPhone && "HotlineTransfer".equals(p.get("UserEvent"))) {
                continue;
            }
            var headers = new ArrayList<AmiPacket.Header>(p.headers().size());
            for (var h : rewriter.rewrite(p, copy, shift).headers()) {
                headers.add(new AmiPacket.Header(h.key(), replace(h.value(), map, from.queue(), toQueue)));
            }
            var patched = new AmiPacket(headers);
            long after = (long) Math.max(0, (AmiTranscript.timestamp(patched).orElse(now) - now) * 1000);
            out.add(new OriginateSimulation.Timed(after, patched));
        }
        return out;
    }

    private static @Nullable String replace(@Nullable String value, Map<String, String> map, String fromQueue,
                                            String toQueue) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        var v = value;
        for (var e : map.entrySet()) {
            if (v.contains(e.getKey())) {
                v = v.replace(e.getKey(), e.getValue());
            }
        }
        return v.replace(FROM, fromQueue).replace(TO, toQueue);
    }

    /** What Asterisk sends when the transfer is made: the transfer, the first specialist's completion, its legs' end. */
    private static List<AmiPacket> head(PbxStateMirror.TransferSource from, String context, String exten,
                                        String stamp) {
        var caller = from.caller();
        var agent = from.agentLegs().isEmpty() ? Map.<String, String>of() : from.agentLegs().getFirst();
        var transfer = new ArrayList<String>(List.of("Event", "BlindTransfer", "Privilege", "call,all",
                "Timestamp", stamp, "Result", "Success"));
        snapshot(transfer, "Transferer", agent);
        snapshot(transfer, "Transferee", caller);
        transfer.addAll(List.of("IsExternal", "Yes", "Context", context, "Extension", exten));
        var out = new ArrayList<AmiPacket>();
        out.add(AmiPacket.of(transfer.toArray(String[]::new)));
        out.add(agentComplete(from, "transfer", stamp));
        for (var leg : from.agentLegs()) {
            var hangup = new ArrayList<String>(List.of("Event", "Hangup", "Privilege", "call,all", "Timestamp", stamp));
            snapshot(hangup, "", leg);
            hangup.addAll(List.of("Cause", "16", "Cause-txt", "Normal Clearing"));
            out.add(AmiPacket.of(hangup.toArray(String[]::new)));
        }
        return out;
    }

    /** app_queue's {@code AgentComplete} for the member that answered {@code from}, ended for {@code reason}. */
    static AmiPacket agentComplete(PbxStateMirror.TransferSource from, String reason, String stamp) {
        var complete = new ArrayList<String>(List.of("Event", "AgentComplete", "Privilege", "agent,all",
                "Timestamp", stamp));
        snapshot(complete, "", from.caller());
        snapshot(complete, "Dest", from.agentLegs().isEmpty() ? Map.of() : from.agentLegs().getFirst());
        complete.addAll(List.of("Queue", from.queue(), "Interface", from.iface(), "MemberName", from.memberName(),
                "HoldTime", from.holdTime().isEmpty() ? "0" : from.holdTime(),
                "TalkTime", String.valueOf(from.talkSeconds()), "Reason", reason));
        return AmiPacket.of(complete.toArray(String[]::new));
    }

    private static void snapshot(List<String> kv, String prefix, Map<String, String> fields) {
        fields.forEach((k, v) -> {
            kv.add(prefix + k);
            kv.add(v);
        });
    }
}
