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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
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
 * <p>Options (see {@link Builder}): credentials, an events-per-second limit, faults for tests
 * ({@code dropEvery}: close the connection after every N events sent on it, the next connection
 * resumes where it stopped and nothing is sent twice; {@code garbageEvery}: a malformed packet from
 * {@link #garbagePackets()} before every Nth event) and a hold ({@link #release()}) so that a
 * benchmark can time ingestion alone.
 *
 * <p>Events go to one client at a time: a second client is answered but gets events only when
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

    /** Completion events of list actions (lower-case action name to event name). */
    private static final Map<String, String> LIST_COMPLETE = Map.ofEntries(
            Map.entry("queuestatus", "QueueStatusComplete"),
            Map.entry("queuesummary", "QueueSummaryComplete"),
            Map.entry("status", "StatusComplete"),
            Map.entry("coreshowchannels", "CoreShowChannelsComplete"),
            Map.entry("agents", "AgentsComplete"),
            Map.entry("sippeers", "PeerlistComplete"),
            Map.entry("iaxpeerlist", "PeerlistComplete"),
            Map.entry("pjsipshowendpoints", "EndpointListComplete"),
            Map.entry("pjsipshowcontacts", "ContactListComplete"),
            Map.entry("extensionstatelist", "ExtensionStateListComplete"),
            Map.entry("devicestatelist", "DeviceStateListComplete"),
            Map.entry("presencestatelist", "PresenceStateListComplete"),
            Map.entry("bridgelist", "BridgeListComplete"),
            Map.entry("bridgeinfo", "BridgeInfoComplete"),
            Map.entry("parkedcalls", "ParkedCallsComplete"),
            Map.entry("confbridgelist", "ConfbridgeListComplete"),
            Map.entry("confbridgelistrooms", "ConfbridgeListRoomsComplete"),
            Map.entry("showdialplan", "ShowDialPlanComplete"));

    private static final int MAX_CONNECTIONS = 32;

    private final EventSource source;
    private final @Nullable String username;
    private final @Nullable String secret;
    private final double eventsPerSecond;
    private final int dropEvery;
    private final int garbageEvery;
    private final long writeTimeoutNanos;
    private final long loginGraceMillis;
    private final ServerSocket serverSocket;
    private final String threadPrefix;
    private final Clock clock;
    private final long startedMillis;

    private final ReentrantLock streamLock = new ReentrantLock();
    private @Nullable AmiPacket pending; // guarded by streamLock: taken from the source, not yet delivered
    private long nextSendNanos; // guarded by streamLock
    private final CountDownLatch released;
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch firstLogin = new CountDownLatch(1);
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong garbageSent = new AtomicLong();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
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
        this.dropEvery = b.dropEvery;
        this.garbageEvery = b.garbageEvery;
        this.writeTimeoutNanos = b.writeTimeout.toNanos();
        this.loginGraceMillis = b.loginGrace.toMillis();
        this.released = new CountDownLatch(b.holdUntilReleased ? 1 : 0);
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
        private int dropEvery;
        private int garbageEvery;
        private boolean holdUntilReleased;
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration loginGrace = Duration.ofMillis(500);
        private String name = "ami-replay";
        private Clock clock = Clock.systemUTC();
        private int keepActions;

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

        /** Closes the connection after every N events sent on it (the client must reconnect); 0 = never. */
        public Builder dropEvery(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("dropEvery: " + n);
            }
            this.dropEvery = n;
            return this;
        }

        /** Sends one malformed packet ({@link AmiReplayServer#garbagePackets()}, in turn) before every Nth event; 0 = never. */
        public Builder garbageEvery(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("garbageEvery: " + n);
            }
            this.garbageEvery = n;
            return this;
        }

        /** Holds all events after login until {@link AmiReplayServer#release()} is called. */
        public Builder holdUntilReleased(boolean hold) {
            this.holdUntilReleased = hold;
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

    /** Event packets from the source written to a client so far (the server's own FullyBooted and garbage not counted). */
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

    public long eventsSent() {
        return eventsSent.get();
    }

    /** Malformed packets sent so far. */
    public long garbageSent() {
        return garbageSent.get();
    }

    /** TCP connections accepted so far. */
    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Successful logins so far. */
    public long logins() {
        return logins.get();
    }

    /** Connections closed on purpose by {@code dropEvery} so far. */
    public long drops() {
        return drops.get();
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

    /** Lets events flow when the server was built with {@code holdUntilReleased(true)}; no effect otherwise. */
    public void release() {
        released.countDown();
    }

    /** The malformed packets {@code garbageEvery} inserts, byte for byte those of {@code ami_replay.py} (copies). */
    public static List<byte[]> garbagePackets() {
        return GARBAGE.stream().map(byte[]::clone).toList();
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

    /** Runs on a connection's streamer thread, holding streamLock. */
    private void stream(Connection c) throws InterruptedException {
        long sentHere = 0;
        while (!closed && !c.closing) {
            if (!c.eventsOn) {
                Thread.sleep(50);
                continue;
            }
            AmiPacket p = pending;
            if (p == null) {
                p = source.next();
                if (p == null) {
                    finished();
                    return;
                }
                pending = p;
            }
            pace();
            long index = eventsSent.get() + 1;
            byte[] garbage = garbageEvery > 0 && index % garbageEvery == 0
                    ? GARBAGE.get((int) (garbageSent.get() % GARBAGE.size())) : null;
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
                garbageSent.incrementAndGet();
            }
            sentHere++;
            if (dropEvery > 0 && sentHere % dropEvery == 0) {
                AmiPacket next = source.next(); // do not drop after the very last event
                if (next == null) {
                    finished();
                    return;
                }
                pending = next;
                drops.incrementAndGet();
                log.debug("AMI replay: dropping {} after {} events (dropEvery)", c.remote, sentHere);
                c.drop();
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
    private final class Connection {
        final Socket socket;
        final String remote;
        final int id;
        final Object writeLock = new Object();
        final OutputStream out;
        final CountDownLatch versionAsked = new CountDownLatch(1);
        volatile long writeStartedNanos;
        volatile boolean eventsOn = true;
        volatile boolean closing;
        volatile boolean closed;
        boolean loggedIn; // reader thread only
        @Nullable String challenge; // reader thread only
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
                write(null, (BANNER + "\r\n").getBytes(StandardCharsets.UTF_8));
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                var lines = new ArrayList<String>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                        continue;
                    }
                    if (!lines.isEmpty() && !closing) {
                        handle(lines);
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

        private void handle(List<String> lines) throws IOException {
            Map<String, String> action = new HashMap<>();
            for (String l : lines) {
                var h = AmiPacket.Header.parse(l);
                if (h.value() != null) {
                    action.putIfAbsent(h.key().trim().toLowerCase(Locale.ROOT), h.value().trim());
                }
            }
            String name = action.getOrDefault("action", "");
            String actionId = action.get("actionid");
            if (!name.equalsIgnoreCase("login") && !name.equalsIgnoreCase("challenge")) {
                keep(AmiPacket.parseLines(lines));
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "" -> respond(actionId, "Response", "Error", "Message", "Missing action in request");
                case "challenge" -> {
                    if ("md5".equalsIgnoreCase(action.get("authtype"))) {
                        challenge = String.format(Locale.ROOT, "%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
                        respond(actionId, "Response", "Success", "Challenge", challenge);
                    } else {
                        respond(actionId, "Response", "Error", "Message", "Must specify AuthType");
                    }
                }
                case "login" -> login(action, actionId);
                case "logoff" -> {
                    respond(actionId, "Response", "Goodbye", "Message", "Thanks for all the fish.");
                    shutdown();
                }
                case "ping" -> respond(actionId, "Response", "Success", "Ping", "Pong", "Timestamp",
                        String.format(Locale.ROOT, "%.6f", clock.millis() / 1000.0));
                case "coresettings" -> {
                    respond(actionId, "Response", "Success", "AMIversion", "11.0.0", "AsteriskVersion", ASTERISK_VERSION,
                            "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "",
                            "CoreRunGroup", "", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No",
                            "CoreCDRenabled", "Yes", "CoreHTTPenabled", "No");
                    versionAsked.countDown();
                }
                case "command" -> {
                    String cmd = action.getOrDefault("command", "");
                    if (cmd.contains("version") && !cmd.contains("files")) {
                        respond(actionId, "Response", "Success", "Message", "Command output follows",
                                "Output", VERSION_OUTPUT);
                        versionAsked.countDown();
                    } else {
                        respond(actionId, "Response", "Error", "Message", "Command output follows", "Output",
                                "No such command '" + cmd + "' (type 'core show help " + cmd
                                        + "' for other possible commands)");
                    }
                }
                default -> {
                    if (!loggedIn) {
                        respond(actionId, "Response", "Error", "Message", "Permission denied");
                    } else {
                        other(name, action, actionId);
                    }
                }
            }
        }

        private void login(Map<String, String> action, @Nullable String actionId) throws IOException {
            if (!authenticated(action)) {
                log.info("AMI replay: login of '{}' from {} refused", action.get("username"), remote);
                respond(actionId, "Response", "Error", "Message", "Authentication failed");
                shutdown();
                return;
            }
            boolean first = !loggedIn;
            loggedIn = true;
            eventsOn = eventsEnabled(action.get("events"), eventsOn);
            respond(actionId, "Response", "Success", "Message", "Authentication accepted");
            if (!first) {
                return;
            }
            long uptime = (clock.millis() - startedMillis) / 1000;
            write(null, ("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: " + uptime + "\r\nLastReload: "
                    + uptime + "\r\nStatus: Fully Booted\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            logins.incrementAndGet();
            firstLogin.countDown();
            streamer = Thread.ofPlatform().daemon().name(threadPrefix + "-events-" + id).start(this::streamEvents);
            if (closed) {
                streamer.interrupt();
            }
        }

        private boolean authenticated(Map<String, String> action) {
            String user = action.get("username");
            if (username != null && (user == null || !username.equalsIgnoreCase(user))) {
                return false;
            }
            if (secret == null) {
                return true;
            }
            String key = action.get("key");
            if (key != null && challenge != null) {
                return md5Hex(challenge + secret).equalsIgnoreCase(key);
            }
            String given = action.get("secret");
            return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8));
        }

        private void other(String name, Map<String, String> action, @Nullable String actionId) throws IOException {
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "events" -> {
                    eventsOn = eventsEnabled(action.get("eventmask"), eventsOn);
                    respond(actionId, "Response", "Success", "Events", eventsOn ? "On" : "Off");
                }
                case "originate" -> {
                    String async = action.getOrDefault("async", "");
                    if (async.equalsIgnoreCase("true") || async.equalsIgnoreCase("yes") || async.equals("1")) {
                        boolean fail = failOriginates; // read before answering: the client may change it once answered
                        respond(actionId, "Response", "Success", "Message", "Originate successfully queued");
                        if (!fail) {
                            return;  // the outbound call's events come from a recording the test plays
                        }
                        var sb = new StringBuilder("Event: OriginateResponse\r\nPrivilege: call,all\r\n");
                        if (actionId != null) {
                            sb.append("ActionID: ").append(actionId).append("\r\n");
                        }
                        sb.append("Response: Failure\r\nChannel: ").append(action.getOrDefault("channel", ""))
                                .append("\r\nContext: ").append(action.getOrDefault("context", ""))
                                .append("\r\nExten: ").append(action.getOrDefault("exten", ""))
                                .append("\r\nApplication: ").append(action.getOrDefault("application", ""))
                                .append("\r\nData: ").append(action.getOrDefault("data", ""))
                                .append("\r\nReason: 0\r\nUniqueid: <null>\r\nCallerIDNum: <unknown>\r\n"
                                        + "CallerIDName: <unknown>\r\n\r\n");
                        write(null, sb.toString().getBytes(StandardCharsets.UTF_8));
                    } else {
                        respond(actionId, "Response", "Error", "Message", "Originate failed");
                    }
                }
                case "coreshowchannels" -> list(actionId, name, "CoreShowChannelsComplete", state.coreShowChannels(actionId));
                case "queuestatus" -> list(actionId, name, "QueueStatusComplete", state.queueStatus(actionId));
                default -> {
                    String complete = LIST_COMPLETE.get(lower);
                    if (complete == null && (lower.endsWith("status") || lower.endsWith("summary")
                            || lower.startsWith("coreshow") || lower.startsWith("show") || lower.startsWith("list"))) {
                        complete = name + "Complete";
                    }
                    if (complete == null) {
                        respond(actionId, "Response", "Success", "Message", name + " accepted");
                        return;
                    }
                    respond(actionId, "Response", "Success", "EventList", "start", "Message", name + " will follow");
                    var sb = new StringBuilder("Event: ").append(complete).append("\r\n");
                    if (actionId != null) {
                        sb.append("ActionID: ").append(actionId).append("\r\n");
                    }
                    sb.append("EventList: Complete\r\nListItems: 0\r\n\r\n");
                    write(null, sb.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        /** A list answer as Asterisk writes it: the response, the items, the completion event with their count. */
        private void list(@Nullable String actionId, String name, String complete, List<AmiPacket> items)
                throws IOException {
            var sb = new StringBuilder("Response: Success\r\n");
            if (actionId != null) {
                sb.append("ActionID: ").append(actionId).append("\r\n");
            }
            sb.append("EventList: start\r\nMessage: ").append(name).append(" will follow\r\n\r\n");
            for (var item : items) {
                sb.append(item.toWireString());
            }
            sb.append("Event: ").append(complete).append("\r\n");
            if (actionId != null) {
                sb.append("ActionID: ").append(actionId).append("\r\n");
            }
            sb.append("EventList: Complete\r\nListItems: ").append(items.size()).append("\r\n\r\n");
            write(null, sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** "Key", "Value", ... with the ActionID (if any) after the first line, as Asterisk orders them. */
        private void respond(@Nullable String actionId, String... keysAndValues) throws IOException {
            var sb = new StringBuilder(128);
            for (int i = 0; i < keysAndValues.length; i += 2) {
                sb.append(keysAndValues[i]).append(": ").append(keysAndValues[i + 1]).append("\r\n");
                if (i == 0 && actionId != null) {
                    sb.append("ActionID: ").append(actionId).append("\r\n");
                }
            }
            sb.append("\r\n");
            write(null, sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        private void streamEvents() {
            try {
                versionAsked.await(loginGraceMillis, TimeUnit.MILLISECONDS);
                streamLock.lockInterruptibly();
                try {
                    released.await();
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

        /** Ends the connection without losing what was written: FIN now, close when the client closes (at most 5 s). */
        void drop() {
            shutdown();
        }

        private void shutdown() {
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

    private static boolean eventsEnabled(@Nullable String mask, boolean current) {
        if (mask == null || mask.isBlank()) {
            return current;
        }
        return !mask.trim().equalsIgnoreCase("off");
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
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
