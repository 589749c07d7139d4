package kz.hotline114.calls.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.Transfer;
import kz.hotline114.pbx.AmiEvent;

/**
 * What the events of one call say, gathered event by event: one small handler per event kind records the facts
 * (times, choices, queues, who answered, transfers, who hung up) and the steps a person reads in the call's
 * history. Nothing is decided here; {@link CallInterpreter} reads the figures and the outcome from these facts
 * afterwards (as wazo-call-logd's interpreter separates gathering from classification).
 */
final class RawCall {

    /** The caller's channel: the one created in {@code from-trunk} ringing (or found mid-call). */
    record Leg(String uniqueid, String channel) {
        boolean is(AmiEvent e) {
            var u = e.uniqueid();
            if (u != null) {
                return u.equals(uniqueid);
            }
            return channel.equals(e.get("Channel"));
        }
    }

    final String linkedid;
    final Leg in;
    final Instant startedAt;
    private final List<AmiEvent> events;

    @Nullable String callerRaw;
    @Nullable String callerName;
    @Nullable String dialled;
    @Nullable Instant ivrAnswered;
    @Nullable String choice;
    boolean declared;
    /** The PBX played the 1414 message to a known misdialer, who pressed no key ({@code HotlineWrongNumber Reason: filtered}). */
    boolean filtered;
    boolean noInput;
    @Nullable String queueExitStatus;
    final List<String> queues = new ArrayList<>();
    @Nullable Instant firstQueueJoin;
    @Nullable Instant firstQueueExit;
    final List<String> answeredBy = new ArrayList<>();
    @Nullable Instant firstConnect;
    final List<Transfer> transfers = new ArrayList<>();
    private final Set<String> specialistLegs = new LinkedHashSet<>();
    /** The specialists' channels (AgentConnect's DestChannel) without the Local half's suffix. */
    private final Set<String> specialistChannels = new LinkedHashSet<>();
    private @Nullable String currentMember;
    private @Nullable String currentQueue;
    @Nullable Instant inboundHangup;
    @Nullable Instant callEndEvent;
    @Nullable Instant linkedidEnd;
    @Nullable Instant lastCallerHangupRequest;
    @Nullable Instant lastSpecialistHangup;
    final List<Instant[]> bridgeIntervals = new ArrayList<>();
    @Nullable Instant bridgeEnteredAt;
    Instant lastEventAt;

    /** The call's history for a person (the timeline). */
    final List<CallStep> steps = new ArrayList<>();
    private boolean answerStepShown;

    private RawCall(String linkedid, Leg in, Instant startedAt, @Nullable String callerRaw, @Nullable String callerName,
                    @Nullable String dialled, List<AmiEvent> events) {
        this.linkedid = linkedid;
        this.in = in;
        this.startedAt = startedAt;
        this.callerRaw = callerRaw;
        this.callerName = callerName;
        this.dialled = dialled;
        this.events = events;
        this.lastEventAt = startedAt;
        steps.add(new CallStep(startedAt, CallStep.Kind.STARTED, orEmpty(callerRaw)));
    }

    /** The facts of these events (ordered, deduplicated), or null when they hold no inbound hotline call. */
    static @Nullable RawCall read(String linkedid, List<AmiEvent> events) {
        var call = start(linkedid, events);
        if (call != null) {
            for (var e : events) {
                call.apply(e);
            }
        }
        return call;
    }

    private static @Nullable RawCall start(String linkedid, List<AmiEvent> events) {
        for (var e : events) {
            if (e.name().equals("Newchannel") && "from-trunk".equals(e.get("Context"))) {
                var state = e.get("ChannelState");
                boolean ringing = state != null ? state.equals("4") : !"s".equals(e.get("Exten"));
                if (ringing && e.uniqueid() != null) {
                    return new RawCall(linkedid, new Leg(e.uniqueid(), e.getOr("Channel", "")), e.time(),
                            e.get("CallerIDNum"), e.get("CallerIDName"), e.get("Exten"), events);
                }
            }
        }
        // joined mid-call (the link came up after the channel was created): the IVR runs on the inbound leg
        for (var e : events) {
            if (e.name().equals("CEL") && "CHAN_START".equals(e.get("EventName")) && "from-trunk".equals(e.get("Context"))
                    && !"s".equals(e.get("Exten")) && e.get("UniqueID") != null) {
                return new RawCall(linkedid, new Leg(e.get("UniqueID"), e.getOr("Channel", "")), e.time(),
                        e.get("CallerIDnum"), e.get("CallerIDname"), e.get("Exten"), events);
            }
        }
        for (var e : events) {
            if (e.userEventName().startsWith("Hotline") && e.uniqueid() != null) {
                return new RawCall(linkedid, new Leg(e.uniqueid(), e.getOr("Channel", "")), events.getFirst().time(),
                        e.get("CallerIDNum"), e.get("CallerIDName"), null, events);
            }
        }
        return null;
    }

    /** One event: the handler of its kind. */
    void apply(AmiEvent e) {
        var at = e.time();
        if (at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
        boolean onInbound = in.is(e);
        switch (e.name()) {
            case "Newstate" -> onNewstate(e, at, onInbound);
            case "NewCallerid" -> onNewCallerid(e, onInbound);
            case "CEL" -> onCel(e, at);
            case "UserEvent" -> onUserEvent(e, at);
            case "QueueCallerJoin" -> onQueueCallerJoin(e, at, onInbound);
            case "QueueCallerLeave" -> onQueueCallerLeave(at, onInbound);
            case "QueueCallerAbandon" -> onQueueCallerAbandon(e, at, onInbound);
            case "AgentCalled" -> steps.add(new CallStep(at, CallStep.Kind.RINGING, memberName(e)));
            case "AgentRingNoAnswer" -> steps.add(new CallStep(at, CallStep.Kind.RING_NO_ANSWER, memberName(e)));
            case "AgentConnect" -> onAgentConnect(e, at, onInbound);
            case "AgentComplete" -> onAgentComplete(e, at);
            case "BlindTransfer" -> onBlindTransfer(e, at);
            case "AttendedTransfer" -> onAttendedTransfer(e, at);
            case "HangupRequest" -> onHangupRequest(e, at, onInbound);
            case "BridgeEnter" -> onBridgeEnter(at, onInbound);
            case "BridgeLeave" -> onBridgeLeave(at, onInbound);
            case "Hangup" -> onHangup(e, at, onInbound);
            default -> { }
        }
    }

    private void onNewstate(AmiEvent e, Instant at, boolean onInbound) {
        if (onInbound && "6".equals(e.get("ChannelState"))) {
            if (ivrAnswered == null) {
                ivrAnswered = at;
            }
            if (!answerStepShown) {
                answerStepShown = true;
                steps.add(new CallStep(at, CallStep.Kind.IVR_ANSWERED, ""));
            }
        }
    }

    private void onNewCallerid(AmiEvent e, boolean onInbound) {
        if (onInbound && isBlankId(callerRaw)) {
            callerRaw = e.get("CallerIDNum");
        }
    }

    private void onCel(AmiEvent e, Instant at) {
        var cel = e.getOr("EventName", "");
        if (cel.equals("ANSWER") && in.uniqueid().equals(e.get("UniqueID")) && ivrAnswered == null) {
            ivrAnswered = at;
        } else if (cel.equals("LINKEDID_END")) {
            linkedidEnd = at;
        } else if (cel.equals("HANGUP") && specialistChannels.contains(base(e.getOr("Channel", "")))) {
            // a specialist's leg ended by its own side (its phone, the dialplan of a Local member), not torn down by
            // the caller's hang-up: app_queue's AgentComplete may say "caller" when both halves of a Local member
            // leave the bridge at once (seen on the real Asterisk 22), so the record of the hang-up decides
            var source = PbxRecords.json(e.get("Extra"), "hangupsource");
            if (source != null && !source.isBlank() && !base(source).equals(base(in.channel()))) {
                lastSpecialistHangup = at;
            }
        }
    }

    /** A channel without its Local half ({@code ;1}/{@code ;2}): both halves are one leg. */
    private static String base(String channel) {
        return channel.replaceFirst(";\\d$", "");
    }

    private void onUserEvent(AmiEvent e, Instant at) {
        switch (e.userEventName()) {
            case "HotlineIvr" -> onHotlineIvr(e, at);
            case "HotlineWrongNumber" -> {
                // "filtered": a known misdialer heard the 1414 message and pressed no key; else the caller pressed 0
                if ("filtered".equalsIgnoreCase(e.getOr("Reason", ""))) {
                    filtered = true;
                } else {
                    declared = true;
                }
                steps.add(new CallStep(at, CallStep.Kind.WRONG_NUMBER, e.getOr("Intended", "")));
            }
            case "HotlineTransfer" -> {
                transfers.add(new Transfer(e.getOr("From", orEmpty(currentQueue)), e.getOr("To", ""), at));
                currentMember = null;
                steps.add(new CallStep(at, CallStep.Kind.TRANSFER, e.getOr("From", "") + " → " + e.getOr("To", "")));
            }
            case "HotlineCallEnd" -> onHotlineCallEnd(e, at);
            default -> { }
        }
    }

    private void onHotlineIvr(AmiEvent e, Instant at) {
        switch (e.getOr("Stage", "")) {
            case "greeting" -> {
                var dnid = e.get("Dnid");
                if (dnid != null && !dnid.isBlank()) {
                    dialled = dnid;
                }
                if (ivrAnswered == null) {
                    ivrAnswered = at;
                }
                steps.add(new CallStep(at, CallStep.Kind.GREETING, e.getOr("Dnid", "")));
            }
            case "choice" -> {
                choice = normaliseChoice(e.get("Choice"));
                if ("TIMEOUT".equalsIgnoreCase(e.get("ReadStatus")) && choice == null) {
                    noInput = true;
                }
                steps.add(new CallStep(at, CallStep.Kind.CHOICE, e.getOr("Choice", "")));
            }
            case "no-input" -> {
                noInput = true;
                steps.add(new CallStep(at, CallStep.Kind.NO_INPUT, ""));
            }
            case "queue" -> {
                var q = e.getOr("Queue", "");
                if (!q.isEmpty()) {
                    joined(q);
                    if (firstQueueJoin == null) {
                        firstQueueJoin = at;
                    }
                }
            }
            case "queue-exit" -> {
                var s = e.getOr("QueueStatus", "");
                if (!s.isEmpty()) {
                    queueExitStatus = s;
                }
                steps.add(new CallStep(at, CallStep.Kind.QUEUE_LEFT, e.getOr("Queue", "") + " " + s));
            }
            default -> { }
        }
    }

    private void onHotlineCallEnd(AmiEvent e, Instant at) {
        callEndEvent = at;
        if (choice == null) {
            choice = normaliseChoice(e.get("Choice"));
        }
        var s = e.getOr("QueueStatus", "");
        if (!s.isEmpty() && queueExitStatus == null) {
            queueExitStatus = s;
        }
        if ("no-input".equals(e.get("Stage"))) {
            noInput = true;
        } else if ("filtered".equals(e.get("Stage"))) { // the hang-up after the 1414 message, if its UserEvent was lost
            filtered = true;
        }
    }

    private void onQueueCallerJoin(AmiEvent e, Instant at, boolean onInbound) {
        if (!onInbound) {
            return;
        }
        var q = e.getOr("Queue", "");
        if (!q.isEmpty()) {
            joined(q);
        }
        if (firstQueueJoin == null || at.isBefore(firstQueueJoin)) {
            firstQueueJoin = at;
        }
        steps.add(new CallStep(at, CallStep.Kind.QUEUE_JOINED, q));
    }

    private void onQueueCallerLeave(Instant at, boolean onInbound) {
        if (onInbound && firstQueueJoin != null && firstQueueExit == null) {
            firstQueueExit = at;
        }
    }

    private void onQueueCallerAbandon(AmiEvent e, Instant at, boolean onInbound) {
        onQueueCallerLeave(at, onInbound);
        if (onInbound) {
            steps.add(new CallStep(at, CallStep.Kind.ABANDONED, e.getOr("Queue", "")));
        }
    }

    private void onAgentConnect(AmiEvent e, Instant at, boolean onInbound) {
        steps.add(new CallStep(at, CallStep.Kind.ANSWERED, memberName(e)));
        if (!onInbound && !linkedid.equals(e.get("Linkedid"))) {
            return;
        }
        var member = memberName(e);
        answeredBy.add(member);
        currentMember = member;
        var q = e.get("Queue");
        if (q != null && !q.isEmpty()) {
            joined(q);
        }
        if (firstConnect == null) {
            firstConnect = at;
            if (firstQueueExit == null && firstQueueJoin != null) {
                firstQueueExit = at;
            }
        }
        var dest = e.get("DestUniqueid");
        if (dest != null) {
            specialistLegs.add(dest);
        }
        var destChannel = e.get("DestChannel");
        if (destChannel != null) {
            specialistChannels.add(base(destChannel));
        }
    }

    private void onAgentComplete(AmiEvent e, Instant at) {
        if ("agent".equalsIgnoreCase(e.get("Reason"))) {
            lastSpecialistHangup = at;
        }
    }

    private void onBlindTransfer(AmiEvent e, Instant at) {
        if (!"Success".equalsIgnoreCase(e.getOr("Result", "Success"))) {
            return;
        }
        steps.add(new CallStep(at, CallStep.Kind.TRANSFER, e.getOr("Extension", "")));
        // a blind transfer into hotline-transfer also emits HotlineTransfer: counted there
        if (!e.getOr("Context", "").equals("hotline-transfer")) {
            transfers.add(new Transfer(transferredFrom(), e.getOr("Extension", ""), at));
        }
    }

    private void onAttendedTransfer(AmiEvent e, Instant at) {
        if ("Success".equalsIgnoreCase(e.getOr("Result", "Success"))) {
            steps.add(new CallStep(at, CallStep.Kind.TRANSFER, transferTarget(e)));
        }
        if ("Success".equalsIgnoreCase(e.getOr("Result", ""))) {
            transfers.add(new Transfer(transferredFrom(), transferTarget(e), at));
        }
    }

    private void onHangupRequest(AmiEvent e, Instant at, boolean onInbound) {
        steps.add(new CallStep(at, CallStep.Kind.HANGUP_REQUEST, e.getOr("Channel", "")));
        if (onInbound) {
            lastCallerHangupRequest = at;
        } else if (specialistLegs.contains(e.uniqueid()) && e.getOr("Channel", "").startsWith("PJSIP/")) {
            lastSpecialistHangup = at;
        }
    }

    private void onBridgeEnter(Instant at, boolean onInbound) {
        if (onInbound && bridgeEnteredAt == null) {
            bridgeEnteredAt = at;
        }
    }

    private void onBridgeLeave(Instant at, boolean onInbound) {
        if (onInbound && bridgeEnteredAt != null) {
            bridgeIntervals.add(new Instant[] {bridgeEnteredAt, at});
            bridgeEnteredAt = null;
        }
    }

    private void onHangup(AmiEvent e, Instant at, boolean onInbound) {
        if (onInbound) {
            inboundHangup = at;
            steps.add(new CallStep(at, CallStep.Kind.ENDED, e.getOr("Cause-txt", e.getOr("Cause", ""))));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private void joined(String q) {
        if (queues.isEmpty() || !queues.getLast().equals(q)) {
            queues.add(q);
        }
        currentQueue = q;
    }

    private String transferredFrom() {
        return currentMember != null ? currentMember : orEmpty(currentQueue);
    }

    private String transferTarget(AmiEvent e) {
        // TransferTargetChannel is e.g. Local/203@phones-00000001;1: the extension dialled
        var named = e.get("TransferTargetCallerIDName");
        if (named != null && !isBlankId(named)) {
            return named;
        }
        var target = e.getOr("TransferTargetChannel", e.getOr("SecondTransfererChannel", ""));
        var ext = target.replaceFirst("^Local/([^@]+)@.*$", "$1").replaceFirst("^[A-Z]+/([^-]+)-.*$", "$1");
        Map<String, String> names = new HashMap<>();
        for (var x : events) {
            if (x.name().equals("Newchannel")) {
                var ch = x.getOr("Channel", "");
                var name = x.get("CallerIDName");
                if (ch.matches("^[A-Z]+/" + Pattern.quote(ext) + "-.*") && name != null
                        && !isBlankId(name)) {
                    names.put(ext, name);
                }
            }
        }
        return names.getOrDefault(ext, ext);
    }

    private static String memberName(AmiEvent e) {
        var m = e.get("MemberName");
        if (m != null && !m.isBlank()) {
            return m;
        }
        return e.getOr("Interface", e.getOr("DestChannel", "?"));
    }

    private static @Nullable String normaliseChoice(@Nullable String c) {
        if (c == null) {
            return null;
        }
        var s = c.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return null;
        }
        // a digit (the menu reads one); anything else is noise from a broken packet
        return s.length() == 1 && Character.isDigit(s.charAt(0)) ? s : (s.matches("[0-9*#]") ? s : null);
    }

    static boolean isBlankId(@Nullable String s) {
        return s == null || s.isBlank() || s.equals("<unknown>");
    }

    static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
