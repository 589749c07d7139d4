package kz.hotline114.amisim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The state a PBX would report, kept from the events the {@link AmiReplayServer} has sent: the channels that
 * exist (created, not yet hung up: their context, application, state and bridge) and the queues with their
 * members and waiting callers. With it the replay server answers {@code CoreShowChannels} and
 * {@code QueueStatus} as Asterisk 22 does, so a client that reconnects in the middle of a call learns where
 * every call is, exactly as it would from a real PBX.
 *
 * <p>The list answers carry the fields Asterisk 22 writes (manager_channels.c {@code CoreShowChannel}: the
 * channel snapshot, {@code Application}, {@code ApplicationData}, {@code Duration} as {@code HH:MM:SS},
 * {@code BridgeId}; app_queue.c {@code QueueParams}, {@code QueueMember} with {@code Name}/{@code Location},
 * {@code QueueEntry} with {@code Wait} in seconds and no {@code Linkedid}). Durations and waits are measured
 * on the server's clock from the moment the event that began them was sent. Thread-safe.
 */
@NullMarked
public final class PbxStateMirror {

    /** A bound on what is kept if a recording never hangs its channels up. */
    static final int MAX_CHANNELS = 10_000;

    private static final List<String> SNAPSHOT_KEYS = List.of("Channel", "ChannelState", "ChannelStateDesc",
            "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode",
            "Context", "Exten", "Priority", "Uniqueid", "Linkedid");

    private static final List<String> MEMBER_KEYS = List.of("StateInterface", "Membership", "Penalty", "CallsTaken",
            "LastCall", "LastPause", "LoginTime", "InCall", "Status", "Paused", "PausedReason", "Wrapuptime");

    private static final class Channel {
        final Map<String, String> fields = new LinkedHashMap<>();
        final long createdNanos;
        String application = "";
        String applicationData = "";
        String bridgeId = "";

        Channel(long createdNanos) {
            this.createdNanos = createdNanos;
        }
    }

    private record Entry(String uniqueid, Map<String, String> caller, long joinedNanos) {
    }

    private final LongSupplier clock;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, String>>> members = new TreeMap<>();
    /** Members paused by a QueuePause action (interface → reason), whatever the recording says afterwards. */
    private final Map<String, String> pausedByAction = new HashMap<>();
    private final Map<String, Map<String, Entry>> entries = new TreeMap<>();
    /** Per call (Linkedid): the queue and member that answered it (its AgentConnect), until the caller hangs up. */
    private final Map<String, Connected> connected = new LinkedHashMap<>();
    /** Calls whose recorded rest is no longer sent (the demo transferred them): their Linkedids, the newest last. */
    private final Set<String> suppressed = new LinkedHashSet<>();

    /** Consultations of attended transfers in progress (the transferer's channel → the extension consulted). */
    private final Map<String, String> consults = new LinkedHashMap<>();

    private record Connected(String queue, String iface, String memberName, String holdTime, long connectedNanos) {
    }

    /**
     * What a transfer of an answered queue call needs to know: the caller's leg (its snapshot fields), the
     * specialist's legs, the queue and member that answered and when.
     */
    public record TransferSource(Map<String, String> caller, List<Map<String, String>> agentLegs, String queue,
                                 String iface, String memberName, String holdTime, long talkSeconds) {
        public String linkedid() {
            return caller.getOrDefault("Linkedid", "");
        }
    }

    public PbxStateMirror() {
        this(System::nanoTime);
    }

    PbxStateMirror(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Takes in an event the server has just sent. */
    public synchronized void sent(AmiPacket p) {
        var event = p.event();
        if (event == null) {
            return;
        }
        var uid = p.get("Uniqueid");
        switch (event) {
            case "Newchannel" -> channelCreated(p, uid);
            case "Newexten" -> {
                var c = uid == null ? null : channels.get(uid);
                if (c != null) {
                    copy(p, c.fields);
                    c.application = p.get("Application") == null ? "" : p.get("Application");
                    c.applicationData = p.get("AppData") == null ? "" : p.get("AppData");
                }
            }
            case "Newstate", "NewCallerid", "NewConnectedLine", "NewAccountCode" -> {
                var c = uid == null ? null : channels.get(uid);
                if (c != null) {
                    copy(p, c.fields);
                }
            }
            case "Rename" -> {
                var c = uid == null ? null : channels.get(uid);
                var name = p.get("Newname");
                if (c != null && name != null) {
                    c.fields.put("Channel", name);
                }
            }
            case "BridgeEnter" -> {
                var c = uid == null ? null : channels.get(uid);
                if (c != null) {
                    c.bridgeId = value(p, "BridgeUniqueid");
                    copy(p, c.fields);
                }
            }
            case "BridgeLeave" -> {
                var c = uid == null ? null : channels.get(uid);
                if (c != null) {
                    c.bridgeId = "";
                }
            }
            case "Hangup" -> {
                if (uid != null) {
                    channels.remove(uid);
                    connected.remove(uid);
                }
            }
            case "AgentConnect" -> {
                var queue = queue(p);
                var linkedid = p.get("Linkedid");
                if (queue != null && linkedid != null) {
                    connected.put(linkedid, new Connected(queue, value(p, "Interface"), value(p, "MemberName"),
                            value(p, "HoldTime"), clock.getAsLong()));
                    if (connected.size() > MAX_CHANNELS) {
                        connected.remove(connected.keySet().iterator().next());
                    }
                }
            }
            case "AgentCalled" -> agentCalled(p);
            case "QueueMemberAdded", "QueueMemberStatus", "QueueMemberPause" -> memberChanged(p);
            case "QueueMemberRemoved" -> {
                var queue = queue(p);
                var iface = p.get("Interface");
                if (queue != null && iface != null) {
                    members.get(queue).remove(iface);
                }
            }
            case "QueueCallerJoin" -> callerJoined(p, uid);
            case "QueueCallerLeave", "QueueCallerAbandon" -> {
                var queue = queue(p);
                if (queue != null && uid != null) {
                    entries.get(queue).remove(uid);
                }
            }
            default -> queue(p);
        }
    }

    /** A channel appears; the oldest is forgotten beyond the limit. */
    private void channelCreated(AmiPacket p, @Nullable String uid) {
        if (uid == null || uid.isBlank()) {
            return;
        }
        var c = new Channel(clock.getAsLong());
        copy(p, c.fields);
        channels.put(uid, c);
        if (channels.size() > MAX_CHANNELS) {
            Iterator<String> oldest = channels.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** app_queue dials a member: the member's leg runs AppQueue, no dialplan. */
    private void agentCalled(AmiPacket p) {
        // app_queue dials the member: its channel runs no dialplan, its application is AppQueue
        var c = channels.get(value(p, "DestUniqueid"));
        if (c != null) {
            c.application = "AppQueue";
            c.applicationData = "(Outgoing Line)";
        }
        queue(p);
    }

    /** A member's state as the queue reports it. */
    private void memberChanged(AmiPacket p) {
        var queue = queue(p);
        var iface = p.get("Interface");
        if (queue == null || iface == null || iface.isBlank()) {
            return;
        }
        var m = members.get(queue).computeIfAbsent(iface, i -> new LinkedHashMap<>());
        m.put("Name", p.get("MemberName") == null ? m.getOrDefault("Name", iface) : p.get("MemberName"));
        m.put("Location", iface);
        for (var key : MEMBER_KEYS) {
            var v = p.get(key);
            if (v != null) {
                m.put(key, v);
            }
        }
    }

    /** A caller waits in a queue. */
    private void callerJoined(AmiPacket p, @Nullable String uid) {
        var queue = queue(p);
        if (queue != null && uid != null) {
            var caller = new LinkedHashMap<String, String>();
            for (var key : List.of("Channel", "CallerIDNum", "CallerIDName", "ConnectedLineNum",
                    "ConnectedLineName")) {
                caller.put(key, value(p, key));
            }
            entries.get(queue).put(uid, new Entry(uid, caller, clock.getAsLong()));
        }
    }

    /** The events answering {@code CoreShowChannels} (without the {@code ...Complete} event), in creation order. */
    /**
     * What Asterisk sends when a member is paused or unpaused ({@code QueuePause}): one {@code QueueMemberPause} per
     * queue the interface is a member of (or only {@code queue}), with the member's other fields as they stand.
     * Empty when the interface is in none of them. The state changes when the events are sent, as for recorded ones.
     */
    public synchronized List<AmiPacket> pause(String iface, @Nullable String queue, boolean paused,
                                              @Nullable String reason, long epochSecond) {
        if (paused) {
            pausedByAction.put(iface, reason == null ? "" : reason);
        } else {
            pausedByAction.remove(iface);
        }
        var out = new ArrayList<AmiPacket>();
        members.forEach((q, byIface) -> {
            var m = byIface.get(iface);
            if (m == null || (queue != null && !queue.isBlank() && !queue.equals(q))) {
                return;
            }
            out.add(AmiPacket.of("Event", "QueueMemberPause", "Privilege", "agent,all",
                    "Timestamp", epochSecond + ".000000", "Queue", q, "MemberName", m.getOrDefault("Name", iface),
                    "Interface", iface, "StateInterface", m.getOrDefault("StateInterface", iface),
                    "Membership", m.getOrDefault("Membership", "dynamic"), "Penalty", m.getOrDefault("Penalty", "0"),
                    "CallsTaken", m.getOrDefault("CallsTaken", "0"), "LastCall", m.getOrDefault("LastCall", "0"),
                    "LastPause", paused ? String.valueOf(epochSecond) : m.getOrDefault("LastPause", "0"),
                    "LoginTime", m.getOrDefault("LoginTime", "0"), "InCall", m.getOrDefault("InCall", "0"),
                    "Status", m.getOrDefault("Status", "1"), "Paused", paused ? "1" : "0",
                    "PausedReason", paused && reason != null ? reason : "", "Ringinuse", "0",
                    "Wrapuptime", m.getOrDefault("Wrapuptime", "0")));
        });
        return out;
    }

    /**
     * A recorded member event as it reads while that member is paused by an action: a recording knows nothing of the
     * pause and would report the member unpaused with its next status change.
     */
    public synchronized AmiPacket overlay(AmiPacket p) {
        var event = p.event();
        var iface = p.get("Interface");
        if (event == null || iface == null || !event.startsWith("QueueMember") || !pausedByAction.containsKey(iface)
                || "1".equals(p.get("Paused")) || p.get("Paused") == null) {
            return p;
        }
        var headers = new ArrayList<AmiPacket.Header>();
        for (var h : p.headers()) {
            switch (h.key()) {
                case "Paused" -> headers.add(new AmiPacket.Header("Paused", "1"));
                case "PausedReason" -> headers.add(new AmiPacket.Header("PausedReason", pausedByAction.get(iface)));
                default -> headers.add(h);
            }
        }
        return new AmiPacket(headers);
    }

    public synchronized List<AmiPacket> coreShowChannels(@Nullable String actionId) {
        long now = clock.getAsLong();
        var out = new ArrayList<AmiPacket>(channels.size());
        for (var c : channels.values()) {
            var kv = start("CoreShowChannel", actionId);
            for (var key : SNAPSHOT_KEYS) {
                kv.add(key);
                kv.add(c.fields.getOrDefault(key, ""));
            }
            add(kv, "Application", c.application, "ApplicationData", c.applicationData,
                    "Duration", hms(now - c.createdNanos), "BridgeId", c.bridgeId);
            out.add(AmiPacket.of(kv.toArray(String[]::new)));
        }
        return out;
    }

    /** The events answering {@code QueueStatus}: per queue its parameters, members and callers in order of arrival. */
    public synchronized List<AmiPacket> queueStatus(@Nullable String actionId) {
        long now = clock.getAsLong();
        var out = new ArrayList<AmiPacket>();
        for (var queue : members.keySet()) {
            var waiting = entries.get(queue).values();
            var kv = start("QueueParams", actionId);
            add(kv, "Queue", queue, "Max", "0", "Strategy", "ringall", "Calls", String.valueOf(waiting.size()),
                    "Holdtime", "0", "TalkTime", "0", "Completed", "0", "Abandoned", "0", "ServiceLevel", "0",
                    "ServicelevelPerf", "0.0", "ServicelevelPerf2", "0.0", "Weight", "0");
            out.add(AmiPacket.of(kv.toArray(String[]::new)));
            for (var m : members.get(queue).values()) {
                var member = start("QueueMember", actionId);
                add(member, "Queue", queue);
                m.forEach((k, v) -> add(member, k, v));
                out.add(AmiPacket.of(member.toArray(String[]::new)));
            }
            int position = 0;
            for (var e : waiting) {
                var caller = start("QueueEntry", actionId);
                add(caller, "Queue", queue, "Position", String.valueOf(++position));
                add(caller, "Channel", e.caller().get("Channel"), "Uniqueid", e.uniqueid());
                e.caller().forEach((k, v) -> {
                    if (!k.equals("Channel")) {
                        add(caller, k, v);
                    }
                });
                add(caller, "Wait", String.valueOf(TimeUnit.NANOSECONDS.toSeconds(now - e.joinedNanos())),
                        "Priority", "0");
                out.add(AmiPacket.of(caller.toArray(String[]::new)));
            }
        }
        return out;
    }

    /**
     * The answered queue call a specialist's leg ({@code channel}, by name) is on, or null if that channel is not on
     * one.
     */
    public synchronized @Nullable TransferSource transferSource(String channel) {
        var leg = channels.values().stream().filter(c -> channel.equals(c.fields.get("Channel"))).findFirst();
        if (leg.isEmpty()) {
            return null;
        }
        var linkedid = leg.get().fields.getOrDefault("Linkedid", "");
        var caller = channels.get(linkedid);
        var answered = connected.get(linkedid);
        if (caller == null || answered == null || caller == leg.get()) {
            return null;
        }
        var agentLegs = new ArrayList<Map<String, String>>();
        for (var c : channels.values()) {
            if (c != caller && linkedid.equals(c.fields.get("Linkedid"))) {
                agentLegs.add(Collections.unmodifiableMap(new LinkedHashMap<>(c.fields)));
            }
        }
        return new TransferSource(Collections.unmodifiableMap(new LinkedHashMap<>(caller.fields)), List.copyOf(agentLegs), answered.queue(),
                answered.iface(), answered.memberName(), answered.holdTime(),
                TimeUnit.NANOSECONDS.toSeconds(clock.getAsLong() - answered.connectedNanos()));
    }

    /**
     * A member of {@code queue} to give a transferred call to: not {@code notIface}, not paused, a free one first;
     * its {@code Name} and {@code Location}, or null if the queue has no such member.
     */
    public synchronized @Nullable Map<String, String> memberFor(String queue, String notIface) {
        var byIface = members.get(queue);
        if (byIface == null) {
            return null;
        }
        Map<String, String> busy = null;
        for (var m : byIface.values()) {
            var iface = m.getOrDefault("Location", "");
            if (iface.equals(notIface) || "1".equals(m.get("Paused")) || pausedByAction.containsKey(iface)) {
                continue;
            }
            if ("1".equals(m.get("Status")) || "0".equals(m.getOrDefault("InCall", "0"))) {
                return Map.copyOf(m);
            }
            busy = busy == null ? m : busy;
        }
        return busy == null ? null : Map.copyOf(busy);
    }

    /** A queue {@code iface} is a member of and its member fields ({@code Queue} added), or null if in none. */
    public synchronized @Nullable Map<String, String> memberWithInterface(String iface) {
        for (var e : members.entrySet()) {
            var m = e.getValue().get(iface);
            if (m != null) {
                var out = new LinkedHashMap<>(m);
                out.put("Queue", e.getKey());
                return Collections.unmodifiableMap(out);
            }
        }
        return null;
    }

    /** An attended transfer's consultation starts (Atxfer of {@code channel} to {@code exten}). */
    public synchronized void consultStarted(String channel, String exten) {
        consults.put(channel, exten);
    }

    /** Ends the consultation of {@code channel} (cancelled or completed); the extension consulted, or null if none. */
    public synchronized @Nullable String consultEnded(String channel) {
        return consults.remove(channel);
    }

    /**
     * The channels of the call {@code channel} is on, the caller's (the Linkedid's own) last; empty if the channel
     * does not exist.
     */
    public synchronized List<Map<String, String>> callOf(String channel) {
        var leg = channels.values().stream().filter(c -> channel.equals(c.fields.get("Channel"))).findFirst();
        if (leg.isEmpty()) {
            return List.of();
        }
        var linkedid = leg.get().fields.getOrDefault("Linkedid", "");
        var out = new ArrayList<Map<String, String>>();
        Map<String, String> caller = null;
        for (var c : channels.values()) {
            if (linkedid.equals(c.fields.get("Linkedid"))) {
                var fields = Collections.unmodifiableMap(new LinkedHashMap<>(c.fields));
                if (linkedid.equals(c.fields.get("Uniqueid"))) {
                    caller = fields;
                } else {
                    out.add(fields);
                }
            }
        }
        if (caller != null) {
            out.add(caller);
        }
        return out;
    }

    /** From now on the recorded events of this call are not sent (the demo PBX plays what happens instead). */
    public synchronized void suppress(String linkedid) {
        suppressed.add(linkedid);
        if (suppressed.size() > 1_000) {
            suppressed.remove(suppressed.iterator().next());
        }
    }

    /** Whether this recorded event belongs to a call whose rest is no longer sent (any value is its Linkedid). */
    public synchronized boolean suppressed(AmiPacket p) {
        if (suppressed.isEmpty()) {
            return false;
        }
        for (var h : p.headers()) {
            if (h.value() != null && suppressed.contains(h.value())) {
                return true;
            }
        }
        return false;
    }

    /** The number of channels that exist now. */
    public synchronized int channelCount() {
        return channels.size();
    }

    private @Nullable String queue(AmiPacket p) {
        var queue = p.get("Queue");
        if (queue == null || queue.isBlank()) {
            return null;
        }
        members.computeIfAbsent(queue, q -> new LinkedHashMap<>());
        entries.computeIfAbsent(queue, q -> new LinkedHashMap<>());
        return queue;
    }

    private static void copy(AmiPacket p, Map<String, String> fields) {
        for (var key : SNAPSHOT_KEYS) {
            var v = p.get(key);
            if (v != null) {
                fields.put(key, v);
            }
        }
    }

    private static String value(AmiPacket p, String key) {
        var v = p.get(key);
        return v == null ? "" : v;
    }

    private static ArrayList<String> start(String event, @Nullable String actionId) {
        var kv = new ArrayList<String>();
        kv.add("Event");
        kv.add(event);
        if (actionId != null) {
            kv.add("ActionID");
            kv.add(actionId);
        }
        return kv;
    }

    private static void add(List<String> kv, String... keysAndValues) {
        kv.addAll(List.of(keysAndValues));
    }

    static String hms(long nanos) {
        long s = Math.max(0, TimeUnit.NANOSECONDS.toSeconds(nanos));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
