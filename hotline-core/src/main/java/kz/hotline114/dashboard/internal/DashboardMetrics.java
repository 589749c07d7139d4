package kz.hotline114.dashboard.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallRecorded;
import kz.hotline114.live.LiveChanged;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.QueueState;

/**
 * Prometheus metrics of the line (the AMI link's own are {@code hotline_ami_*} in {@code pbx}):
 * <ul>
 * <li>{@code hotline_calls_outcome_total{outcome, queue}} — calls ended, by outcome and first queue
 * ({@code none} when the caller never queued); a call is counted once, at its first final row;</li>
 * <li>{@code hotline_queue_wait_seconds} — histogram of the wait of calls that queued, by first queue;</li>
 * <li>{@code hotline_calls_talk_seconds} — histogram of the talk time of answered calls, by first queue;</li>
 * <li>{@code hotline_queue_callers_waiting{queue}}, {@code hotline_queue_longest_wait_seconds{queue}};</li>
 * <li>{@code hotline_specialists{queue, state}} — members available / talking / paused / wrap_up;</li>
 * <li>{@code hotline_calls_in_progress}.</li>
 * </ul>
 * Gauges read the live model when scraped; their rows are re-registered only when the set of queues changes.
 */
@Component
class DashboardMetrics {

    private static final int REMEMBERED = 10_000;
    private static final double[] WAIT_BUCKETS = {5, 10, 20, 30, 60, 120, 300, 600};
    private static final double[] TALK_BUCKETS = {30, 60, 120, 300, 600, 1200, 1800, 3600};

    private final MeterRegistry meters;
    private final LiveModel live;
    private final MultiGauge waiting;
    private final MultiGauge longestWait;
    private final MultiGauge specialists;
    private final Map<String, Boolean> counted = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private Set<String> queues = Set.of();

    private final Clock clock;

    DashboardMetrics(MeterRegistry meters, LiveModel live, Clock clock) {
        this.clock = clock;
        this.meters = meters;
        this.live = live;
        this.waiting = MultiGauge.builder("hotline.queue.callers.waiting").description("callers waiting in the queue now")
                .register(meters);
        this.longestWait = MultiGauge.builder("hotline.queue.longest.wait").baseUnit("seconds")
                .description("how long the first caller in line has waited").register(meters);
        this.specialists = MultiGauge.builder("hotline.specialists")
                .description("queue members by state: available, talking, paused, wrap_up").register(meters);
        Gauge.builder("hotline.calls.in.progress", live, l -> l.snapshot().calls().size())
                .description("inbound calls in the IVR, queued, ringing or talking").register(meters);
    }

    @EventListener
    void on(CallRecorded e) {
        var c = e.call();
        synchronized (counted) {
            if (counted.putIfAbsent(c.pbxId() + "/" + c.linkedid(), Boolean.TRUE) != null) {
                return;
            }
        }
        var queue = c.queues().isEmpty() ? "none" : c.queues().getFirst();
        Counter.builder("hotline.calls.outcome").description("calls ended, by outcome and first queue")
                .tags("outcome", c.outcome().name(), "queue", queue).register(meters).increment();
        if (!c.queues().isEmpty() && c.waitSeconds() != null && queued(c)) {
            DistributionSummary.builder("hotline.queue.wait").baseUnit("seconds")
                    .description("wait of calls that queued: to the answer or to leaving the queue")
                    .serviceLevelObjectives(WAIT_BUCKETS).tags("queue", queue).register(meters).record(c.waitSeconds());
        }
        if (c.outcome() == CallOutcome.ANSWERED && c.talkSeconds() != null) {
            DistributionSummary.builder("hotline.calls.talk").baseUnit("seconds")
                    .description("talk time of answered calls, transfers included")
                    .serviceLevelObjectives(TALK_BUCKETS).tags("queue", queue).register(meters).record(c.talkSeconds());
        }
    }

    private static boolean queued(Call c) {
        return c.outcome() == CallOutcome.ANSWERED || c.outcome() == CallOutcome.ABANDONED
                || c.outcome() == CallOutcome.UNANSWERED;
    }

    @EventListener
    void on(LiveChanged e) {
        var names = new TreeSet<String>();
        e.snapshot().queues().forEach(q -> names.add(q.name()));
        synchronized (this) {
            if (names.equals(queues)) {
                return;
            }
            queues = names;
        }
        waiting.register(rows(names, q -> q.waiting().size()), true);
        longestWait.register(rows(names, q -> q.longestWait(clock.instant()).toMillis() / 1000.0), true);
        var states = new ArrayList<MultiGauge.Row<?>>();
        for (var name : names) {
            states.add(row(Tags.of("queue", name, "state", "available"), name, q -> q.available(clock.instant())));
            states.add(row(Tags.of("queue", name, "state", "talking"), name, QueueState::talking));
            states.add(row(Tags.of("queue", name, "state", "paused"), name, QueueState::paused));
            states.add(row(Tags.of("queue", name, "state", "wrap_up"), name, q -> q.wrapUp(clock.instant())));
        }
        specialists.register(states, true);
    }

    private List<MultiGauge.Row<?>> rows(Set<String> names, ToDoubleFunction<QueueState> value) {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        for (var name : names) {
            rows.add(row(Tags.of("queue", name), name, value));
        }
        return rows;
    }

    private MultiGauge.Row<?> row(Tags tags, String queue, ToDoubleFunction<QueueState> value) {
        return MultiGauge.Row.of(tags, live, l -> l.snapshot().queue(queue).map(value::applyAsDouble).orElse(0.0));
    }
}
