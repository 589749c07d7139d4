package kz.hotline114.live.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import kz.hotline114.live.AgentCall;
import kz.hotline114.live.LiveCall;
import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.live.MemberState;
import kz.hotline114.live.QueueState;
import kz.hotline114.live.WaitingCaller;
import kz.hotline114.pbx.AmiEvent;

/**
 * One PBX's queue and member state from its AMI events ({@link AmiLiveModel} keeps one per PBX; not thread-safe: it
 * guards them). Members are learnt from QueueMemberStatus too (a
 * member added before the app connected shows up at its first status change, or at once from the
 * QueueStatus snapshot requested on every (re)connect).
 *
 * <p>On every (re)connect the model forgets what may have changed while away and asks the PBX for its state:
 * {@code QueueStatus} (queues, members, waiting callers) and then {@code CoreShowChannels} (every channel, with
 * its context, application, bridge and age). A call that is in the menu, waiting, ringing a phone or talking
 * when the link comes back is in the model at once, with the phone and the specialist's channel that the desk
 * needs to transfer it, instead of appearing only at its next event.
 */
final class PbxLiveState {

    private final Map<String, Map<String, MemberState>> members = new TreeMap<>();
    private final Map<String, Map<String, WaitingCaller>> waiting = new TreeMap<>();
    /** iface → the queue call on it, and the agent leg's channel (its hang-up ends the offer). */
    private final Map<String, AgentCall> agentCalls = new HashMap<>();
    private final Map<String, String> agentChannels = new HashMap<>();
    private final Map<String, Instant> wrapUps = new HashMap<>();
    /** linkedid → inbound call in progress; inbound channel uniqueid → linkedid. */
    private final Map<String, LiveCall> calls = new LinkedHashMap<>();
    private final Map<String, String> inbound = new HashMap<>();
    /** CoreShowChannel events of the answer being received; QueueEntry events (no Linkedid) by the caller's Uniqueid. */
    private final List<AmiEvent> channelList = new ArrayList<>();
    private final Map<String, AmiEvent> queueEntries = new HashMap<>();
    private final Duration wrapUp;
    private final Clock clock;

    PbxLiveState(Duration wrapUp, Clock clock) {
        this.clock = clock;
        this.wrapUp = wrapUp;
    }

    /** On a (re)connection: forget what may have changed while away (the PBX is asked for its state next). */
    void clear() {
        members.clear();
        waiting.clear();
        agentCalls.clear();
        agentChannels.clear();
        calls.clear();
        inbound.clear();
        channelList.clear();
        queueEntries.clear();
    }

    /** One event: the handler of its kind; true when the live state changed. */
    boolean apply(AmiEvent e) {
        var queue = e.get("Queue");
        var at = e.time();
        return switch (e.name()) {
            case "QueueMember", "QueueMemberAdded", "QueueMemberStatus" -> memberStatus(e, queue, at);
            case "QueueMemberRemoved" -> memberRemoved(e, queue, at);
            case "QueueMemberPause" -> memberPaused(e, queue, at);
            case "QueueParams" -> queueParams(e, queue, at);
            case "QueueCallerJoin", "QueueEntry" -> callerQueued(e, queue, at);
            case "QueueCallerLeave", "QueueCallerAbandon" -> callerLeftQueue(e, queue, at);
            case "Newchannel" -> channelCreated(e, queue, at);
            case "AgentCalled", "AgentConnect" -> offered(e, queue, at);
            case "AgentRingNoAnswer" -> notAnswered(e, queue, at);
            case "AgentComplete", "AgentDump" -> offerEnded(e, queue, at);
            case "Hangup" -> hungUp(e, queue, at);
            case "Hold", "Unhold" -> held(e, at);
            case "ChanSpyStart", "ChanSpyStop" -> spied(e);
            case "CoreShowChannel" -> channelListed(e, queue, at);
            case "CoreShowChannelsComplete" -> channelsListed(e, queue, at);
            default -> false;
        };
    }

    /** A member's state (QueueStatus answer, added, status change). */
    private boolean memberStatus(AmiEvent e, @Nullable String queue, Instant at) {
        var iface = iface(e);
        if (queue == null || iface == null) {
            return false;
        }
        var name = e.getOr("MemberName", e.getOr("Name", iface));
        var previous = members(queue).get(iface);
        var status = MemberState.Status.of(e.get("Status"));
        boolean paused = "1".equals(e.get("Paused"));
        var reason = paused ? blankToNull(e.get("PausedReason")) : null;
        var since = previous != null && previous.status() == status && previous.paused() == paused ? previous.since() : at;
        members(queue).put(iface, new MemberState(iface, name, status, paused, reason, since));
        return true;
    }

    /** A member left the queue. */
    private boolean memberRemoved(AmiEvent e, @Nullable String queue, Instant at) {
        var iface = iface(e);
        return queue != null && iface != null && members(queue).remove(iface) != null;
    }

    /** A member paused or resumed. */
    private boolean memberPaused(AmiEvent e, @Nullable String queue, Instant at) {
        var iface = iface(e);
        if (queue == null || iface == null) {
            return false;
        }
        var m = members(queue).get(iface);
        boolean paused = "1".equals(e.get("Paused"));
        var name = e.getOr("MemberName", m == null ? iface : m.name());
        var status = m == null ? MemberState.Status.of(e.get("Status")) : m.status();
        members(queue).put(iface, new MemberState(iface, name, status, paused,
                paused ? blankToNull(e.get("PausedReason")) : null, at));
        return true;
    }

    /** A queue exists (QueueStatus answer), even with nobody in it. */
    private boolean queueParams(AmiEvent e, @Nullable String queue, Instant at) {
        if (queue != null) {
            members(queue);
            waiting(queue);
            return true;
        }
        return false;
    }

    /** A caller joins a queue (or waits in it, in a QueueStatus answer). */
    private boolean callerQueued(AmiEvent e, @Nullable String queue, Instant at) {
        var lid = e.linkedid();
        if (lid == null && e.name().equals("QueueEntry") && queue != null && e.uniqueid() != null) {
            lid = inbound.get(e.uniqueid());
            if (lid == null) {
                queueEntries.put(e.uniqueid(), e); // placed when the channels are known
                return false;
            }
        }
        if (queue == null || lid == null) {
            return false;
        }
        int position = parseInt(e.get("Position"));
        var joined = e.name().equals("QueueEntry") && e.get("Wait") != null
                ? at.minusSeconds(parseInt(e.get("Wait"))) : at;
        waiting(queue).put(lid, new WaitingCaller(lid, joined, position));
        // joining a queue again (a transfer) frees the phone it talked with: a Redirect brings no AgentComplete
        for (var offer : List.copyOf(agentCalls.entrySet())) {
            if (offer.getValue().linkedid().equals(lid)) {
                endOffer(offer.getKey(), lid, at);
            }
        }
        var c = calls.get(lid);
        calls.put(lid, new LiveCall(lid, c == null ? joined : c.startedAt(), LiveCall.Stage.QUEUED, joined, queue,
                null, joined));
        return true;
    }

    /** A caller leaves the queue: answered, gave up or timed out. */
    private boolean callerLeftQueue(AmiEvent e, @Nullable String queue, Instant at) {
        var lid = e.linkedid();
        return queue != null && lid != null && waiting(queue).remove(lid) != null;
    }

    /** A call comes in from the trunk. */
    private boolean channelCreated(AmiEvent e, @Nullable String queue, Instant at) {
        var lid = e.linkedid();
        var uid = e.uniqueid();
        if (lid == null || uid == null || !"from-trunk".equals(e.get("Context")) || !"4".equals(e.get("ChannelState"))) {
            return false;
        }
        inbound.put(uid, lid);
        calls.putIfAbsent(lid, new LiveCall(lid, at, LiveCall.Stage.IVR, at, null, null, null));
        return true;
    }

    /** The queue rings a member, or the member answers. */
    private boolean offered(AmiEvent e, @Nullable String queue, Instant at) {
        var iface = iface(e);
        var lid = e.linkedid();
        if (queue == null || iface == null || lid == null) {
            return false;
        }
        boolean answered = e.name().equals("AgentConnect");
        var channel = e.get("DestChannel");
        agentCalls.put(iface, new AgentCall(lid, queue, answered, at, channel));
        // the queue rang it, so it is a member (learnt here when no status was seen since we connected)
        members(queue).computeIfAbsent(iface, i -> new MemberState(i, e.getOr("MemberName", i),
                answered ? MemberState.Status.TALKING : MemberState.Status.RINGING, false, null, at));
        if (channel != null) {
            agentChannels.put(channel, iface);
        }
        wrapUps.remove(iface);
        var c = calls.get(lid);
        if (answered || c == null || c.stage() != LiveCall.Stage.TALKING) {
            calls.put(lid, new LiveCall(lid, c == null ? at : c.startedAt(),
                    answered ? LiveCall.Stage.TALKING : LiveCall.Stage.RINGING, at, queue, iface,
                    c == null ? null : c.queuedAt()));
        }
        return true;
    }

    /**
     * The specialist's side puts the caller on hold or takes them off it: Asterisk's {@code Hold}/{@code Unhold} on
     * the specialist's leg (a SIP phone's hold key; the consultation of an attended transfer).
     */
    private boolean held(AmiEvent e, Instant at) {
        var channel = e.get("Channel");
        var iface = channel == null ? null : agentChannels.get(channel);
        var call = iface == null ? null : agentCalls.get(iface);
        if (call == null || !channel.equals(call.channel())) {
            return false;
        }
        boolean hold = e.name().equals("Hold");
        if (hold == (call.heldSince() != null)) {
            return false;
        }
        agentCalls.put(iface, call.held(hold ? at : null));
        return true;
    }

    /**
     * A supervisor's phone starts or stops spying on a specialist's leg ({@code ChanSpyStart/Stop}); how (listen,
     * whisper, barge) is the spying channel's extension in [hotline-spy].
     */
    private boolean spied(AmiEvent e) {
        var channel = e.get("SpyeeChannel");
        var iface = channel == null ? null : agentChannels.get(channel);
        var call = iface == null ? null : agentCalls.get(iface);
        if (call == null || !channel.equals(call.channel())) {
            return false;
        }
        String mode = e.name().equals("ChanSpyStart") ? java.util.Objects.requireNonNullElse(e.get("SpyerExten"),
                "listen") : null;
        if (java.util.Objects.equals(mode, call.supervisor())) {
            return false;
        }
        agentCalls.put(iface, call.supervised(mode));
        return true;
    }

    /** The member did not answer: the caller waits again. */
    private boolean notAnswered(AmiEvent e, @Nullable String queue, Instant at) {
        var iface = iface(e);
        var lid = e.linkedid();
        if (iface == null || lid == null) {
            return false;
        }
        boolean changed = endOffer(iface, lid, null);
        var c = calls.get(lid);
        if (c != null && c.stage() == LiveCall.Stage.RINGING && iface.equals(c.iface())) {
            calls.put(lid, new LiveCall(lid, c.startedAt(), LiveCall.Stage.QUEUED, c.stageSince(), c.queue(), null,
                    c.queuedAt()));
            changed = true;
        }
        return changed;
    }

    /** The member's queue call ended. */
    private boolean offerEnded(AmiEvent e, @Nullable String queue, Instant at) {
        var iface = iface(e);
        var lid = e.linkedid();
        return iface != null && lid != null && endOffer(iface, lid, at);
    }

    /** A channel ended: a member's leg, or the caller's. */
    private boolean hungUp(AmiEvent e, @Nullable String queue, Instant at) {
        boolean changed = false;
        var iface = e.get("Channel") == null ? null : agentChannels.remove(e.get("Channel"));
        if (iface != null) {
            var call = agentCalls.get(iface);
            changed = call != null && endOffer(iface, call.linkedid(), call.answered() ? at : null);
        }
        var uid = e.uniqueid();
        var lid = uid == null ? null : inbound.remove(uid);
        if (lid != null) {
            calls.remove(lid);
            changed = true;
        }
        return changed;
    }

    /** One channel of a CoreShowChannels answer. */
    private boolean channelListed(AmiEvent e, @Nullable String queue, Instant at) {
        channelList.add(e);
        return false;
    }

    /** The CoreShowChannels answer is complete: the calls in progress. */
    private boolean channelsListed(AmiEvent e, @Nullable String queue, Instant at) {
        boolean changed = reseedCalls(channelList, e.receivedAt());
        channelList.clear();
        queueEntries.clear();
        return changed;
    }

    /** Contexts in which an inbound call's own channel runs (pbx-config's extensions.conf). */
    private static final Set<String> INBOUND_CONTEXTS = Set.of("from-trunk", "hotline",
            "hotline-menu", "hotline-transfer");

    /**
     * The calls in progress from a {@code CoreShowChannels} answer. A call's own leg is its channel in the
     * hotline's contexts; in {@code Queue} it waits, or talks when a member's leg shares its bridge, or rings a
     * phone whose leg ({@code AppQueue}) is ringing; elsewhere it is in the menu. Times are the PBX's channel
     * ages counted back from when the answer arrived (a talk's start is its leg's creation, ringing included).
     */
    private boolean reseedCalls(List<AmiEvent> channels, Instant at) {
        var byCall = new LinkedHashMap<String, List<AmiEvent>>();
        for (var c : channels) {
            var lid = c.linkedid();
            if (lid != null && c.uniqueid() != null) {
                byCall.computeIfAbsent(lid, k -> new ArrayList<>()).add(c);
            }
        }
        boolean changed = false;
        for (var call : byCall.entrySet()) {
            var lid = call.getKey();
            AmiEvent own = null;
            for (var c : call.getValue()) {
                var context = c.getOr("Context", "");
                // a callback's leg through the trunk is created "in" from-trunk with exten s, and runs nothing there
                if (INBOUND_CONTEXTS.contains(context) && !(context.equals("from-trunk") && "s".equals(c.get("Exten")))) {
                    own = c;
                    break;
                }
            }
            if (own == null) {
                continue; // a callback, or a call already in its hang-up handler
            }
            inbound.put(own.uniqueid(), lid);
            var startedAt = at.minus(age(own));
            var stage = LiveCall.Stage.IVR;
            String queue = null;
            var legs = new ArrayList<AmiEvent>();
            if ("Queue".equalsIgnoreCase(own.get("Application"))) {
                queue = own.getOr("ApplicationData", "").split(",", 2)[0].strip();
                stage = LiveCall.Stage.QUEUED;
                var bridge = own.getOr("BridgeId", "");
                for (var c : call.getValue()) {
                    if (c != own && !bridge.isBlank() && bridge.equals(c.get("BridgeId"))) {
                        stage = LiveCall.Stage.TALKING;
                        legs.clear();
                        legs.add(c);
                        break;
                    }
                    if (c != own && "AppQueue".equalsIgnoreCase(c.get("Application")) && "5".equals(c.get("ChannelState"))) {
                        stage = LiveCall.Stage.RINGING;
                        legs.add(c);
                    }
                }
                if (queue.isBlank()) {
                    continue;
                }
            }
            var known = calls.get(lid); // from a QueueEntry that carried the Linkedid
            Instant queuedAt = known != null && queue != null && queue.equals(known.queue()) ? known.queuedAt() : null;
            var entry = queueEntries.get(own.uniqueid());
            if (entry != null && queue != null && queue.equals(entry.get("Queue"))) {
                queuedAt = entry.time().minusSeconds(parseInt(entry.get("Wait")));
                if (stage == LiveCall.Stage.QUEUED || stage == LiveCall.Stage.RINGING) {
                    waiting(queue).put(lid, new WaitingCaller(lid, queuedAt, parseInt(entry.get("Position"))));
                }
            }
            String iface = null;
            var stageSince = stage == LiveCall.Stage.QUEUED && queuedAt != null ? queuedAt : startedAt;
            for (var leg : legs) {
                var channel = leg.getOr("Channel", "");
                var phone = memberOf(queue, channel);
                boolean talking = stage == LiveCall.Stage.TALKING;
                var since = at.minus(age(leg));
                agentCalls.put(phone, new AgentCall(lid, queue, talking, since, channel));
                agentChannels.put(channel, phone);
                members(queue).computeIfAbsent(phone, i -> new MemberState(i, i,
                        talking ? MemberState.Status.TALKING : MemberState.Status.RINGING, false, null, since));
                if (iface == null) {
                    iface = phone;
                    stageSince = since;
                }
            }
            calls.put(lid, new LiveCall(lid, startedAt, stage, stageSince, queue, iface, queuedAt));
            changed = true;
        }
        return changed;
    }

    /** The member interface a queue's leg belongs to ({@code PJSIP/203-0000000a} → {@code PJSIP/203}). */
    private String memberOf(String queue, String channel) {
        var name = channel;
        int semi = name.lastIndexOf(';');
        if (semi > 0) {
            name = name.substring(0, semi); // a Local channel's half
        }
        int dash = name.lastIndexOf('-');
        if (dash > name.indexOf('/')) {
            name = name.substring(0, dash); // the sequence number Asterisk appends
        }
        for (var iface : members(queue).keySet()) {
            var parts = iface.split("/", 3);
            var base = parts.length >= 2 ? parts[0] + "/" + parts[1] : iface; // Local/203@ctx/n → Local/203@ctx
            if (base.equalsIgnoreCase(name)) {
                return iface;
            }
        }
        return name;
    }

    /** A CoreShowChannel's {@code Duration} ({@code HH:MM:SS}). */
    private static Duration age(AmiEvent channel) {
        var parts = channel.getOr("Duration", "").strip().split(":");
        if (parts.length != 3) {
            return Duration.ZERO;
        }
        return Duration.ofHours(parseInt(parts[0])).plusMinutes(parseInt(parts[1])).plusSeconds(parseInt(parts[2]));
    }

    /** The queue call {@code linkedid} leaves the phone; after an answered one, wrap-up starts at {@code ended}. */
    private boolean endOffer(String iface, String linkedid, @Nullable Instant ended) {
        var call = agentCalls.get(iface);
        if (call == null || !call.linkedid().equals(linkedid)) {
            return false;
        }
        agentCalls.remove(iface);
        agentChannels.values().removeIf(iface::equals);
        if (ended != null && call.answered()) {
            wrapUps.put(iface, ended.plus(wrapUp));
        }
        return true;
    }

    private static @Nullable String iface(AmiEvent e) {
        var v = e.get("Interface");
        if (v == null || v.isBlank()) {
            v = e.get("Location");
        }
        return v == null || v.isBlank() ? null : v;
    }

    private Map<String, MemberState> members(String queue) {
        return members.computeIfAbsent(queue, q -> new LinkedHashMap<>());
    }

    private Map<String, WaitingCaller> waiting(String queue) {
        return waiting.computeIfAbsent(queue, q -> new LinkedHashMap<>());
    }

    LiveSnapshot build() {
        var names = new TreeSet<String>();
        names.addAll(members.keySet());
        names.addAll(waiting.keySet());
        var queues = new ArrayList<QueueState>();
        for (var name : names) {
            var m = new ArrayList<MemberState>();
            for (var member : members.getOrDefault(name, Map.of()).values()) {
                m.add(new MemberState(member.iface(), member.name(), member.status(), member.paused(),
                        member.pausedReason(), member.since(), agentCalls.get(member.iface()), wrapUps.get(member.iface())));
            }
            m.sort(Comparator.comparing(MemberState::name));
            var w = new ArrayList<>(waiting.getOrDefault(name, Map.of()).values());
            w.sort(Comparator.comparing(WaitingCaller::joinedAt));
            queues.add(new QueueState(name, m, w));
        }
        var now = clock.instant();
        var inProgress = new ArrayList<>(calls.values());
        inProgress.sort(Comparator.comparing(LiveCall::startedAt));
        return new LiveSnapshot(now, queues, inProgress, agentCalls);
    }

    private static int parseInt(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
