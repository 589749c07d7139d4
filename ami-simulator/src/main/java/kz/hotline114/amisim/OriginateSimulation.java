package kz.hotline114.amisim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What the demo PBX does with an {@code Originate} (a callback "call now"): Asterisk would ring the specialist's phone,
 * then dial the caller and bridge them. The demo plays the outbound part of the recorded {@code callback-originate}
 * call as if placed now: fresh ids, the originating phone in place of the recorded one, the action's
 * {@code HOTLINE_CALLBACK_*} variables and ActionID, each event at its recorded distance from the first — so the app
 * sees the callback ring, be answered and end, as on a real PBX.
 */
final class OriginateSimulation {

    static final String RECORDING = "sip-phones/callback-originate.ami";
    /** The phone the recording's callback was placed from. */
    static final String RECORDED_PHONE = "PJSIP/201";
    /**
     * Copy numbers beside the demo loop's ({@code 0..MAX_COPIES-1}) and small enough that every id stays readable by
     * Asterisk-Java (a sequence part past {@code Integer.MAX_VALUE} kills its reader thread); ids differ anyway by
     * their time shift (now).
     */
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static final int FIRST_COPY = EventSource.MAX_COPIES;
    private static final int COPY_RANGE = 14;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "demo-pbx-originate");
        t.setDaemon(true);
        return t;
    });
    private static volatile @Nullable List<AmiPacket> outbound;

    private OriginateSimulation() {
    }

    /** A copy number for a call the demo PBX makes itself (a callback, a transfer's rest). */
    static int nextCopy() {
        return FIRST_COPY + Math.floorMod(COPIES.getAndIncrement(), COPY_RANGE);
    }

    /** An event of the simulated call and its distance from the first, in milliseconds. */
    record Timed(long afterMillis, AmiPacket packet) {
    }

    /** The recorded callback's outbound events (from the originated phone's channel on), or none if not bundled. */
    static List<AmiPacket> recordedOutbound() {
        var cached = outbound;
        if (cached != null) {
            return cached;
        }
        List<AmiPacket> found = List.of();
        if (AmiTranscript.exists(AmiTranscript.RECORDINGS + RECORDING)) {
            var packets = AmiTranscript.fromClasspath(AmiTranscript.RECORDINGS + RECORDING).packets();
            String linkedid = null;
            for (var p : packets) {
                if ("VarSet".equals(p.event()) && "HOTLINE_CALLBACK_FOR".equals(p.get("Variable"))) {
                    linkedid = p.get("Linkedid");
                    break;
                }
            }
            for (int i = 0; linkedid != null && i < packets.size(); i++) {
                if ("Newchannel".equals(packets.get(i).event()) && linkedid.equals(packets.get(i).get("Uniqueid"))) {
                    found = List.copyOf(packets.subList(i, packets.size()));
                    break;
                }
            }
        }
        outbound = found;
        return found;
    }

    /**
     * The simulated call for one Originate: {@code phone} is the action's Channel, {@code variables} its
     * {@code Variable} values ({@code NAME=value}).
     */
    static List<Timed> call(String phone, List<String> variables, @Nullable String actionId, Clock clock) {
        var recorded = recordedOutbound();
        if (recorded.isEmpty()) {
            return List.of();
        }
        var transcript = new AmiTranscript(RECORDING, recorded);
        double first = transcript.firstTimestamp().orElse(clock.millis() / 1000.0);
        double shift = clock.millis() / 1000.0 - first;
        var rewritten = new TranscriptRewriter(List.of(transcript)).rewriteAll(transcript,
                nextCopy(), shift);
        var values = new HashMap<String, String>();
        for (var v : variables) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                values.put(v.substring(0, eq), v.substring(eq + 1));
            }
        }
        var out = new ArrayList<Timed>(rewritten.size());
        double start = clock.millis() / 1000.0;
        var recordedVariables = new HashSet<String>();
        for (var p : rewritten) {
            if ("VarSet".equals(p.event()) && p.get("Variable") != null) {
                recordedVariables.add(p.get("Variable"));
            }
        }
        for (var p : rewritten) {
            var headers = new ArrayList<AmiPacket.Header>(p.headers().size());
            String variable = "VarSet".equals(p.event()) ? p.get("Variable") : null;
            for (var h : p.headers()) {
                String v = h.value();
                if (v != null && v.contains(RECORDED_PHONE)) {
                    v = v.replace(RECORDED_PHONE, phone);
                }
                if ("Value".equals(h.key()) && variable != null && values.containsKey(variable)) {
                    v = values.get(variable);
                }
                if ("ActionID".equals(h.key()) && actionId != null) {
                    v = actionId;
                }
                headers.add(new AmiPacket.Header(h.key(), v));
            }
            var patched = new AmiPacket(headers);
            long after = (long) Math.max(0, (AmiTranscript.timestamp(patched).orElse(start) - start) * 1000);
            out.add(new Timed(after, patched));
            if ("HOTLINE_CALLBACK_FOR".equals(variable)) {
                // the action's other variables (the app's HOTLINE_CALLBACK_ID) are set on the channel as Asterisk does
                values.forEach((name, value) -> {
                    if (!recordedVariables.contains(name)) {
                        var set = new ArrayList<AmiPacket.Header>();
                        for (var h : headers) {
                            set.add("Variable".equals(h.key()) ? new AmiPacket.Header("Variable", name)
                                    : "Value".equals(h.key()) ? new AmiPacket.Header("Value", value) : h);
                        }
                        out.add(new Timed(after, new AmiPacket(set)));
                    }
                });
            }
        }
        return out;
    }

    /** Delivers each event of the call when it is due, in order. */
    static void play(List<Timed> call, Consumer<List<AmiPacket>> simulate) {
        for (var t : call) {
            TIMER.schedule(() -> simulate.accept(List.of(t.packet())), t.afterMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
