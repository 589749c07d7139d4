package kz.hotline114.calls.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import kz.hotline114.pbx.AmiEvent;

/**
 * Reads a call from the PBX's own account of it: the CEL and CDR records Asterisk writes to PostgreSQL
 * ({@code cel_pgsql}, {@code cdr_pgsql}) whether or not the app is listening. When the AMI link missed (part
 * of) a call, the {@code pbx} feature journals those records as {@link AmiEvent#isRecovered() recovered}
 * packets; this class restates them as the channel, queue and hotline events {@link CallInterpreter} reads
 * off AMI, so one set of classification rules serves both and a recovered call is counted the way a live
 * one is.
 *
 * <p>What the records say and how (checked against every recording, {@code PbxRecordsTest}):
 * <ul>
 * <li>inbound leg: CEL {@code CHAN_START} in {@code from-trunk} with an extension (a callback's trunk leg has
 *     {@code s}); the IVR's answer: its {@code ANSWER};</li>
 * <li>queues: {@code APP_START}/{@code APP_END} of application {@code Queue} on the inbound leg (cel.conf
 *     {@code apps = queue,…}); a later Queue for another queue after a specialist answered is a transfer (a
 *     Redirect or BlindTransfer into {@code hotline-transfer}: the caller's own channel runs the next Queue);</li>
 * <li>answered: the inbound leg's {@code BRIDGE_ENTER} while queued, with the specialist's channel as
 *     {@code Peer}; talk: its bridge intervals. The member's name is not in CEL: it is taken from an
 *     {@code AgentConnect} the link did see, else the interface ({@code PJSIP/201});</li>
 * <li>who hung up: {@code hangupsource} in the inbound {@code HANGUP}'s extra (the caller's channel, a
 *     specialist's channel, or the dialplan); a queue left without an answer and not by the caller hanging up
 *     is the PBX giving up (unanswered, not abandoned);</li>
 * <li>menu key and stage: the inbound leg's CDR variable {@code hotline_choice} and
 *     {@code userfield = hotline|stage=…} (the dialplan contract), which say wrong number / no input.</li>
 * </ul>
 */
final class PbxRecords {

    /** Q.850 causes as AMI's {@code Cause-txt} gives them (CEL's extra has only the number). */
    private static final Map<String, String> CAUSES = Map.of("16", "Normal Clearing", "17", "User busy",
            "18", "No user responding", "19", "User alerting, no answer", "21", "Call Rejected",
            "27", "Destination out of order", "31", "Normal, unspecified", "34", "Circuit/channel congestion",
            "38", "Network out of order", "127", "Interworking, unspecified");

    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-[0-9a-fA-F]+(;\\d)?$");

    private PbxRecords() {
    }

    /** True when the PBX's records of the call were journaled (the link missed some of it). */
    static boolean present(List<AmiEvent> events) {
        for (var e : events) {
            if (e.isRecovered()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The call's recovered CEL and CDR records restated as AMI events (none when they hold no inbound call).
     * Events read off the socket are used only for the specialists' names.
     */
    static List<AmiEvent> asChannelEvents(List<AmiEvent> events) {
        var cel = new ArrayList<AmiEvent>();
        var cdr = new ArrayList<AmiEvent>();
        var memberByChannel = new HashMap<String, String>();
        for (var e : events) {
            if (e.isRecovered()) {
                if (e.name().equals("CEL")) {
                    cel.add(e);
                } else if (e.name().equals("Cdr")) {
                    cdr.add(e);
                }
            } else if (e.name().equals("AgentConnect")) {
                var member = e.get("MemberName");
                var dest = e.get("DestChannel");
                if (member != null && !member.isBlank() && dest != null) {
                    memberByChannel.put(dest, member);
                }
            }
        }
        cel.sort(Comparator.comparing(AmiEvent::time)); // stable: records of one instant keep their table order
        AmiEvent start = null;
        for (var e : cel) {
            // a Local inbound leg (a test caller) is created with both halves in from-trunk: ;2 runs the IVR
            if (is(e, "CHAN_START") && "from-trunk".equals(e.get("Context")) && !"s".equals(e.get("Exten"))
                    && !(e.getOr("Channel", "").startsWith("Local/") && e.getOr("Channel", "").endsWith(";1"))) {
                start = e;
                break;
            }
        }
        if (start == null || start.get("UniqueID") == null) {
            return List.of();
        }
        var b = new Builder(start);
        b.memberByChannel.putAll(memberByChannel);
        for (var e : cel) {
            b.cel(e);
        }
        b.cdr(cdr);
        return b.out;
    }

    private static final class Builder {
        final String linkedid;
        final String inUid;
        final String inChannel;
        final List<AmiEvent> out = new ArrayList<>();
        final Map<String, String> memberByChannel = new HashMap<>();
        final Map<String, String> uniqueidByChannel = new HashMap<>();
        final Set<String> agentChannels = new LinkedHashSet<>();
        @Nullable String currentQueue;
        boolean inQueue;
        boolean connectedInQueue;
        boolean answeredOnce;
        boolean everQueued;
        @Nullable Instant lastQueueEnd;
        @Nullable Instant firstQueueStart;
        @Nullable Instant hangupAt;
        boolean callerKnown;
        @Nullable AmiEvent partnerHungUp;
        @Nullable Instant agentHungUpAt;

        Builder(AmiEvent start) {
            this.inUid = start.getOr("UniqueID", "");
            this.inChannel = start.getOr("Channel", "");
            this.callerKnown = !start.getOr("CallerIDnum", "").isBlank();
            this.linkedid = start.getOr("LinkedID", inUid);
        }

        /** One CEL record: what happened to another leg of the call, or to the caller's own channel. */
        void cel(AmiEvent e) {
            var type = e.getOr("EventName", "");
            var channel = e.getOr("Channel", "");
            var at = e.time();
            if (otherLeg(e, type, channel, at) || !inUid.equals(e.get("UniqueID"))) {
                return;
            }
            var number = e.get("CallerIDnum");
            if (!callerKnown && number != null && !number.isBlank()) {
                add(e, at, "NewCallerid", "Channel", inChannel, "CallerIDNum", number, "Uniqueid", inUid);
                callerKnown = true;
            }
            switch (type) {
                case "ANSWER" -> add(e, at, "Newstate", "Channel", inChannel, "ChannelState", "6", "Uniqueid", inUid);
                case "APP_START" -> appStart(e, at);
                case "APP_END" -> appEnd(e, at);
                case "BRIDGE_ENTER" -> bridgeEnter(e, at);
                case "BRIDGE_EXIT" -> add(e, at, "BridgeLeave", "Channel", inChannel, "Uniqueid", inUid);
                case "HANGUP" -> hangup(e, at);
                default -> { }
            }
        }

        /** Records that are not the caller's channel's own (legs, transfers, the end of the call); true when done. */
        private boolean otherLeg(AmiEvent e, String type, String channel, Instant at) {
            if (type.equals("CHAN_START")) {
                uniqueidByChannel.put(channel, e.getOr("UniqueID", ""));
                add(e, at, "Newchannel", "Channel", channel,
                        "ChannelState", inUid.equals(e.get("UniqueID")) ? "4" : "0",
                        "CallerIDNum", e.get("CallerIDnum"), "CallerIDName", e.get("CallerIDname"),
                        "Exten", e.get("Exten"), "Context", e.get("Context"), "Uniqueid", e.get("UniqueID"));
                return true;
            }
            if (type.equals("LINKEDID_END")) {
                add(e, at, "CEL", "EventName", "LINKEDID_END", "Channel", channel);
                return true;
            }
            if (type.equals("ATTENDEDTRANSFER") && inUid.equals(json(e.get("Extra"), "transferee_channel_uniqueid"))) {
                add(e, at, "AttendedTransfer", "Result", "Success",
                        "TransfereeUniqueid", inUid,
                        "TransferTargetChannel", json(e.get("Extra"), "transfer_target_channel_name"));
                return true;
            }
            if (type.equals("BLINDTRANSFER")) {
                var extra = e.get("Extra");
                if (inUid.equals(json(extra, "transferee_channel_uniqueid")) || agentChannels.contains(channel)) {
                    add(e, at, "BlindTransfer", "Result", "Success", "TransfereeUniqueid", inUid,
                            "Extension", json(extra, "extension"), "Context", json(extra, "context"));
                }
                return true;
            }
            if (type.equals("HANGUP") && inChannel.startsWith("Local/") && !channel.equals(inChannel)
                    && base(channel).equals(base(inChannel))) {
                // the caller's half of a Local inbound leg ended itself (a blank source: it was only torn down
                // with the other half): the caller hung up, unless the inbound half's own HANGUP names another side
                var source = json(e.get("Extra"), "hangupsource");
                if (source != null && !source.isBlank()) {
                    partnerHungUp = e;
                }
                return true;
            }
            if (type.equals("HANGUP") && !inUid.equals(e.get("UniqueID")) && isAgent(channel)) {
                var source = json(e.get("Extra"), "hangupsource");
                if (source != null && !source.isBlank()) {
                    agentHungUpAt = at; // the specialist's side ended its own leg (its phone, its dialplan)
                }
            }
            return false;
        }

        /** The caller's channel enters a queue (a second queue after an answer is a transfer). */
        private void appStart(AmiEvent e, Instant at) {
            if ("Queue".equalsIgnoreCase(e.get("Application"))) {
                var queue = e.getOr("AppData", "").split(",", 2)[0].strip();
                if (answeredOnce && currentQueue != null && !currentQueue.equals(queue)) {
                    add(e, at, "UserEvent", "UserEvent", "HotlineTransfer", "From", currentQueue, "To", queue,
                            "Uniqueid", inUid);
                }
                add(e, at, "QueueCallerJoin", "Channel", inChannel, "Queue", queue, "Uniqueid", inUid);
                currentQueue = queue;
                inQueue = true;
                everQueued = true;
                connectedInQueue = false;
                if (firstQueueStart == null) {
                    firstQueueStart = at;
                }
            }
        }

        /** The caller's channel leaves the queue. */
        private void appEnd(AmiEvent e, Instant at) {
            if ("Queue".equalsIgnoreCase(e.get("Application")) && inQueue) {
                add(e, at, "QueueCallerLeave", "Channel", inChannel, "Queue", currentQueue, "Uniqueid", inUid);
                inQueue = false;
                lastQueueEnd = at;
            }
        }

        /** The caller's channel enters a bridge: in a queue, with a member's leg, that is the answer. */
        private void bridgeEnter(AmiEvent e, Instant at) {
            var peer = peer(e);
            if (inQueue && !connectedInQueue && peer != null) {
                add(e, at, "AgentConnect", "Queue", currentQueue, "MemberName", memberName(peer),
                        "Interface", iface(peer), "DestChannel", peer,
                        "DestUniqueid", uniqueidByChannel.get(peer), "Channel", inChannel, "Uniqueid", inUid);
                connectedInQueue = true;
                answeredOnce = true;
                agentChannels.add(peer);
            }
            add(e, at, "BridgeEnter", "Channel", inChannel, "Uniqueid", inUid);
        }

        /** The caller's channel hangs up: who ended it, and whether the queue had let the caller go first. */
        private void hangup(AmiEvent e, Instant at) {
            var source = json(e.get("Extra"), "hangupsource");
            boolean byCaller = source != null && base(source).equals(base(inChannel))
                    || (source == null || source.isBlank()) && partnerHungUp != null;
            if (byCaller) {
                add(e, at, "HangupRequest", "Channel", inChannel, "Uniqueid", inUid);
            } else if (answeredOnce && (source != null && isAgent(source)
                    || (source == null || source.isBlank()) && agentHungUpAt != null
                    && !agentHungUpAt.isBefore(at.minusSeconds(2)))) {
                add(e, at, "AgentComplete", "Reason", "agent", "Queue", currentQueue, "Channel", inChannel,
                        "Uniqueid", inUid);
            }
            if (everQueued && !answeredOnce && lastQueueEnd != null
                    && !(byCaller && !at.isAfter(lastQueueEnd.plusSeconds(1)))) {
                // the queue let the caller go (timeout, nobody to ring) before anyone hung up
                add(e, lastQueueEnd, "UserEvent", "UserEvent", "HotlineIvr", "Stage", "queue-exit",
                        "Queue", currentQueue, "QueueStatus", "TIMEOUT", "Uniqueid", inUid);
            }
            var cause = json(e.get("Extra"), "hangupcause");
            add(e, at, "Hangup", "Channel", inChannel, "Uniqueid", inUid, "Cause", cause,
                    "Cause-txt", cause == null ? null : CAUSES.get(cause));
            hangupAt = at;
        }

        void cdr(List<AmiEvent> records) {
            String choice = null;
            var stages = new LinkedHashSet<String>();
            AmiEvent last = null;
            for (var r : records) {
                if (!inUid.equals(r.get("UniqueID"))) {
                    continue;
                }
                last = r;
                var c = r.get("HotlineChoice");
                if (choice == null && c != null && !c.isBlank()) {
                    choice = c.strip();
                }
                for (var part : r.getOr("UserField", "").split("\\|")) {
                    if (part.startsWith("stage=")) {
                        stages.add(part.substring("stage=".length()));
                    }
                }
            }
            if (last == null) {
                return;
            }
            // the menu's choice comes before the queue; without a queue, at the end (its exact time is not recorded)
            var at = firstQueueStart != null ? firstQueueStart.minusMillis(1) : hangupAt != null ? hangupAt : last.time();
            if (choice != null) {
                add(last, at, "UserEvent", "UserEvent", "HotlineIvr", "Stage", "choice", "Choice", choice,
                        "ReadStatus", "none".equalsIgnoreCase(choice) ? "TIMEOUT" : "OK", "Uniqueid", inUid);
            }
            if (stages.contains("wrong-number") || stages.contains("filtered")) {
                add(last, at, "UserEvent", "UserEvent", "HotlineWrongNumber", "Reason",
                        stages.contains("filtered") ? "filtered" : "declared", "Intended", "1414", "Uniqueid", inUid);
            }
            if (stages.contains("no-input")) {
                add(last, at, "UserEvent", "UserEvent", "HotlineIvr", "Stage", "no-input", "Uniqueid", inUid);
            }
        }

        private @Nullable String peer(AmiEvent e) {
            var peer = e.getOr("Peer", "").split(",")[0].strip();
            return peer.isEmpty() ? null : peer;
        }

        private boolean isAgent(String channel) {
            var b = base(channel);
            for (var a : agentChannels) {
                if (base(a).equals(b)) {
                    return true;
                }
            }
            return false;
        }

        private String memberName(String channel) {
            var name = memberByChannel.get(channel);
            return name != null ? name : iface(channel);
        }

        /** Adds a restated event; the record it came from goes along, so two events of one instant stay apart. */
        private void add(AmiEvent from, Instant at, String name, @Nullable String... pairs) {
            var headers = new ArrayList<Map.Entry<String, String>>(pairs.length / 2 + 5);
            headers.add(Map.entry("Event", name));
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                if (pairs[i] != null && pairs[i + 1] != null) {
                    headers.add(Map.entry(pairs[i], pairs[i + 1]));
                }
            }
            headers.add(Map.entry("Linkedid", linkedid));
            headers.add(Map.entry("Timestamp", epoch(at)));
            headers.add(Map.entry("Record", from.getOr(AmiEvent.RECOVERED, "")));
            out.add(new AmiEvent(from.journalId(), from.pbxId(), from.receivedAt(), headers));
        }
    }

    private static boolean is(AmiEvent e, String celType) {
        return celType.equals(e.get("EventName"));
    }

    /** {@code PJSIP/201-0000000a} → {@code PJSIP/201}; {@code Local/psy1@agents-00000000;1} → {@code Local/psy1@agents}. */
    static String iface(String channel) {
        return CHANNEL_SUFFIX.matcher(channel).replaceFirst("");
    }

    /** A channel without its Local half ({@code ;1}/{@code ;2}): both halves are one leg. */
    private static String base(String channel) {
        return channel.replaceFirst(";\\d$", "");
    }

    /** A value of CEL's flat JSON {@code extra} (strings or numbers), or null. */
    static @Nullable String json(@Nullable String extra, String key) {
        if (extra == null || extra.isBlank()) {
            return null;
        }
        var m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\s]+)")
                .matcher(extra);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2).replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\")
                : m.group(1);
    }

    private static String epoch(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }
}
