package kz.hotline114.live.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import kz.hotline114.live.AgentCall;
import kz.hotline114.live.LiveCall;
import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.LiveProperties;
import kz.hotline114.live.LiveSnapshot;
import kz.hotline114.live.MemberState;
import kz.hotline114.live.QueueState;
import kz.hotline114.live.WaitingCaller;
import kz.hotline114.pbx.AmiEventsReceived;
import kz.hotline114.pbx.PbxLinkChanged;
import kz.hotline114.pbx.PbxLinkStatus;
import kz.hotline114.pbx.Pbxs;

/**
 * The line now, from every event this node reads of every PBX ({@link AmiEventsReceived}: journaled here or by another
 * node, so a desk on any node pops up): one {@link PbxLiveState} per PBX, and the whole line as their sum — a queue of
 * the same name on two PBXs is one queue of the line, its members and waiting callers together.
 *
 * <p>On every (re)connect of a PBX's link its state is forgotten and the PBX asked for it again: {@code QueueStatus}
 * and then {@code CoreShowChannels}, whose answers (journaled like any other event) rebuild it.
 */
@Service
@EnableConfigurationProperties(LiveProperties.class)
class AmiLiveModel implements LiveModel {

    private static final Logger log = LoggerFactory.getLogger(AmiLiveModel.class);

    private final ApplicationEventPublisher publisher;
    private final Pbxs pbxs;
    private final LiveProperties props;
    private final Clock clock;
    private final Map<String, PbxLiveState> states = new TreeMap<>();
    private volatile Map<String, LiveSnapshot> perPbx = Map.of();
    private volatile LiveSnapshot snapshot;

    AmiLiveModel(ApplicationEventPublisher publisher, Pbxs pbxs, LiveProperties props, Clock clock) {
        this.clock = clock;
        this.snapshot = new LiveSnapshot(clock.instant(), List.of(), List.of());
        this.publisher = publisher;
        this.pbxs = pbxs;
        this.props = props;
    }

    @Override
    public LiveSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public LiveSnapshot snapshot(String pbxId) {
        var s = perPbx.get(pbxId);
        return s != null ? s : new LiveSnapshot(clock.instant(), List.of(), List.of());
    }

    @Override
    public java.util.Optional<String> pbxOf(String iface) {
        for (var e : perPbx.entrySet()) {
            var s = e.getValue();
            if (s.onPhones().containsKey(iface)
                    || s.queues().stream().anyMatch(q -> q.members().stream().anyMatch(m -> m.iface().equals(iface)))) {
                return java.util.Optional.of(e.getKey());
            }
        }
        return java.util.Optional.empty();
    }

    private PbxLiveState state(String pbxId) {
        return states.computeIfAbsent(pbxId, id -> new PbxLiveState(props.wrapUp(), clock));
    }

    /** On every (re)connect: forget what may have changed while away and ask for the current state. */
    @EventListener
    void on(PbxLinkChanged e) {
        if (e.state() == PbxLinkStatus.State.CONNECTED) {
            synchronized (this) {
                state(e.pbxId()).clear();
            }
            Thread.ofVirtual().start(() -> {
                try {
                    // in this order: the channels tell which call a QueueEntry (it has no Linkedid) belongs to
                    var pbx = pbxs.commands(e.pbxId());
                    pbx.queueStatus();
                    pbx.coreShowChannels();
                } catch (RuntimeException ex) {
                    log.warn("Could not reseed the live state of {}: {}", e.pbxId(), ex.getMessage());
                }
            });
        }
    }

    /** Every event this node reads, journaled here or by another node of the cluster (the screen-pop on every node). */
    @EventListener
    synchronized void on(AmiEventsReceived batch) {
        var state = state(batch.pbxId());
        boolean changed = false;
        for (var e : batch.events()) {
            changed |= state.apply(e);
        }
        if (changed) {
            var next = new LinkedHashMap<>(perPbx);
            next.put(batch.pbxId(), state.build());
            perPbx = Map.copyOf(next);
            snapshot = sum(next.values());
            publisher.publishEvent(new LiveChanged(snapshot));
        }
    }

    /** The whole line: the PBXs' queues by name together, their calls, the calls on their phones. */
    private LiveSnapshot sum(java.util.Collection<LiveSnapshot> snapshots) {
        if (snapshots.size() == 1) {
            return snapshots.iterator().next();
        }
        var members = new TreeMap<String, List<MemberState>>();
        var waiting = new TreeMap<String, List<WaitingCaller>>();
        var calls = new ArrayList<LiveCall>();
        var onPhones = new HashMap<String, AgentCall>();
        for (var s : snapshots) {
            for (var q : s.queues()) {
                members.computeIfAbsent(q.name(), n -> new ArrayList<>()).addAll(q.members());
                waiting.computeIfAbsent(q.name(), n -> new ArrayList<>()).addAll(q.waiting());
            }
            calls.addAll(s.calls());
            onPhones.putAll(s.onPhones());
        }
        var queues = new ArrayList<QueueState>();
        for (var name : members.keySet()) {
            var m = members.get(name);
            m.sort(Comparator.comparing(MemberState::name));
            var w = waiting.get(name);
            w.sort(Comparator.comparing(WaitingCaller::joinedAt));
            queues.add(new QueueState(name, m, w));
        }
        calls.sort(Comparator.comparing(LiveCall::startedAt));
        return new LiveSnapshot(clock.instant(), queues, calls, onPhones);
    }
}
