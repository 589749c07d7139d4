package kz.hotline114.pbx.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
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

import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.cluster.NodeLeases.LeaseLost;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiEventsJournaled;
import kz.hotline114.pbx.AmiEventsReceived;
import kz.hotline114.pbx.JournalTakenOver;

/**
 * The hand-off between the AMI reader thread and the database: the reader thread only
 * {@link #offer offers} (never blocks; a full queue drops the event, counts and logs it);
 * one ingestion thread drains batches and journals each in one transaction ({@code COPY}); a second thread then
 * publishes {@link AmiEventsJournaled} so the call log interprets what is already durable, and
 * {@link AmiEventsReceived} for the live state — in journal order, while the first journals the next batch (issue 21:
 * the two used to take turns, each waiting on the database while the other could have worked). A failing database
 * stalls the ingestion thread (retry with back-off), never the reader.
 *
 * <p>Several nodes (issue 20): each node reads every PBX's events, and the holder of the PBX's journal lease
 * ({@link NodeLeases#journal}) journals them — each of its transactions {@linkplain NodeLeases#fence fenced} by the
 * lease, so a node that lost it journals nothing more. The others journal only the answers to their own actions (those
 * carry an ActionID and reach the asking node alone) and keep the rest in a buffer of the recent ones. A node that
 * takes the lease over first journals what of its buffer the journal lacks (the old holder's last, unjournaled events;
 * compared in order, {@link #overlap}), then has the calls the old holder may not have interpreted looked at again
 * and the PBX's own records read ({@link JournalTakenOver}).
 */
final class IngestionPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);

    private final BlockingQueue<AmiEvent> queue;
    private final int batchSize;
    private final JdbcAmiJournal journal;
    private final ApplicationEventPublisher publisher;
    private final NodeLeases leases;
    private final String pbxId;
    private final String lease;
    private final Duration bufferWindow;
    private final int bufferMax;
    /** The events this node read but did not journal (another node holds the lease), oldest first. */
    private final ArrayDeque<Kept> buffer = new ArrayDeque<>();

    /**
     * An event kept for a take-over, compactly: its raw text as UTF-8 (about a third of the parsed event's size; a
     * standby at 2 000 events/s per PBX ran out of a 768 MB heap keeping parsed events) and when it was read.
     */
    private record Kept(java.time.Instant receivedAt, byte[] raw) {

        static Kept of(AmiEvent e) {
            return new Kept(e.receivedAt(), e.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        String text() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Counter journaledCounter;
    private final Counter droppedCounter;
    private final Timer lag;
    private final Object idle = new Object();
    private volatile boolean running;
    private volatile boolean journaling;
    private Thread thread;
    /** What the interpreting thread is to publish, in journal order; a full queue holds the journaling thread back. */
    private final BlockingQueue<Runnable> toPublish = new ArrayBlockingQueue<>(16);
    private static final Runnable END = () -> { };
    private Thread publishing;
    private long lastDropLog;

    private final Clock clock;

    IngestionPipeline(AmiLinkSettings settings, JdbcAmiJournal journal, ApplicationEventPublisher publisher,
                      NodeLeases leases, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.batchSize = Math.min(settings.batchSize(), JdbcAmiJournal.ID_BLOCK);
        this.journal = journal;
        this.publisher = publisher;
        this.leases = leases;
        this.pbxId = settings.pbxId();
        this.lease = NodeLeases.journal(pbxId);
        this.bufferWindow = settings.bufferWindow();
        this.bufferMax = settings.bufferMax();
        this.journaledCounter = Counter.builder("hotline.ami.events.journaled").tag("pbx", pbxId)
                .description("AMI events committed to the raw journal").register(meters);
        this.droppedCounter = Counter.builder("hotline.ami.events.dropped").tag("pbx", pbxId)
                .description("AMI events lost because the hand-off to the journal was full").register(meters);
        this.lag = Timer.builder("hotline.ami.ingestion.lag").tag("pbx", pbxId)
                .description("from reading an AMI event off the socket to its interpretation being committed")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        meters.gauge("hotline.ami.handoff.size", queue, BlockingQueue::size);
        leases.compete(lease);
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
        publishing = Thread.ofPlatform().name("ami-interpret-" + pbxId).daemon().start(this::publishLoop);
        thread = Thread.ofPlatform().name("ami-ingestion-" + pbxId).daemon().start(this::run);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
                toPublish.offer(END, 5, TimeUnit.SECONDS);
                publishing.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The interpreting thread: publishes what the journaling thread handed on, in order, then counts it done. */
    private void publishLoop() {
        while (true) {
            Runnable task;
            try {
                task = toPublish.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == END) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Publishing AMI events of {} failed", pbxId, e);
            }
        }
    }

    /** Hands {@code count} of the batch's events on to the interpreting thread (waits while it is 16 batches behind). */
    private void handOn(Runnable task, int count) throws InterruptedException {
        toPublish.put(() -> {
            try {
                task.run();
            } finally {
                published.addAndGet(count);
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        });
    }

    long journaled() {
        return journaled.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** Whether this node journals this PBX's events now (it holds the lease and has filled the gap). */
    boolean journaling() {
        return journaling;
    }

    /**
     * Until every event offered so far is published and — on a node that may journal them (it holds the lease, or
     * nobody has taken it yet) — journaled.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (published.get() < offered.get() || !journaling && leases.holds(lease)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
        return true;
    }

    private void run() {
        var batch = new ArrayList<AmiEvent>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                if (leases.holds(lease) != journaling) {
                    leaseChanged();
                }
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                ingest(batch);
                batch.clear(); // handed on: the interpreting thread counts it published
            } catch (InterruptedException e) {
                if (!running) {
                    // drain what is left before stopping
                    continue;
                }
            } finally {
                if (!batch.isEmpty()) {
                    published.addAndGet(batch.size()); // not handed on (interrupted): nothing waits for it
                    batch.clear();
                }
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private void leaseChanged() throws InterruptedException {
        if (journaling) {
            journaling = false;
            log.warn("This node no longer journals {}'s events: it keeps the recent ones for whoever takes over", pbxId);
            return;
        }
        try {
            // the calls journaled in the last ten minutes before what this node kept (a node killed and restarted
            // is back within that) that the old holder may not have logged are looked at again
            var since = (buffer.isEmpty() ? clock.instant() : buffer.getFirst().receivedAt())
                    .minus(java.time.Duration.ofMinutes(10));
            fillGap();
            journaling = true;
            handOn(() -> publisher.publishEvent(new JournalTakenOver(pbxId, since)), 0);
        } catch (LeaseLost e) {
            log.warn("Lost the journal lease of {} while taking it over: {}", pbxId, e.getMessage());
        }
    }

    /** On taking the lease: journals what of this node's buffer the journal lacks, in the order it was read. */
    private void fillGap() throws InterruptedException {
        if (buffer.isEmpty()) {
            log.info("This node journals {}'s events from now on (nothing of them was waiting here)", pbxId);
            return;
        }
        long started = System.nanoTime();
        var since = buffer.getFirst().receivedAt().minus(bufferWindow);
        var tail = new ArrayList<String>();
        journal.forEachBroadcastRawSince(pbxId, since, tail::add);
        var kept = buffer.stream().map(Kept::text).toList();
        int overlap = overlap(tail, kept);
        var missing = new ArrayList<AmiEvent>();
        int i = 0;
        for (var k : buffer) {
            if (i++ >= overlap) {
                missing.add(AmiEvent.fromRaw(0, pbxId, k.receivedAt(), kept.get(i - 1)));
            }
        }
        for (int from = 0; from < missing.size(); from += JdbcAmiJournal.ID_BLOCK) {
            var stored = journalWithRetry(missing.subList(from, Math.min(missing.size(), from + JdbcAmiJournal.ID_BLOCK)),
                    true);
            journaled.addAndGet(stored.size());
            journaledCounter.increment(stored.size());
            handOn(() -> publishJournaled(stored), 0);
        }
        log.info("This node journals {}'s events from now on: of the {} it kept, {} were not journaled and are now ({} ms)",
                pbxId, buffer.size(), missing.size(), (System.nanoTime() - started) / 1_000_000);
        buffer.clear();
    }

    /**
     * How many of the events this node kept the journal already holds: the old holder journaled the PBX's stream in
     * the order it came, up to some event, and this node kept a window of the same stream; the journal's last events
     * are then the first ones kept. The largest {@code n} for which the journal's last {@code n} (broadcast) events are
     * the first {@code n} kept, compared in order — a multiset would take an event the PBX sent twice in the window (a
     * phone's status, the same twice) for one already journaled, and lose it (the benchmark's 20 kills lost 0.9 %).
     */
    static int overlap(List<String> journalTail, List<String> kept) {
        if (journalTail.isEmpty() || kept.isEmpty()) {
            return 0;
        }
        var last = journalTail.getLast();
        for (int i = Math.min(kept.size(), journalTail.size()) - 1; i >= 0; i--) {
            if (!kept.get(i).equals(last)) {
                continue;
            }
            // kept[0..i] must be the journal's last i + 1
            int offset = journalTail.size() - 1 - i;
            boolean same = true;
            for (int j = 0; j < i && same; j++) {
                same = kept.get(j).equals(journalTail.get(offset + j));
            }
            if (same) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Events that reach this node's session alone: answers to its own actions, its session's start. */
    private static boolean ownSession(AmiEvent e) {
        return e.get("ActionID") != null || "FullyBooted".equals(e.name());
    }

    private void ingest(List<AmiEvent> batch) throws InterruptedException {
        if (journaling) {
            try {
                var stored = journalWithRetry(batch, true);
                journaled.addAndGet(stored.size());
                journaledCounter.increment(stored.size());
                handOn(() -> {
                    publishJournaled(stored);
                    publishReceived(stored);
                }, batch.size());
                return;
            } catch (LeaseLost e) {
                journaling = false;
                log.warn("Stopped journaling {}'s events: {}", pbxId, e.getMessage());
            }
        }
        // another node journals this PBX: this one journals the answers to its own actions, and keeps the rest
        var own = batch.stream().filter(IngestionPipeline::ownSession).toList();
        var stored = own.isEmpty() ? List.<AmiEvent>of() : journalWithRetry(own, false);
        var received = new ArrayList<AmiEvent>(batch.size());
        int next = 0;
        for (var e : batch) {
            if (ownSession(e)) {
                received.add(stored.get(next++));
            } else {
                received.add(e);
                keep(e);
            }
        }
        journaled.addAndGet(stored.size());
        journaledCounter.increment(stored.size());
        handOn(() -> {
            if (!stored.isEmpty()) {
                publishJournaled(stored);
            }
            publishReceived(received);
        }, batch.size());
    }

    private void keep(AmiEvent e) {
        buffer.addLast(Kept.of(e));
        var oldest = e.receivedAt().minus(bufferWindow);
        while (buffer.size() > bufferMax || buffer.getFirst().receivedAt().isBefore(oldest)) {
            buffer.removeFirst();
        }
    }

    private List<AmiEvent> journalWithRetry(List<AmiEvent> batch, boolean fenced) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                return journal.append(batch, fenced ? lease : null);
            } catch (LeaseLost e) {
                throw e;
            } catch (RuntimeException e) {
                if (fenced && !leases.holds(lease)) {
                    throw new LeaseLost(lease, leases.nodeId()); // the database is gone and the lease with it
                }
                log.error("Could not journal {} AMI events; retrying in {} ms (events wait in memory, the reader keeps reading)",
                        batch.size(), backoff, e);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void publishJournaled(List<AmiEvent> stored) {
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

    private void publishReceived(List<AmiEvent> events) {
        try {
            publisher.publishEvent(new AmiEventsReceived(pbxId, events));
        } catch (RuntimeException e) {
            log.error("The live state could not follow {} AMI events of {}", events.size(), pbxId, e);
        }
    }
}
