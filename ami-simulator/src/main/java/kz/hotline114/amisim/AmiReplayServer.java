package kz.hotline114.amisim;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small AMI server that replays recorded Asterisk events over the real AMI wire protocol, so
 * that the real Asterisk-Java {@code ManagerConnection} (and so the application's AMI link) can
 * connect to it as to an Asterisk 22. It serves both the built-in demo PBX (when no real Asterisk
 * is configured, with {@link EventSource#loop}) and the tests (fixed event sets, copies,
 * interleavings, link faults). A Java port of {@code tools/ami_replay.py}.
 *
 * <p>Protocol: on accept it sends the banner {@value #BANNER}, then answers actions by their
 * {@code Action} header, echoing {@code ActionID}: {@code Challenge} (MD5), {@code Login} (plain
 * {@code Secret} or MD5 {@code Key}; wrong credentials give {@code Response: Error},
 * {@code Message: Authentication failed} and the connection is closed, as Asterisk does),
 * {@code Command} ({@code core show version} answers {@code Asterisk 22.10.1 ...}; other commands
 * {@code No such command}), {@code CoreSettings} (AsteriskVersion {@value #ASTERISK_VERSION}), {@code Ping},
 * {@code Events}, {@code Logoff} ({@code Response: Goodbye}, then close), list actions such as
 * {@code QueueStatus} and {@code CoreShowChannels} (the queues and channels as the events sent so far left
 * them, {@link PbxStateMirror}), {@code Status} and other lists (an empty list: {@code EventList: start}
 * and the matching {@code ...Complete} event), {@code Originate} (queued, then a failed
 * {@code OriginateResponse}: there are no phones) and any other action ({@code Response: Success}).
 * After a successful login it sends {@code Event: FullyBooted} and then the packets of its
 * {@link EventSource} (once the client asked for the version, as Asterisk-Java does right after
 * login, or 500 ms after the login).
 *
 * <p>Options (see {@link Builder}): credentials, an events-per-second limit, and {@link LinkFaults} a test
 * or a benchmark asks for (drops, malformed packets, a hold); none by default.
 *
 * <p>The protocol (one client's actions and answers) is {@link AmiSession}'s; this class keeps the sockets,
 * the threads and the event stream.
 *
 * <p>Events go to one client at a time unless {@link Builder#broadcastTo} asks for every client (several app nodes on
 * one PBX): a second client is answered but gets events only when
 * the first has gone. All threads are daemon threads; a write that blocks longer than the write
 * timeout (a client that stopped reading) closes that connection, and the unsent event is kept for
 * the next one. {@link #close()} stops everything.
 */
@NullMarked
public final class AmiReplayServer implements AutoCloseable {

    /** The banner Asterisk 22 sends. */
    /** The last {@code keepActions} actions clients sent (none unless a test asks): a demo running for weeks keeps none. */
    private final ArrayDeque<AmiPacket> actionsReceived = new ArrayDeque<>();
    private final int keepActions;
    private final PbxStateMirror state = new PbxStateMirror();
    private volatile boolean failOriginates = true;

    public static final String BANNER = "Asterisk Call Manager/11.0.0";

    /** The Asterisk version reported by {@code CoreSettings} and {@code core show version}. */
    public static final String ASTERISK_VERSION = "22.10.1";

    /** The answer to {@code core show version}, as {@code ami_replay.py} gives it. */
    public static final String VERSION_OUTPUT = "Asterisk " + ASTERISK_VERSION
            + " built by root @ replay on a x86_64 running Linux";

    private static final Logger log = LoggerFactory.getLogger(AmiReplayServer.class);

    private static final int MAX_CONNECTIONS = 32;

    private final EventSource source;
    private final @Nullable String username;
    private final @Nullable String secret;
    private final double eventsPerSecond;
    private final LinkFaults faults;
    private final AmiSession.Server sessions;
    private final long writeTimeoutNanos;
    private final long loginGraceMillis;
    private final ServerSocket serverSocket;
    private final String threadPrefix;
    private final Clock clock;
    private final long startedMillis;

    private final ReentrantLock streamLock = new ReentrantLock();
    private final int broadcastTo;
    private volatile boolean broadcasting;
    /** Events the server makes itself in answer to actions (simulateActions): sent before the source's next. */
    private final ConcurrentLinkedQueue<AmiPacket> injected = new ConcurrentLinkedQueue<>();
    private @Nullable AmiPacket pending; // guarded by streamLock: taken from the source, not yet delivered
    private long nextSendNanos; // guarded by streamLock
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch firstLogin = new CountDownLatch(1);
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptThread;
    private final Thread watchdog;
    private volatile boolean closed;

    private AmiReplayServer(Builder b) throws IOException {
        this.source = b.source;
        this.clock = b.clock;
        this.keepActions = b.keepActions;
        this.startedMillis = clock.millis();
        this.username = b.username;
        this.secret = b.secret;
        this.eventsPerSecond = b.eventsPerSecond;
        this.broadcastTo = b.broadcastTo;
        this.faults = b.faults;
        this.sessions = new AmiSession.Server(username, secret, clock, startedMillis, state, () -> failOriginates,
                this::keep, b.simulateActions ? injected::addAll : null);
        this.writeTimeoutNanos = b.writeTimeout.toNanos();
        this.loginGraceMillis = b.loginGrace.toMillis();
        var ss = new ServerSocket();
        try {
            ss.setReuseAddress(true);
            InetAddress address = b.bindAddress != null ? b.bindAddress : InetAddress.getLoopbackAddress();
            ss.bind(new InetSocketAddress(address, b.port), 50);
        } catch (IOException | RuntimeException e) {
            ss.close();
            throw e;
        }
        this.serverSocket = ss;
        this.threadPrefix = b.name + "-" + ss.getLocalPort();
        this.acceptThread = Thread.ofPlatform().daemon().name(threadPrefix + "-accept").unstarted(this::acceptLoop);
        this.watchdog = Thread.ofPlatform().daemon().name(threadPrefix + "-watchdog").unstarted(this::watch);
        acceptThread.start();
        watchdog.start();
        log.debug("AMI replay server listening on {}", ss.getLocalSocketAddress());
    }

    /** A builder for a server that sends the packets of {@code source} to its clients. */
    public static Builder builder(EventSource source) {
        return new Builder(source);
    }

    /** Options of an {@link AmiReplayServer}; {@link #start()} binds and starts it. */
    public static final class Builder {
        private final EventSource source;
        private int port;
        private @Nullable InetAddress bindAddress;
        private @Nullable String username;
        private @Nullable String secret;
        private double eventsPerSecond;
        private LinkFaults faults = LinkFaults.none();
        private boolean simulateActions;
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration loginGrace = Duration.ofMillis(500);
        private String name = "ami-replay";
        private Clock clock = Clock.systemUTC();
        private int keepActions;
        private int broadcastTo;

        private Builder(EventSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** TCP port; 0 (the default) = an ephemeral port, see {@link AmiReplayServer#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port);
            }
            this.port = port;
            return this;
        }

        /** Address to listen on; default the loopback address. */
        public Builder bindAddress(@Nullable InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /** The only AMI user accepted (compared ignoring case, as Asterisk does); null (default) = any user. */
        public Builder username(@Nullable String username) {
            this.username = username;
            return this;
        }

        /** The secret required, plain or as MD5 key; null (default) = any credentials are accepted. */
        public Builder secret(@Nullable String secret) {
            this.secret = secret;
            return this;
        }

        /** Most events sent per second; 0 (default) = as fast as the client reads. */
        public Builder eventsPerSecond(double eventsPerSecond) {
            if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
                throw new IllegalArgumentException("eventsPerSecond: " + eventsPerSecond);
            }
            this.eventsPerSecond = eventsPerSecond;
            return this;
        }

        /** Faults to inject into the event stream (a test's or a benchmark's); default {@link LinkFaults#none()}. */
        public Builder faults(LinkFaults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * Acts on the actions a PBX acts on, as a demo must (members paused by {@code QueuePause}, the events
         * following in the stream); off by default: a test's PBX only answers and plays what the test gives it.
         */
        public Builder simulateActions(boolean simulate) {
            this.simulateActions = simulate;
            return this;
        }

        /** How long one write may block (client not reading) before the connection is closed; default 30 s. */
        public Builder writeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("writeTimeout: " + timeout);
            }
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * Longest wait after a login before events flow when the client does not ask for the
         * Asterisk version (Asterisk-Java does, and events then flow right after the answer); default 500 ms.
         */
        public Builder loginGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("loginGrace: " + grace);
            }
            this.loginGrace = grace;
            return this;
        }

        /** Prefix of the server's thread names; default {@code ami-replay}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Keep the last {@code n} actions clients send, for {@link #actionsReceived()} (default 0: none). */
        public Builder keepActions(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("keepActions: " + n);
            }
            this.keepActions = n;
            return this;
        }

        /** The PBX's own clock (Ping's Timestamp, the uptime in FullyBooted); default the machine's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Every event to every logged-in client, as Asterisk sends them to each manager session (several app nodes on
         * one PBX), starting once {@code clients} clients listen; 0 (the default) = one client at a time.
         */
        public Builder broadcastTo(int clients) {
            if (clients < 0) {
                throw new IllegalArgumentException("broadcastTo: " + clients);
            }
            this.broadcastTo = clients;
            return this;
        }

        /** Binds the port and starts accepting clients. */
        public AmiReplayServer start() throws IOException {
            return new AmiReplayServer(this);
        }
    }

    private void keep(AmiPacket action) {
        if (keepActions == 0) {
            return;
        }
        synchronized (actionsReceived) {
            actionsReceived.addLast(action);
            if (actionsReceived.size() > keepActions) {
                actionsReceived.removeFirst();
            }
        }
    }

    /** The channels and queues as the events sent so far left them (what QueueStatus and CoreShowChannels answer). */
    public PbxStateMirror state() {
        return state;
    }

    /** The port the server listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Whether a queued {@code Originate} is followed by a failed {@code OriginateResponse} (the
     * default: a replay server has no phones) or by nothing, for a test that then plays a recorded
     * outbound call.
     */
    public void failOriginates(boolean fail) {
        this.failOriginates = fail;
    }

    /**
     * The last actions a client sent (except Challenge and Login, which carry credentials), in order, as
     * received, up to {@link Builder#keepActions}: tests assert the exact AMI actions the application sends.
     */
    public List<AmiPacket> actionsReceived() {
        synchronized (actionsReceived) {
            return List.copyOf(actionsReceived);
        }
    }

    /** Event packets from the source written to a client so far (the server's own FullyBooted and garbage not counted). */
    public long eventsSent() {
        return eventsSent.get();
    }

    /** TCP connections accepted so far. */
    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Successful logins so far. */
    public long logins() {
        return logins.get();
    }

    /** The faults this server injects (their counters: drops, malformed packets sent; the hold's release). */
    public LinkFaults faults() {
        return faults;
    }

    /** Clients currently connected. */
    public int connectedClients() {
        return connections.size();
    }

    /** True once the source is exhausted and every one of its events was written to a client. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * Waits until the source is exhausted and every event was written to a client.
     *
     * @return true when done; false on timeout or when the server was closed first
     */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return await(done, timeout);
    }

    /** Waits until a client has logged in for the first time; false on timeout or close. */
    public boolean awaitLogin(Duration timeout) throws InterruptedException {
        return await(firstLogin, timeout);
    }

    private boolean await(CountDownLatch latch, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (latch.await(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50))), TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (closed || left <= 0) {
                return latch.getCount() == 0;
            }
        }
    }

    /** Stops accepting, closes every connection and stops all threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("Closing the AMI replay server socket: {}", e.toString());
        }
        for (Connection c : List.copyOf(connections)) {
            c.close();
        }
        acceptThread.interrupt();
        watchdog.interrupt();
    }

    @Override
    public String toString() {
        return "AmiReplayServer[port=" + port() + ", eventsSent=" + eventsSent() + ", clients="
                + connectedClients() + (isDone() ? ", done" : "") + (closed ? ", closed" : "") + "]";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("AMI replay server: accept failed: {}", e.toString());
                    sleepQuietly(100);
                }
                continue;
            }
            connectionsAccepted.incrementAndGet();
            if (closed || connections.size() >= MAX_CONNECTIONS) {
                closeQuietly(socket);
                continue;
            }
            var c = new Connection(socket, connectionIds.incrementAndGet());
            connections.add(c);
            c.start();
        }
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Connection c : connections) {
                long started = c.writeStartedNanos;
                if (started != 0 && now - started > writeTimeoutNanos) {
                    log.warn("AMI replay: client {} has not read for {} ms, closing the connection",
                            c.remote, TimeUnit.NANOSECONDS.toMillis(now - started));
                    c.close();
                }
            }
        }
    }

    /**
     * Broadcast (as Asterisk does to every manager session): the event to every client whose events are on; a client
     * whose write fails is closed and misses what follows (it was delivered to the others).
     */
    private void broadcast(Connection streaming, byte @Nullable [] garbage, byte[] wire) {
        for (Connection o : connections) {
            if (o.closing || !o.session.eventsOn()) {
                continue;
            }
            try {
                o.write(garbage, wire);
            } catch (IOException e) {
                log.debug("AMI replay: write to {} failed ({}); it misses the events that follow", o.remote,
                        e.toString());
                o.close();
            }
        }
    }

    private int listening() {
        int n = 0;
        for (Connection o : connections) {
            n += !o.closing && o.session.eventsOn() ? 1 : 0;
        }
        return n;
    }

    /** Runs on a connection's streamer thread, holding streamLock. */
    private void stream(Connection c) throws InterruptedException {
        while (broadcastTo > 0 && !broadcasting && !closed && !c.closing) {
            if (listening() >= broadcastTo) {
                broadcasting = true; // from now on, whoever listens gets what follows
            } else {
                Thread.sleep(20);
            }
        }
        long sentHere = 0;
        while (!closed && !c.closing) {
            if (!c.session.eventsOn()) {
                Thread.sleep(50);
                continue;
            }
            AmiPacket p = pending;
            boolean own = false;
            if (p == null) {
                p = injected.poll();
                own = p != null;
            }
            if (p == null && sessions.simulate() != null && source.nanosUntilNext() > 50_000_000L) {
                Thread.sleep(50); // the source's next event is not due yet: what the server makes itself goes first
                continue;
            }
            if (p == null) {
                p = source.next();
                if (p == null) {
                    finished();
                    if (sessions.simulate() == null) {
                        return;
                    }
                    Thread.sleep(50); // the source is done; what the server makes itself may still come
                    continue;
                }
            }
            if (sessions.simulate() != null && !own && state.suppressed(p)) {
                pending = null; // the rest of a call the demo transferred: what the PBX did instead is injected
                continue;
            }
            if (sessions.simulate() != null && !own) {
                p = state.overlay(p);
            }
            pending = p;
            if (!own) {
                pace();
            }
            long index = eventsSent.get() + 1;
            byte[] garbage = faults.garbageBefore(index);
            if (broadcastTo > 0) {
                broadcast(c, garbage, p.toWire());
                pending = null;
                state.sent(p);
                eventsSent.incrementAndGet();
                continue;
            }
            try {
                c.write(garbage, p.toWire());
            } catch (IOException e) {
                log.debug("AMI replay: write to {} failed ({}); the event is kept for the next client", c.remote,
                        e.toString());
                c.close();
                return;
            }
            pending = null;
            state.sent(p);
            eventsSent.incrementAndGet();
            if (garbage != null) {
                faults.garbageWritten();
            }
            sentHere++;
            if (faults.dropAfter(sentHere)) {
                AmiPacket next = source.next(); // do not drop after the very last event
                if (next == null) {
                    finished();
                    return;
                }
                pending = next;
                faults.dropped();
                log.debug("AMI replay: dropping {} after {} events (dropEvery)", c.remote, sentHere);
                c.goodbye();
                return;
            }
        }
    }

    private void finished() {
        if (done.getCount() > 0) {
            log.debug("AMI replay: source exhausted, {} events sent", eventsSent.get());
            done.countDown();
        }
    }

    private void pace() throws InterruptedException {
        if (eventsPerSecond <= 0) {
            return;
        }
        long interval = (long) (1e9 / eventsPerSecond);
        long now = System.nanoTime();
        if (nextSendNanos == 0 || now - nextSendNanos > interval) {
            nextSendNanos = now; // idle or fell behind: no catch-up burst
        }
        long wait = nextSendNanos - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        nextSendNanos += interval;
    }

    /** One client connection: a reader thread answering actions, and after login a streamer thread. */
    private final class Connection implements AmiSession.Peer {
        final Socket socket;
        final String remote;
        final int id;
        final Object writeLock = new Object();
        final OutputStream out;
        final CountDownLatch versionAsked = new CountDownLatch(1);
        final AmiSession session;
        volatile long writeStartedNanos;
        volatile boolean closing;
        volatile boolean closed;
        volatile @Nullable Thread reader;
        volatile @Nullable Thread streamer;

        Connection(Socket socket, int id) {
            this.socket = socket;
            this.id = id;
            this.remote = String.valueOf(socket.getRemoteSocketAddress());
            OutputStream o;
            try {
                socket.setTcpNoDelay(true);
                o = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            } catch (IOException e) {
                o = OutputStream.nullOutputStream();
                closing = true;
            }
            this.out = o;
            this.session = new AmiSession(sessions, this);
        }

        void start() {
            reader = Thread.ofPlatform().daemon().name(threadPrefix + "-conn-" + id).start(this::read);
        }

        void write(byte @Nullable [] first, byte[] second) throws IOException {
            synchronized (writeLock) {
                if (closed) {
                    throw new SocketException("connection closed");
                }
                if (closing && socket.isOutputShutdown()) {
                    // dropped on purpose (FIN sent): an answer to an action that arrived meanwhile is not sent, as a
                    // PBX going away would not send it. Failing here would close the socket with the client's action
                    // unread, and that close is a reset: the client's TCP stack then throws away the events it has
                    // received but not yet read, which is exactly what a graceful drop must not lose
                    return;
                }
                writeStartedNanos = System.nanoTime();
                try {
                    if (first != null) {
                        out.write(first);
                    }
                    out.write(second);
                    out.flush();
                } finally {
                    writeStartedNanos = 0;
                }
            }
        }

        private void read() {
            log.debug("AMI replay: client {} connected", remote);
            try {
                session.greet();
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                var lines = new ArrayList<String>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                        continue;
                    }
                    if (!lines.isEmpty() && !closing) {
                        session.handle(lines);
                    }
                    lines.clear();
                }
            } catch (SocketTimeoutException e) {
                log.debug("AMI replay: client {} did not close after the drop", remote);
            } catch (IOException e) {
                if (!closed) {
                    log.debug("AMI replay: client {}: {}", remote, e.toString());
                }
            } finally {
                close();
                log.debug("AMI replay: client {} gone", remote);
            }
        }

        private void streamEvents() {
            try {
                versionAsked.await(loginGraceMillis, TimeUnit.MILLISECONDS);
                streamLock.lockInterruptibly();
                try {
                    faults.awaitRelease();
                    stream(this);
                } finally {
                    streamLock.unlock();
                }
            } catch (InterruptedException e) {
                // connection or server closed
            } catch (RuntimeException e) {
                log.error("AMI replay: the event source failed", e);
                close();
            }
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            write(null, bytes);
        }

        @Override
        public void versionAsked() {
            versionAsked.countDown();
        }

        @Override
        public void loggedIn() {
            logins.incrementAndGet();
            firstLogin.countDown();
            streamer = Thread.ofPlatform().daemon().name(threadPrefix + "-events-" + id).start(this::streamEvents);
            if (closed) {
                streamer.interrupt();
            }
        }

        /** Ends the connection without losing what was written: FIN now, close when the client closes (at most 5 s). */
        @Override
        public void goodbye() {
            closing = true;
            try {
                synchronized (writeLock) {
                    out.flush();
                }
                socket.setSoTimeout(5_000);
                socket.shutdownOutput();
            } catch (IOException e) {
                close();
            }
            Thread s = streamer;
            if (s != null && s != Thread.currentThread()) {
                s.interrupt();
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            closeQuietly(socket);
            connections.remove(this);
            Thread s = streamer;
            if (s != null && s != Thread.currentThread()) {
                s.interrupt();
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
