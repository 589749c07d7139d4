package kz.hotline114.pbx.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import kz.hotline114.cluster.ClusterProperties;
import kz.hotline114.cluster.NodeLeases;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.AmiProperties;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.PbxEndpoint;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.pbx.PbxLinkChanged;
import kz.hotline114.pbx.PbxLinkStatus;
import kz.hotline114.pbx.PbxLinkStatus.State;

/**
 * Owns the Asterisk-Java {@code ManagerConnection} (docs/decisions/DD001): logs in (retrying with doubling back-off
 * until the PBX answers), lets Asterisk-Java re-establish a dropped link, and copies every
 * packet off the socket into the {@link IngestionPipeline} before Asterisk-Java parses it.
 */
class AmiLinkService implements PbxLink, PbxCommands {

    private static final Logger log = LoggerFactory.getLogger(AmiLinkService.class);

    private final AmiProperties props;
    private final PbxEndpoint endpoint;
    private final @Nullable DemoPbx demoPbx;
    private final IngestionPipeline pipeline;
    private final ApplicationEventPublisher publisher;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong userEvents = new AtomicLong();
    private final Counter receivedCounter;
    private final Counter malformedCounter;
    private final Counter reconnectCounter;
    private volatile State state = State.STOPPED;
    private volatile @Nullable Instant since;
    private volatile @Nullable String lastError;
    private volatile String host = "";
    private volatile int port;
    private volatile boolean running;
    private @Nullable TappedConnection connection;
    private @Nullable Thread supervisor;
    /** Which start the running supervisor belongs to: one interrupted by a stop must not end the next start's loop. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
    private long lastMalformedLog;

    private final Clock clock;

    AmiLinkService(AmiProperties props, PbxEndpoint endpoint, @Nullable DemoPbx demoPbx, JdbcAmiJournal journal,
                   ApplicationEventPublisher publisher, NodeLeases leases, ClusterProperties cluster, MeterRegistry meters,
                   Clock clock) {
        this.clock = clock;
        this.props = props;
        this.endpoint = endpoint;
        this.demoPbx = demoPbx;
        this.publisher = publisher;
        this.pipeline = new IngestionPipeline(new AmiLinkSettings(endpoint.id(), props.queueCapacity(), props.batchSize(),
                cluster.keepRecent(), cluster.keepRecentMax()), journal, publisher, leases, meters, clock);
        this.receivedCounter = Counter.builder("hotline.ami.events.received")
                .description("AMI event packets read off the socket").register(meters);
        this.malformedCounter = Counter.builder("hotline.ami.packets.malformed")
                .description("AMI packets that were not events and not responses (logged and skipped)").register(meters);
        this.reconnectCounter = Counter.builder("hotline.ami.reconnects")
                .description("successful AMI logins after the first").register(meters);
        Gauge.builder("hotline.ami.connected", () -> state == State.CONNECTED ? 1 : 0)
                .description("1 when the AMI link is up").tag("pbx", endpoint.id()).register(meters);
    }

    /**
     * Starts (or, after a stop, restarts: Spring pauses idle contexts) the link. One connection object
     * serves every start; a stop logs it off, which also ends Asterisk-Java's own reconnection.
     */
    public synchronized void start() {
        running = true;
        pipeline.start();
        if (endpoint.useDemo()) {
            if (demoPbx == null || !props.demo().enabled()) {
                log.warn("No AMI host configured and the demo PBX is disabled: no calls will be logged");
                state = State.DISCONNECTED;
                return;
            }
            host = "127.0.0.1";
            port = demoPbx.start();
            log.info("No AMI host configured (HOTLINE_AMI_HOST): connecting to the built-in demo PBX on port {}", port);
        } else {
            host = endpoint.host();
            port = endpoint.port();
        }
        var c = connection;
        if (c == null) {
            c = new TappedConnection(this::onPacket);
            c.setUsername(endpoint.username());
            c.setPassword(endpoint.useDemo() ? DemoPbx.SECRET : endpoint.secret() == null ? "" : endpoint.secret());
            c.setDefaultResponseTimeout(10_000);
            HotlineUserEvents.all().forEach(c::registerUserEventClass);
            c.addEventListener(event -> {
                if (event instanceof ConnectEvent) {
                    changeState(State.CONNECTED, null);
                    if (logins.incrementAndGet() > 1) {
                        reconnectCounter.increment();
                    }
                } else if (event instanceof DisconnectEvent) {
                    changeState(State.DISCONNECTED, "connection lost");
                } else if (HotlineUserEvents.all().contains(event.getClass())) {
                    userEvents.incrementAndGet();
                }
            });
            connection = c;
        }
        c.setHostname(host);
        c.setPort(port);
        int gen = generation.incrementAndGet();
        supervisor = Thread.ofVirtual().name("ami-login").start(() -> loginLoop(gen));
    }

    /** Logs in, doubling the wait after each failure; once in, Asterisk-Java itself reconnects a dropped link. */
    private void loginLoop(int gen) {
        long backoff = props.initialBackoff().toMillis();
        long reconnectingSince = 0;
        while (running && generation.get() == gen) {
            var c = connection;
            if (c == null) {
                return;
            }
            // Asterisk-Java reconnects a dropped link itself, in milliseconds; a logoff racing with a drop can leave it
            // marked RECONNECTING (or CONNECTED, while no ConnectEvent came) with nothing behind it — seen once in a
            // test that stops and starts the link: after 15 s of that the link is logged off and logged in again here
            boolean unsure = c.getState() == ManagerConnectionState.RECONNECTING
                    || c.getState() == ManagerConnectionState.CONNECTED && state != State.CONNECTED;
            if (unsure) {
                long now = System.nanoTime();
                reconnectingSince = reconnectingSince == 0 ? now : reconnectingSince;
                if (now - reconnectingSince < TimeUnit.SECONDS.toNanos(15)) {
                    sleep(1_000);
                    continue;
                }
                log.warn("AMI link to {}:{} ({}) still {} after 15 s: logging in again", host, port,
                        endpoint.id(), c.getState());
                try {
                    c.logoff();
                } catch (RuntimeException e) {
                    log.debug("logoff of a stuck reconnection failed", e);
                }
            }
            reconnectingSince = 0;
            if (c.getState() == ManagerConnectionState.CONNECTED) {
                sleep(1_000);
                continue;
            }
            try {
                changeState(State.CONNECTING, lastError);
                c.login();
                backoff = props.initialBackoff().toMillis();
                log.info("AMI link to {}:{} ({}) is up; Asterisk {}", host, port, endpoint.id(), c.getVersion());
            } catch (AuthenticationFailedException e) {
                fail("AMI login refused for user " + endpoint.username() + ": " + e.getMessage(), backoff);
                backoff = Math.min(backoff * 2, props.maxBackoff().toMillis());
            } catch (IOException | TimeoutException | IllegalStateException e) {
                fail("AMI link to " + host + ":" + port + " failed: " + e.getMessage(), backoff);
                backoff = Math.min(backoff * 2, props.maxBackoff().toMillis());
            }
        }
    }

    private void fail(String message, long backoff) {
        changeState(State.DISCONNECTED, message);
        log.warn("{}; retrying in {} ms", message, backoff);
        sleep(backoff);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // a stop: it also moved the generation on, which ends this loop (and not the loop of a later start)
            Thread.currentThread().interrupt();
        }
    }

    private void changeState(State next, @Nullable String error) {
        var previous = state;
        state = next;
        lastError = error;
        if (previous != next) {
            since = clock.instant();
            publisher.publishEvent(new PbxLinkChanged(endpoint.id(), next));
        }
    }

    /** On the AMI reader thread: classify the packet and hand it off without blocking. */
    private void onPacket(String raw) {
        var event = AmiEvent.fromRaw(0, endpoint.id(), clock.instant(), raw);
        if (raw.regionMatches(true, 0, "Event: ", 0, 7)) {
            received.incrementAndGet();
            receivedCounter.increment();
            pipeline.offer(event); // its headers are split when first asked for, off this thread
            return;
        }
        var packet = event.headers();
        var first = packet.getFirst();
        if (first.getKey().equalsIgnoreCase("Response") || first.getKey().equalsIgnoreCase("ActionID")
                || packet.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Response"))) {
            return; // an answer to one of our own actions
        }
        long n = malformed.incrementAndGet();
        malformedCounter.increment();
        long now = System.nanoTime();
        if (n <= 10 || now - lastMalformedLog > TimeUnit.SECONDS.toNanos(10)) {
            lastMalformedLog = now;
            log.warn("Skipped a malformed AMI packet from {} (#{}): {}", endpoint.id(), n,
                    abbreviate(packet.toString()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    public synchronized void stop() {
        running = false;
        generation.incrementAndGet();
        if (supervisor != null) {
            supervisor.interrupt();
        }
        var c = connection;
        if (c != null) {
            try {
                if (c.getState() == ManagerConnectionState.CONNECTED || c.getState() == ManagerConnectionState.RECONNECTING) {
                    c.logoff();
                }
            } catch (RuntimeException e) {
                log.debug("logoff failed", e);
            }
        }
        pipeline.stop();
        if (demoPbx != null) {
            demoPbx.stop();
        }
        state = State.STOPPED;
    }

    /** Whether this node journals this PBX's events now (it holds the PBX's journal lease). */
    boolean journaling() {
        return pipeline.journaling();
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public PbxLinkStatus status() {
        return new PbxLinkStatus(endpoint.id(), host, port, endpoint.useDemo(), state, since, lastError,
                Math.max(0, logins.get() - 1), received.get(), pipeline.journaled(), pipeline.dropped(), malformed.get(),
                userEvents.get());
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pipeline.awaitIdle(timeout);
    }

    // --- commands -------------------------------------------------------------------------------

    private ManagerResponse send(ManagerAction action,
                                                                   String what) {
        var c = awaitConnected(Duration.ofSeconds(5));
        if (c == null) {
            throw new PbxCommandFailed(what + ": the AMI link to " + endpoint.id() + " is down ("
                    + (connection == null ? "not started" : connection.getState()) + ")");
        }
        try {
            var response = c.sendAction(action, 10_000);
            if (response instanceof ManagerError error) {
                throw new PbxCommandFailed(what + " refused by the PBX: " + error.getMessage());
            }
            log.info("AMI {} done", what);
            return response;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new PbxCommandFailed(what + " failed: " + e.getMessage(), e);
        }
    }

    /** The connection once it is logged in; a command during a reconnection blip waits for it rather than fail. */
    private @Nullable TappedConnection awaitConnected(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var c = connection;
            if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
                return c;
            }
            if (!running || System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    @Override
    public void queueAdd(String queue, String iface, String memberName, boolean paused) {
        var a = new QueueAddAction(queue, iface);
        a.setMemberName(memberName);
        a.setPaused(paused);
        a.setStateInterface(iface);
        send(a, "QueueAdd " + iface + " to " + queue);
    }

    @Override
    public void queueRemove(String queue, String iface) {
        send(new QueueRemoveAction(queue, iface), "QueueRemove " + iface + " from " + queue);
    }

    @Override
    public void queuePause(@Nullable String queue, String iface, boolean paused, @Nullable String reason) {
        send(new ExtraActions.QueuePauseAction(queue, iface, paused, reason),
                (paused ? "QueuePause " : "QueueUnpause ") + iface + (queue == null ? "" : " in " + queue));
    }

    @Override
    public void queueStatus() {
        list(new QueueStatusAction(), "QueueStatus");
    }

    @Override
    public void coreShowChannels() {
        list(new CoreShowChannelsAction(), "CoreShowChannels");
    }

    /** Sends a list action; its events come back through the socket tap like every other event, no need to collect them. */
    private void list(ManagerAction action, String name) {
        var c = awaitConnected(Duration.ofSeconds(5));
        if (c == null) {
            throw new PbxCommandFailed(name + ": the AMI link to " + endpoint.id() + " is down");
        }
        try {
            c.sendAction(action, null);
        } catch (IOException | IllegalStateException e) {
            throw new PbxCommandFailed(name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void redirect(String channel, String context, String exten, int priority) {
        send(new RedirectAction(channel, context, exten, priority),
                "Redirect " + channel + " to " + exten + "@" + context);
    }

    @Override
    public void hangup(String channel) {
        send(new HangupAction(channel), "Hangup " + channel);
    }

    @Override
    public void setGlobal(String name, String value) {
        var a = new org.asteriskjava.manager.action.SetVarAction(name, value);
        send(a, "Setvar " + name); // never the value: it may be a token
    }

    @Override
    public void blindTransfer(String channel, String context, String exten) {
        send(new ExtraActions.BlindTransferAction(channel, context, exten),
                "BlindTransfer " + channel + " to " + exten + "@" + context);
    }

    @Override
    public void attendedTransfer(String channel, String context, String exten) {
        send(new AtxferAction(channel, context, exten, 1), "Atxfer " + channel + " to " + exten + "@" + context);
    }

    @Override
    public void cancelAttendedTransfer(String channel) {
        send(new ExtraActions.CancelAtxferAction(channel), "CancelAtxfer " + channel);
    }

    @Override
    public String originate(String channel, String context, String exten, String callerId,
                            Map<String, String> variables) {
        var id = "hotline-" + UUID.randomUUID();
        originate(channel, context, exten, callerId, variables, id);
        return id;
    }

    @Override
    public void originate(String channel, String context, String exten, String callerId,
                          Map<String, String> variables, String actionId) {
        var a = new OriginateAction();
        a.setChannel(channel);
        a.setContext(context);
        a.setExten(exten);
        a.setPriority(1);
        a.setCallerId(callerId);
        a.setAsync(true);
        a.setTimeout(30_000L);
        a.setVariables(variables);
        a.setActionId(actionId);
        send(a, "Originate " + channel + " to " + exten + "@" + context);
    }

    /** A ManagerConnection whose socket copies every packet to the journal's hand-off. */
    static final class TappedConnection extends ManagerConnectionImpl {
        private final Consumer<String> sink;

        TappedConnection(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        protected SocketConnectionFacade createSocket() throws IOException {
            return new PacketTee(super.createSocket(), sink);
        }
    }
}
