package kz.hotline114.live.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.live.MemberState;
import kz.hotline114.live.QueueState;
import kz.hotline114.live.WaitingCaller;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiEventsJournaled;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.PbxLinkChanged;
import kz.hotline114.pbx.PbxLinkStatus;

/**
 * Queue and member state from the AMI events. Members are learnt from QueueMemberStatus too (a
 * member added before the app connected shows up at its first status change, or at once from the
 * QueueStatus snapshot requested on every (re)connect).
 */
@Service
class AmiLiveModel implements LiveModel {

    private static final Logger log = LoggerFactory.getLogger(AmiLiveModel.class);

    private final ApplicationEventPublisher publisher;
    private final PbxCommands pbx;
    private final Map<String, Map<String, MemberState>> members = new TreeMap<>();
    private final Map<String, Map<String, WaitingCaller>> waiting = new TreeMap<>();
    private volatile LiveSnapshot snapshot = new LiveSnapshot(Instant.now(), java.util.List.of());

    AmiLiveModel(ApplicationEventPublisher publisher, PbxCommands pbx) {
        this.publisher = publisher;
        this.pbx = pbx;
    }

    @Override
    public LiveSnapshot snapshot() {
        return snapshot;
    }

    /** On every (re)connect: forget what may have changed while away and ask for the current state. */
    @EventListener
    void on(PbxLinkChanged e) {
        if (e.state() == PbxLinkStatus.State.CONNECTED) {
            synchronized (this) {
                members.clear();
                waiting.clear();
            }
            Thread.ofVirtual().start(() -> {
                try {
                    pbx.queueStatus();
                } catch (RuntimeException ex) {
                    log.warn("Could not reseed the live queue state: {}", ex.getMessage());
                }
            });
        }
    }

    @EventListener
    synchronized void on(AmiEventsJournaled batch) {
        boolean changed = false;
        for (var e : batch.events()) {
            changed |= apply(e);
        }
        if (changed) {
            snapshot = build();
            publisher.publishEvent(new LiveChanged(snapshot));
        }
    }

    private boolean apply(AmiEvent e) {
        var queue = e.get("Queue");
        var at = e.time();
        switch (e.name()) {
            case "QueueMember", "QueueMemberAdded", "QueueMemberStatus" -> {
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
            case "QueueMemberRemoved" -> {
                var iface = iface(e);
                return queue != null && iface != null && members(queue).remove(iface) != null;
            }
            case "QueueMemberPause" -> {
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
            case "QueueParams" -> {
                if (queue != null) {
                    members(queue);
                    waiting(queue);
                    return true;
                }
                return false;
            }
            case "QueueCallerJoin", "QueueEntry" -> {
                var lid = e.linkedid();
                if (queue == null || lid == null) {
                    return false;
                }
                int position = parseInt(e.get("Position"));
                var joined = e.name().equals("QueueEntry") && e.get("Wait") != null
                        ? at.minusSeconds(parseInt(e.get("Wait"))) : at;
                waiting(queue).put(lid, new WaitingCaller(lid, joined, position));
                return true;
            }
            case "QueueCallerLeave", "QueueCallerAbandon" -> {
                var lid = e.linkedid();
                return queue != null && lid != null && waiting(queue).remove(lid) != null;
            }
            default -> {
                return false;
            }
        }
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

    private LiveSnapshot build() {
        var names = new java.util.TreeSet<String>();
        names.addAll(members.keySet());
        names.addAll(waiting.keySet());
        var queues = new ArrayList<QueueState>();
        for (var name : names) {
            var m = new ArrayList<>(members.getOrDefault(name, Map.of()).values());
            m.sort(Comparator.comparing(MemberState::name));
            var w = new ArrayList<>(waiting.getOrDefault(name, Map.of()).values());
            w.sort(Comparator.comparing(WaitingCaller::joinedAt));
            queues.add(new QueueState(name, m, w));
        }
        return new LiveSnapshot(Instant.now(), queues);
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
