package kz.hotline114.amisim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's side of the AMI protocol, as Asterisk 22 speaks it: parses an action, authenticates, answers. It
 * knows no socket and no thread: what it writes goes to its {@link Peer}, which also starts the event stream after
 * the first login and closes the connection after a logoff or a refused login.
 */
@NullMarked
final class AmiSession {

    /** What a session needs from its connection. */
    interface Peer {
        void write(byte[] bytes) throws IOException;

        /** Ends the connection gracefully (after Logoff, or a refused login). */
        void goodbye();

        /** The first successful login: events may flow. */
        void loggedIn();

        /** The client asked for the Asterisk version (Asterisk-Java does right after login). */
        void versionAsked();
    }

    /** What all sessions of one server share. */
    record Server(@Nullable String username, @Nullable String secret, Clock clock, long startedMillis,
            PbxStateMirror state, BooleanSupplier failOriginates, Consumer<AmiPacket> keep,
            @Nullable Consumer<List<AmiPacket>> simulate) {
    }

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

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);

    private final Server server;
    private final Peer peer;
    private volatile boolean eventsOn = true;
    private boolean loggedIn; // reader thread only
    private @Nullable String challenge; // reader thread only

    AmiSession(Server server, Peer peer) {
        this.server = server;
        this.peer = peer;
    }

    /** Whether the client wants events (Login's {@code Events}, the {@code Events} action). */
    boolean eventsOn() {
        return eventsOn;
    }

    /** The banner a new connection is greeted with. */
    void greet() throws IOException {
        peer.write((AmiReplayServer.BANNER + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Answers one action, given as its non-empty lines. */
    void handle(List<String> lines) throws IOException {
        Map<String, String> action = new HashMap<>();
        for (String l : lines) {
            var h = AmiPacket.Header.parse(l);
            if (h.value() != null) {
                action.putIfAbsent(h.key().trim().toLowerCase(Locale.ROOT), h.value().trim());
            }
        }
        // an action may repeat a header (Originate's Variable): all of its values, NUL-separated
        for (String l : lines) {
            var h = AmiPacket.Header.parse(l);
            if (h.value() != null && h.key().trim().equalsIgnoreCase("Variable")) {
                action.merge(ALL_VARIABLES, h.value().trim(), (a, b) -> a + "\u0000" + b);
            }
        }
        String name = action.getOrDefault("action", "");
        String actionId = action.get("actionid");
        if (!name.equalsIgnoreCase("login") && !name.equalsIgnoreCase("challenge")) {
            server.keep().accept(AmiPacket.parseLines(lines));
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "" -> respond(actionId, "Response", "Error", "Message", "Missing action in request");
            case "challenge" -> challenge(action, actionId);
            case "login" -> login(action, actionId);
            case "logoff" -> {
                respond(actionId, "Response", "Goodbye", "Message", "Thanks for all the fish.");
                peer.goodbye();
            }
            case "ping" -> respond(actionId, "Response", "Success", "Ping", "Pong", "Timestamp",
                    String.format(Locale.ROOT, "%.6f", server.clock().millis() / 1000.0));
            case "coresettings" -> {
                respond(actionId, "Response", "Success", "AMIversion", "11.0.0", "AsteriskVersion",
                        AmiReplayServer.ASTERISK_VERSION, "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg",
                        "0.000000", "CoreRunUser", "", "CoreRunGroup", "", "CoreMaxFilehandles", "0",
                        "CoreRealTimeEnabled", "No", "CoreCDRenabled", "Yes", "CoreHTTPenabled", "No");
                peer.versionAsked();
            }
            case "command" -> command(action, actionId);
            default -> {
                if (!loggedIn) {
                    respond(actionId, "Response", "Error", "Message", "Permission denied");
                } else {
                    other(name, action, actionId);
                }
            }
        }
    }

    private void challenge(Map<String, String> action, @Nullable String actionId) throws IOException {
        if ("md5".equalsIgnoreCase(action.get("authtype"))) {
            challenge = String.format(Locale.ROOT, "%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
            respond(actionId, "Response", "Success", "Challenge", challenge);
        } else {
            respond(actionId, "Response", "Error", "Message", "Must specify AuthType");
        }
    }

    private void command(Map<String, String> action, @Nullable String actionId) throws IOException {
        String cmd = action.getOrDefault("command", "");
        if (cmd.contains("version") && !cmd.contains("files")) {
            respond(actionId, "Response", "Success", "Message", "Command output follows",
                    "Output", AmiReplayServer.VERSION_OUTPUT);
            peer.versionAsked();
        } else {
            respond(actionId, "Response", "Error", "Message", "Command output follows", "Output",
                    "No such command '" + cmd + "' (type 'core show help " + cmd + "' for other possible commands)");
        }
    }

    private void login(Map<String, String> action, @Nullable String actionId) throws IOException {
        if (!authenticated(action)) {
            log.info("AMI replay: login of '{}' refused", action.get("username"));
            respond(actionId, "Response", "Error", "Message", "Authentication failed");
            peer.goodbye();
            return;
        }
        boolean first = !loggedIn;
        loggedIn = true;
        eventsOn = eventsEnabled(action.get("events"), eventsOn);
        respond(actionId, "Response", "Success", "Message", "Authentication accepted");
        if (!first) {
            return;
        }
        long uptime = (server.clock().millis() - server.startedMillis()) / 1000;
        peer.write(("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: " + uptime + "\r\nLastReload: "
                + uptime + "\r\nStatus: Fully Booted\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        peer.loggedIn();
    }

    private boolean authenticated(Map<String, String> action) {
        String user = action.get("username");
        String username = server.username();
        if (username != null && (user == null || !username.equalsIgnoreCase(user))) {
            return false;
        }
        String secret = server.secret();
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
            case "originate" -> originate(action, actionId);
            case "queuepause" -> queuePause(action, actionId);
            case "blindtransfer" -> blindTransfer(name, action, actionId);
            case "atxfer", "cancelatxfer", "hangup" -> {
                if (server.simulate() == null) {
                    respond(actionId, "Response", "Success", "Message", name + " accepted");
                } else {
                    callControl(lower, action, actionId);
                }
            }
            case "coreshowchannels" -> list(actionId, name, "CoreShowChannelsComplete",
                    server.state().coreShowChannels(actionId));
            case "queuestatus" -> list(actionId, name, "QueueStatusComplete", server.state().queueStatus(actionId));
            default -> {
                String complete = LIST_COMPLETE.get(lower);
                if (complete == null && (lower.endsWith("status") || lower.endsWith("summary")
                        || lower.startsWith("coreshow") || lower.startsWith("show") || lower.startsWith("list"))) {
                    complete = name + "Complete";
                }
                if (complete == null) {
                    respond(actionId, "Response", "Success", "Message", name + " accepted");
                } else {
                    list(actionId, name, complete, List.of());
                }
            }
        }
    }

    /**
     * {@code QueuePause}: answered as Asterisk answers it; when the server simulates a PBX (the demo), the members
     * are paused as Asterisk would do it — the {@code QueueMemberPause} events follow in the event stream.
     */
    private void queuePause(Map<String, String> action, @Nullable String actionId) throws IOException {
        var iface = action.get("interface");
        if (iface == null || iface.isBlank()) {
            respond(actionId, "Response", "Error", "Message", "Need 'Interface' and 'Paused' parameters.");
            return;
        }
        var paused = action.getOrDefault("paused", "");
        boolean pause = paused.equalsIgnoreCase("true") || paused.equalsIgnoreCase("yes") || paused.equals("1");
        var simulate = server.simulate();
        var events = simulate == null ? List.<AmiPacket>of()
                : server.state().pause(iface, action.get("queue"), pause, action.get("reason"),
                        server.clock().millis() / 1000);
        if (simulate != null && events.isEmpty()) {
            respond(actionId, "Response", "Error", "Message", "Interface not found");
            return;
        }
        respond(actionId, "Response", "Success", "Message",
                pause ? "Interface paused successfully" : "Interface unpaused successfully");
        if (simulate != null) {
            simulate.accept(events);
        }
    }

    /**
     * {@code BlindTransfer} of a specialist's leg into {@code hotline-transfer,<queue>}: answered as Asterisk answers
     * it; when the server simulates a PBX (the demo), the call is transferred as Asterisk would do it (see
     * {@link TransferSimulation}). A replay that simulates nothing only acknowledges it (its events are recorded).
     */
    private void blindTransfer(String name, Map<String, String> action, @Nullable String actionId) throws IOException {
        var simulate = server.simulate();
        if (simulate == null) {
            respond(actionId, "Response", "Success", "Message", name + " accepted");
            return;
        }
        var channel = action.getOrDefault("channel", "");
        var exten = action.getOrDefault("exten", "");
        if (channel.isBlank()) {
            respond(actionId, "Response", "Error", "Message", "No channel specified");
            return;
        }
        if (exten.isBlank()) {
            respond(actionId, "Response", "Error", "Message", "No extension specified");
            return;
        }
        var from = server.state().transferSource(channel);
        if (from == null) {
            respond(actionId, "Response", "Error", "Message", "No such channel");
            return;
        }
        var context = action.getOrDefault("context", "");
        // into another queue (one of its free members answers), or to a colleague's desk phone (a member somewhere)
        var member = switch (context) {
            case "hotline-transfer" -> server.state().memberFor(exten, from.iface());
            case "hotline-transfer-phone" -> server.state().memberWithInterface("PJSIP/" + exten);
            default -> null;
        };
        if (member == null) {
            respond(actionId, "Response", "Error", "Message", "Transfer failed");
            return;
        }
        respond(actionId, "Response", "Success", "Message", "Transfer succeeded");
        server.state().suppress(from.linkedid());
        var toQueue = context.equals("hotline-transfer") ? exten : member.get("Queue");
        OriginateSimulation.play(TransferSimulation.call(from, context, exten, toQueue, member, server.clock()),
                simulate);
    }

    /**
     * The demo PBX's call control on a specialist's leg: {@code Hangup} ends the call (or, during a consultation,
     * completes the attended transfer: the caller goes on to the colleague consulted), {@code Atxfer} starts a
     * consultation with a colleague's phone, {@code CancelAtxfer} ends it.
     */
    private void callControl(String action, Map<String, String> fields, @Nullable String actionId) throws IOException {
        var channel = fields.getOrDefault("channel", "");
        var state = server.state();
        var simulate = Objects.requireNonNull(server.simulate());
        switch (action) {
            case "atxfer" -> {
                var exten = fields.getOrDefault("exten", "");
                if (state.transferSource(channel) == null || state.memberWithInterface("PJSIP/" + exten) == null) {
                    respond(actionId, "Response", "Error", "Message", "No such channel");
                    return;
                }
                state.consultStarted(channel, exten);
                respond(actionId, "Response", "Success", "Message", "Atxfer successfully queued");
            }
            case "cancelatxfer" -> {
                if (state.consultEnded(channel) == null) {
                    respond(actionId, "Response", "Error", "Message", "No attended transfer in progress");
                    return;
                }
                respond(actionId, "Response", "Success", "Message", "Attended transfer successfully cancelled");
            }
            default -> {
                var call = state.callOf(channel);
                if (call.isEmpty()) {
                    respond(actionId, "Response", "Error", "Message", "No such channel");
                    return;
                }
                respond(actionId, "Response", "Success", "Message", "Channel Hungup");
                var consulted = state.consultEnded(channel);
                var from = state.transferSource(channel);
                var member = consulted == null ? null : state.memberWithInterface("PJSIP/" + consulted);
                state.suppress(call.getLast().getOrDefault("Linkedid", ""));
                if (from != null && member != null) {
                    OriginateSimulation.play(TransferSimulation.call(from, "hotline-transfer-phone", consulted,
                            member.get("Queue"), member, server.clock()), simulate);
                } else {
                    simulate.accept(HangupSimulation.hangup(call, from, server.clock()));
                }
            }
        }
    }

    private static final String ALL_VARIABLES = "\u0000variables";

    private static List<String> variables(Map<String, String> action) {
        var all = action.get(ALL_VARIABLES);
        return all == null ? List.of() : List.of(all.split("\u0000"));
    }

    private void originate(Map<String, String> action, @Nullable String actionId) throws IOException {
        String async = action.getOrDefault("async", "");
        if (!(async.equalsIgnoreCase("true") || async.equalsIgnoreCase("yes") || async.equals("1"))) {
            respond(actionId, "Response", "Error", "Message", "Originate failed");
            return;
        }
        boolean fail = server.failOriginates().getAsBoolean(); // read before answering: a test may change it once answered
        respond(actionId, "Response", "Success", "Message", "Originate successfully queued");
        var simulate = server.simulate();
        if (!fail && simulate != null && "hotline-spy".equals(action.get("context"))) {
            // the demo: the supervisor's phone answers at once and ChanSpy starts on the specialist's leg
            simulate.accept(List.of(spyStart(action)));
            return;
        }
        if (!fail && simulate != null && "hotline-risk-alert".equals(action.get("context"))) {
            return; // the demo: the on-call phone is outside it, nothing to show
        }
        if (!fail && simulate != null) {
            // the demo: the phone rings, the caller is dialled and answers, they talk — the recorded callback, now
            OriginateSimulation.play(OriginateSimulation.call(action.getOrDefault("channel", ""),
                    variables(action), actionId, server.clock()), simulate);
            return;
        }
        if (!fail) {
            return; // the outbound call's events come from a recording the test plays
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
                .append("\r\nReason: 0\r\nUniqueid: <null>\r\nCallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n\r\n");
        peer.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code ChanSpyStart} Asterisk sends when the supervisor's phone (the Originate's channel) starts spying. */
    private AmiPacket spyStart(Map<String, String> action) {
        String target = "";
        for (var v : variables(action)) {
            if (v.startsWith("HOTLINE_SPY_TARGET=")) {
                target = v.substring("HOTLINE_SPY_TARGET=".length());
            }
        }
        var time = String.format(Locale.ROOT, "%.6f", server.clock().millis() / 1000.0);
        return AmiPacket.of("Event", "ChanSpyStart", "Privilege", "call,all", "Timestamp", time,
                "SpyerChannel", action.getOrDefault("channel", "") + "-spy", "SpyerContext", "hotline-spy",
                "SpyerExten", action.getOrDefault("exten", "listen"), "SpyeeChannel", target);
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
        peer.write(sb.toString().getBytes(StandardCharsets.UTF_8));
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
        peer.write(sb.toString().getBytes(StandardCharsets.UTF_8));
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
}
