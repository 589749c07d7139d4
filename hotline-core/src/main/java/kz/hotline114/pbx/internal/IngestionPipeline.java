package kz.hotline114.pbx.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiEventsJournaled;

/**
 * The hand-off between the AMI reader thread and the database: the reader thread only
 * {@link #offer offers} (never blocks; a full queue drops the event, counts and logs it);
 * one ingestion thread drains batches, journals them in one transaction, then publishes
 * {@link AmiEventsJournaled} so the call log interprets what is already durable.
 * A failing database stalls the ingestion thread (retry with back-off), never the reader.
 */
final class IngestionPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

    private final BlockingQueue<AmiEvent> queue;
    private final int batchSize;
    private final JdbcAmiJournal journal;
    private final ApplicationEventPublisher publisher;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Counter journaledCounter;
    private final Counter droppedCounter;
    private final Timer lag;
    private final Object idle = new Object();
    private volatile boolean running;
    private Thread thread;
    private long lastDropLog;

    private final Clock clock;

    IngestionPipeline(int capacity, int batchSize, JdbcAmiJournal journal, ApplicationEventPublisher publisher,
                      MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = Math.min(batchSize, JdbcAmiJournal.ID_BLOCK);
        this.journal = journal;
        this.publisher = publisher;
        this.journaledCounter = Counter.builder("hotline.ami.events.journaled")
                .description("AMI events committed to the raw journal").register(meters);
        this.droppedCounter = Counter.builder("hotline.ami.events.dropped")
                .description("AMI events lost because the hand-off to the journal was full").register(meters);
        this.lag = Timer.builder("hotline.ami.ingestion.lag")
                .description("from reading an AMI event off the socket to its interpretation being committed")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        meters.gauge("hotline.ami.handoff.size", queue, BlockingQueue::size);
    }

    /** Called on the AMI reader thread: never blocks. */
    void offer(AmiEvent event) {
        if (queue.offer(event)) {
            offered.incrementAndGet();
            return;
        }
        long n = dropped.incrementAndGet();
        droppedCounter.increment();
        long now = System.nanoTime();
        if (n == 1 || now - lastDropLog > TimeUnit.SECONDS.toNanos(10)) {
            lastDropLog = now;
            log.error("AMI hand-off full ({} events): dropped {} event(s) so far, latest {} {}; the journal cannot keep up",
                    queue.size(), n, event.name(), event.linkedid());
        }
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("ami-ingestion").daemon().start(this::run);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long journaled() {
        return journaled.get();
    }

    long dropped() {
        return dropped.get();
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (published.get() < offered.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    private void run() {
        var batch = new ArrayList<AmiEvent>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                var stored = journalWithRetry(batch);
                journaled.addAndGet(stored.size());
                journaledCounter.increment(stored.size());
                publish(stored);
            } catch (InterruptedException e) {
                if (!running) {
                    // drain what is left before stopping
                    continue;
                }
            } finally {
                if (!batch.isEmpty()) {
                    published.addAndGet(batch.size());
                    batch.clear();
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        }
    }

    private List<AmiEvent> journalWithRetry(List<AmiEvent> batch) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                return journal.append(batch);
            } catch (RuntimeException e) {
                log.error("Could not journal {} AMI events; retrying in {} ms (events wait in memory, the reader keeps reading)",
                        batch.size(), backoff, e);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void publish(List<AmiEvent> stored) {
        try {
            publisher.publishEvent(new AmiEventsJournaled(stored));
        } catch (RuntimeException e) {
            // the events are durable in the journal: a rebuild from the journal recovers them
            log.error("Interpreting {} journaled AMI events failed (journal ids {}..{}); rebuild the period from the journal",
                    stored.size(), stored.getFirst().journalId(), stored.getLast().journalId(), e);
        }
        var now = clock.instant();
        for (var e : stored) {
            lag.record(Duration.between(e.receivedAt(), now));
        }
    }
}
