package kz.hotline114.amisim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Faults a test (or a benchmark) asks an {@link AmiReplayServer} to inject into its event stream: close the
 * connection after every N events sent on it ({@code dropEvery}: the next connection resumes where it stopped and
 * nothing is sent twice), a malformed packet from {@link #garbagePackets()} before every Nth event
 * ({@code garbageEvery}), and a hold of all events until {@link #release()} (so that a benchmark times ingestion
 * alone). The demo PBX runs with {@link #none()}: its streaming path asks two questions of this object per event
 * and gets "no" to both.
 */
@NullMarked
public final class LinkFaults {

    private static final List<byte[]> GARBAGE = List.of(
            latin1("\u0000\u00ff\u00fe garbage without colon\r\n\r\n"),
            latin1("Event: Newchannel\r\nChannel\r\nUniqueid: \r\nLinkedid:\r\n\r\n"),
            latin1("Event: Hangup\r\nUniqueid: \u00c3\u0028\u00a0\u00a1\r\nCause: notanumber\r\n\r\n"),
            latin1("Event: NoSuchEventType\r\nFoo: bar\r\n\r\n"),
            latin1("Event: QueueCallerJoin\r\nQueue: psychologists\r\nPosition: -99999999999999999999\r\n"
                    + "Uniqueid: 1.1\r\nLinkedid: 1.1\r\n\r\n"),
            latin1("Event: UserEvent\r\nUserEvent: HotlineIvr\r\nStage: choice\r\nChoice: " + "9".repeat(5000)
                    + "\r\n\r\n"),
            latin1("Foo: no event line\r\nBar: baz\r\n\r\n"),
            latin1("Event: Cdr\r\nStartTime: not-a-date\r\nDuration: -5\r\nUniqueID: x\r\n\r\n"));

    private final int dropEvery;
    private final int garbageEvery;
    private final CountDownLatch released;
    private final AtomicLong garbageSent = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();

    private LinkFaults(int dropEvery, int garbageEvery, boolean hold) {
        if (dropEvery < 0) {
            throw new IllegalArgumentException("dropEvery: " + dropEvery);
        }
        if (garbageEvery < 0) {
            throw new IllegalArgumentException("garbageEvery: " + garbageEvery);
        }
        this.dropEvery = dropEvery;
        this.garbageEvery = garbageEvery;
        this.released = new CountDownLatch(hold ? 1 : 0);
    }

    /** No faults, no hold: what a PBX does. */
    public static LinkFaults none() {
        return new LinkFaults(0, 0, false);
    }

    /**
     * Closes the connection after every {@code dropEvery} events sent on it and sends a malformed packet before
     * every {@code garbageEvery}th event; 0 = never.
     */
    public static LinkFaults of(int dropEvery, int garbageEvery) {
        return new LinkFaults(dropEvery, garbageEvery, false);
    }

    /** Holds all events after login until {@link #release()} is called. */
    public static LinkFaults heldUntilReleased() {
        return new LinkFaults(0, 0, true);
    }

    /** Lets events flow when held; no effect otherwise. */
    public void release() {
        released.countDown();
    }

    /** Malformed packets sent so far. */
    public long garbageSent() {
        return garbageSent.get();
    }

    /** Connections closed on purpose by {@code dropEvery} so far. */
    public long drops() {
        return drops.get();
    }

    /** The malformed packets {@code garbageEvery} inserts, byte for byte those of {@code ami_replay.py} (copies). */
    public static List<byte[]> garbagePackets() {
        return GARBAGE.stream().map(byte[]::clone).toList();
    }

    void awaitRelease() throws InterruptedException {
        released.await();
    }

    /** The malformed packet to write before the {@code index}th event (1-based, over the server's life), or null. */
    byte @Nullable [] garbageBefore(long index) {
        if (garbageEvery == 0 || index % garbageEvery != 0) {
            return null;
        }
        return GARBAGE.get((int) (garbageSent.get() % GARBAGE.size()));
    }

    void garbageWritten() {
        garbageSent.incrementAndGet();
    }

    /** Whether to drop the connection now that it has sent {@code sentHere} events. */
    boolean dropAfter(long sentHere) {
        return dropEvery > 0 && sentHere % dropEvery == 0;
    }

    void dropped() {
        drops.incrementAndGet();
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
