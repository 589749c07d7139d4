package kz.hotline114.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.test.context.DynamicPropertyRegistry;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.LinkFaults;

/**
 * An AMI server on a free port that the app under test logs in to (the real Asterisk-Java client
 * over a real socket); tests {@link #play} recorded packets into it.
 */
public final class TestPbx implements AutoCloseable {

    public static final String SECRET = "test-secret";

    private final LinkedBlockingQueue<AmiPacket> queue = new LinkedBlockingQueue<>();
    private final AmiReplayServer server;
    private long played;

    public TestPbx() {
        this(0, 0);
    }

    /**
     * A server with faults: it closes the connection after every {@code dropEvery} events and sends
     * a malformed packet before every {@code garbageEvery}th event (0 = never).
     */
    public TestPbx(int dropEvery, int garbageEvery) {
        try {
            server = AmiReplayServer.builder(queue::take).port(0).bindAddress(InetAddress.getLoopbackAddress())
                    .username("hotline").secret(SECRET).keepActions(100_000).faults(LinkFaults.of(dropEvery, garbageEvery)).name("test PBX").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(DynamicPropertyRegistry registry, String pbxId) {
        registry.add("hotline.ami.host", () -> "127.0.0.1");
        registry.add("hotline.ami.port", server::port);
        registry.add("hotline.ami.username", () -> "hotline");
        registry.add("hotline.ami.secret", () -> SECRET);
        registry.add("hotline.ami.pbx-id", () -> pbxId);
        registry.add("hotline.ami.initial-backoff", () -> "200ms");
    }

    /** Queues the packets and waits until the server has written them all to the app. */
    public synchronized void play(List<AmiPacket> packets) {
        queue.addAll(packets);
        played += packets.size();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.eventsSent() < played) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app did not take " + played + " events in 60 s: " + server);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public AmiReplayServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
