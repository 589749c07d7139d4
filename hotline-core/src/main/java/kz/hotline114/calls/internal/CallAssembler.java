package kz.hotline114.calls.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallRecorded;
import kz.hotline114.calls.CallUpdated;
import kz.hotline114.calls.CallsProperties;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiEventsJournaled;
import kz.hotline114.pbx.AmiJournal;
import kz.hotline114.pbx.JournalTakenOver;

/**
 * The live half of the call log pipeline: groups journaled events by (PBX, Linkedid), re-interprets
 * every call a batch touched, upserts its row (provisional while in progress, final at the end)
 * and publishes {@link CallUpdated} / {@link CallRecorded}. A call first seen mid-way (app restart,
 * late event after eviction) is completed with its earlier events from the journal.
 */
@Component
class CallAssembler {

    private static final Logger log = LoggerFactory.getLogger(CallAssembler.class);

    private final CallInterpreter interpreter;
    private final JdbcCallRepository calls;
    private final AmiJournal journal;
    private final CallsProperties props;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Map<CallKey, Group> groups = new HashMap<>();
    private final Counter callsFinished;
    private final Clock clock;

    CallAssembler(CallInterpreter interpreter, JdbcCallRepository calls, AmiJournal journal, CallsProperties props,
                  ApplicationEventPublisher publisher, TransactionTemplate tx, MeterRegistry meters,
                  Clock clock) {
        this.interpreter = interpreter;
        this.calls = calls;
        this.journal = journal;
        this.props = props;
        this.publisher = publisher;
        this.tx = tx;
        this.clock = clock;
        this.callsFinished = Counter.builder("hotline.calls.recorded").description("calls finalised").register(meters);
    }

    private static final class Group {
        final List<AmiEvent> events = new ArrayList<>();
        @Nullable Call written;
        boolean announcedFinal;
        Instant lastActivity;

        Group(Instant now) {
            this.lastActivity = now;
        }
        @Nullable Instant finishedAt;
        @Nullable String repeatKey;
        boolean repeat;
    }

    /**
     * This node took over or gave up journaling a PBX (several nodes): the calls of that PBX it holds in memory may lack
     * what another node journaled meanwhile — each is read afresh from the journal at its next event.
     */
    @EventListener
    synchronized void on(NodeLeases.LeaseChanged e) {
        groups.keySet().removeIf(key -> NodeLeases.journal(key.pbxId()).equals(e.lease()));
    }

    /**
     * This node took over journaling a PBX: the previous holder may have died between journaling a call's last events
     * and interpreting them. Each call of that PBX journaled since then whose row is missing or not finished is
     * interpreted again from the whole journal (a rebuild of that call).
     */
    @EventListener
    void on(JournalTakenOver e) {
        int again = 0;
        for (var lid : journal.linkedidsReceivedBetween(e.pbxId(), e.since(), clock.instant().plusSeconds(1))) {
            var key = new CallKey(e.pbxId(), lid);
            var row = calls.find(key);
            if (row.isEmpty() || row.get().outcome() == kz.hotline114.calls.CallOutcome.IN_PROGRESS) {
                again += rebuild(key).isPresent() ? 1 : 0;
            }
        }
        if (again > 0) {
            log.info("Took over journaling {}: {} call(s) the previous holder had not finished logging are logged",
                    e.pbxId(), again);
        }
    }

    @EventListener
    synchronized void on(AmiEventsJournaled batch) {
        var touched = new LinkedHashSet<CallKey>();
        var now = clock.instant();
        for (var e : batch.events()) {
            var lid = e.linkedid();
            if (lid == null || !CallInterpreter.isRelevant(e)) {
                continue;
            }
            var key = new CallKey(e.pbxId(), lid);
            var g = groups.get(key);
            if (g == null) {
                g = new Group(now);
                g.events.addAll(journal.eventsOfCallBefore(e.pbxId(), lid, e.journalId()).stream()
                        .filter(CallInterpreter::isRelevant).toList());
                groups.put(key, g);
            }
            g.events.add(e);
            g.lastActivity = now;
            touched.add(key);
        }
        if (!touched.isEmpty()) {
            var changed = tx.execute(status -> {
                calls.commitWithoutFlush();
                var out = new ArrayList<Call>();
                for (var key : touched) {
                    var g = groups.get(key);
                    var call = interpret(key, g);
                    if (call.isPresent() && !call.get().equals(g.written)) {
                        calls.upsert(call.get());
                        g.written = call.get();
                        out.add(call.get());
                    }
                }
                return out;
            });
            for (var call : changed) {
                var g = groups.get(call.key());
                if (call.outcome() != CallOutcome.IN_PROGRESS) {
                    if (g.finishedAt == null) {
                        g.finishedAt = now;
                    }
                    if (!g.announcedFinal) {
                        callsFinished.increment();
                    }
                    g.announcedFinal = true;
                    publisher.publishEvent(new CallRecorded(call));
                } else {
                    publisher.publishEvent(new CallUpdated(call));
                }
            }
        }
        evict(now);
    }

    private Optional<Call> interpret(CallKey key, Group g) {
        var call = interpreter.interpret(key, g.events);
        if (call.isEmpty()) {
            return call;
        }
        var c = call.get();
        if (c.callerNumber() == null) {
            return call;
        }
        var repeatKey = c.callerNumber() + "@" + c.startedAt();
        if (!repeatKey.equals(g.repeatKey)) {
            g.repeat = calls.calledBefore(c.callerNumber(), c.startedAt(), props.repeatWindow(), key);
            g.repeatKey = repeatKey;
        }
        return Optional.of(c.withRepeatCaller(g.repeat));
    }

    /** Re-interprets one call from the whole journal (rebuild); returns the row written, if any. */
    synchronized Optional<Call> rebuild(CallKey key) {
        var events = journal.eventsOfCall(key.pbxId(), key.linkedid());
        var g = new Group(clock.instant());
        g.events.addAll(events.stream().filter(CallInterpreter::isRelevant).toList());
        var call = interpret(key, g);
        call.ifPresent(calls::upsert);
        var live = groups.get(key);
        if (live != null) {
            live.written = call.orElse(null);
        }
        return call;
    }

    private void evict(Instant now) {
        if (groups.size() < 64 && now.getEpochSecond() % 10 != 0) {
            return;
        }
        groups.values().removeIf(g -> {
            if (g.finishedAt != null) {
                return g.lastActivity.plus(props.linger()).isBefore(now);
            }
            boolean stale = g.lastActivity.plus(props.staleAfter()).isBefore(now);
            if (stale) {
                log.warn("Dropping an unfinished call from memory after {} without events: {}", props.staleAfter(),
                        g.written == null ? "(no row)" : g.written.linkedid());
            }
            return stale;
        });
    }

    synchronized int callsInMemory() {
        return groups.size();
    }
}
