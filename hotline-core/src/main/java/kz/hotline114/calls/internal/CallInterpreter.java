package kz.hotline114.calls.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.HangupSide;
import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.calls.Transfer;
import kz.hotline114.calls.WrongNumberReason;
import kz.hotline114.pbx.AmiEvent;

/**
 * Turns all AMI events of one Linkedid into one call record. A pure function of the events
 * (in any arrival order, duplicates allowed), so live ingestion, a replay and a rebuild from
 * the journal give the same row.
 *
 * <p>Telephony facts it relies on (see the fixtures README):
 * <ul>
 * <li>the inbound leg is the channel created in context {@code from-trunk} in state Ring (4);
 *     an outbound trunk leg (a callback) is created there too, but in state Down with exten {@code s};</li>
 * <li>Local channel halves ({@code ;1}/{@code ;2}), specialist legs, CDRs and CEL records share the
 *     caller's Linkedid and are parts of the call, never calls;</li>
 * <li>talk time is measured from the inbound leg's bridge membership, not from AgentComplete's
 *     TalkTime, which after an AMI Redirect is reported at the very end and overstates the
 *     first specialist's time (docs/decisions/DD002);</li>
 * <li>Asterisk 22 reports a queue timeout as {@code QueueCallerAbandon} too; the queue-exit status
 *     ({@code QUEUESTATUS}) tells a timeout from a caller who hung up (docs/decisions/DD003).</li>
 * </ul>
 * When the PBX's own records of the call were journaled (the link missed some of it), the call is read from
 * them instead ({@link PbxRecords}) and marked recovered.
 */
public final class CallInterpreter {

    /** Events the interpreter reads; everything else (VarSet, Newexten, RTCP, MOH, …) is journaled but ignored. */
    private static final Set<String> RELEVANT = Set.of("newchannel", "newstate", "newcallerid", "hangup",
            "hanguprequest", "softhanguprequest", "userevent", "queuecallerjoin", "queuecallerleave",
            "queuecallerabandon", "agentcalled", "agentconnect", "agentcomplete", "agentringnoanswer", "agentdump",
            "bridgeenter", "bridgeleave", "blindtransfer", "attendedtransfer", "cel", "dialbegin", "dialend");

    private static final Set<String> PBX_GAVE_UP = Set.of("TIMEOUT", "FULL", "JOINEMPTY", "LEAVEEMPTY",
            "JOINUNAVAIL", "LEAVEUNAVAIL");

    private final IvrMenu menu;
    private final Duration shortCall;

    public CallInterpreter(IvrMenu menu, Duration shortCall) {
        this.menu = menu;
        this.shortCall = shortCall;
    }

    /** True for events worth keeping in memory for interpretation. */
    public static boolean isRelevant(AmiEvent e) {
        if (e.isRecovered()) {
            return true;
        }
        var name = e.name().toLowerCase(java.util.Locale.ROOT);
        if (!RELEVANT.contains(name)) {
            return false;
        }
        if (name.equals("cel")) {
            var cel = e.getOr("EventName", "");
            return cel.equals("CHAN_START") || cel.equals("ANSWER") || cel.equals("LINKEDID_END");
        }
        return e.get("ActionID") == null;
    }

    /** The call these events make, or empty when they hold no inbound hotline call (a callback, noise). */
    public Optional<Call> interpret(String pbxId, String linkedid, List<AmiEvent> rawEvents) {
        boolean recovered = PbxRecords.present(rawEvents);
        var events = ordered(recovered ? PbxRecords.asChannelEvents(rawEvents) : rawEvents);
        var inbound = inboundLeg(events);
        if (inbound == null) {
            return Optional.empty();
        }
        var in = new Leg(inbound.uniqueid, inbound.channel);
        var startedAt = inbound.createdAt;

        String callerRaw = inbound.callerId;
        String callerName = inbound.callerName;
        String dialled = inbound.exten;
        Instant ivrAnswered = null;
        String choice = null;
        String readStatus = null;
        boolean declared = false;
        boolean noInput = false;
        String queueExitStatus = null;
        var queues = new ArrayList<String>();
        Instant firstQueueJoin = null;
        Instant firstQueueExit = null;
        var answeredBy = new ArrayList<String>();
        Instant firstConnect = null;
        var transfers = new ArrayList<Transfer>();
        var specialistLegs = new LinkedHashSet<String>();
        String currentMember = null;
        String currentQueue = null;
        Instant inboundHangup = null;
        Instant callEndEvent = null;
        Instant linkedidEnd = null;
        Instant lastCallerHangupRequest = null;
        Instant lastSpecialistHangup = null;
        var bridgeIntervals = new ArrayList<Instant[]>();
        Instant bridgeEnteredAt = null;
        Instant lastEventAt = startedAt;

        for (var e : events) {
            var name = e.name();
            var at = e.time();
            if (at.isAfter(lastEventAt)) {
                lastEventAt = at;
            }
            boolean onInbound = in.is(e);
            switch (name) {
                case "Newstate" -> {
                    if (onInbound && "6".equals(e.get("ChannelState")) && ivrAnswered == null) {
                        ivrAnswered = at;
                    }
                }
                case "NewCallerid" -> {
                    if (onInbound && isBlankId(callerRaw)) {
                        callerRaw = e.get("CallerIDNum");
                    }
                }
                case "CEL" -> {
                    var cel = e.getOr("EventName", "");
                    if (cel.equals("ANSWER") && in.uniqueid.equals(e.get("UniqueID")) && ivrAnswered == null) {
                        ivrAnswered = at;
                    } else if (cel.equals("LINKEDID_END")) {
                        linkedidEnd = at;
                    }
                }
                case "UserEvent" -> {
                    switch (e.userEventName()) {
                        case "HotlineIvr" -> {
                            var stage = e.getOr("Stage", "");
                            switch (stage) {
                                case "greeting" -> {
                                    var dnid = e.get("Dnid");
                                    if (dnid != null && !dnid.isBlank()) {
                                        dialled = dnid;
                                    }
                                    if (ivrAnswered == null) {
                                        ivrAnswered = at;
                                    }
                                }
                                case "choice" -> {
                                    choice = normaliseChoice(e.get("Choice"));
                                    readStatus = e.get("ReadStatus");
                                    if ("TIMEOUT".equalsIgnoreCase(readStatus) && choice == null) {
                                        noInput = true;
                                    }
                                }
                                case "no-input" -> noInput = true;
                                case "queue" -> {
                                    var q = e.getOr("Queue", "");
                                    if (!q.isEmpty()) {
                                        addQueue(queues, q);
                                        currentQueue = q;
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
                                }
                                default -> { }
                            }
                        }
                        case "HotlineWrongNumber" -> declared = true;
                        case "HotlineTransfer" -> {
                            var from = e.getOr("From", currentQueue == null ? "" : currentQueue);
                            var to = e.getOr("To", "");
                            transfers.add(new Transfer(from, to, at));
                            currentMember = null;
                        }
                        case "HotlineCallEnd" -> {
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
                            }
                        }
                        default -> { }
                    }
                }
                case "QueueCallerJoin" -> {
                    if (onInbound) {
                        var q = e.getOr("Queue", "");
                        if (!q.isEmpty()) {
                            addQueue(queues, q);
                            currentQueue = q;
                        }
                        if (firstQueueJoin == null || at.isBefore(firstQueueJoin)) {
                            firstQueueJoin = at;
                        }
                    }
                }
                case "QueueCallerLeave", "QueueCallerAbandon" -> {
                    if (onInbound && firstQueueJoin != null && firstQueueExit == null) {
                        firstQueueExit = at;
                    }
                }
                case "AgentConnect" -> {
                    if (onInbound || linkedid.equals(e.get("Linkedid"))) {
                        var member = memberName(e);
                        answeredBy.add(member);
                        currentMember = member;
                        var q = e.get("Queue");
                        if (q != null && !q.isEmpty()) {
                            addQueue(queues, q);
                            currentQueue = q;
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
                    }
                }
                case "AgentComplete" -> {
                    if ("agent".equalsIgnoreCase(e.get("Reason"))) {
                        lastSpecialistHangup = at;
                    }
                }
                case "BlindTransfer" -> {
                    var ctx = e.getOr("Context", "");
                    // a blind transfer into hotline-transfer also emits HotlineTransfer: counted there
                    if (!ctx.equals("hotline-transfer") && "Success".equalsIgnoreCase(e.getOr("Result", "Success"))) {
                        transfers.add(new Transfer(currentMember != null ? currentMember : orEmpty(currentQueue),
                                e.getOr("Extension", ""), at));
                    }
                }
                case "AttendedTransfer" -> {
                    if ("Success".equalsIgnoreCase(e.getOr("Result", ""))) {
                        transfers.add(new Transfer(currentMember != null ? currentMember : orEmpty(currentQueue),
                                transferTarget(e, events), at));
                    }
                }
                case "HangupRequest" -> {
                    if (onInbound) {
                        lastCallerHangupRequest = at;
                    } else if (specialistLegs.contains(e.uniqueid()) && e.getOr("Channel", "").startsWith("PJSIP/")) {
                        lastSpecialistHangup = at;
                    }
                }
                case "BridgeEnter" -> {
                    if (onInbound && bridgeEnteredAt == null) {
                        bridgeEnteredAt = at;
                    }
                }
                case "BridgeLeave" -> {
                    if (onInbound && bridgeEnteredAt != null) {
                        bridgeIntervals.add(new Instant[] {bridgeEnteredAt, at});
                        bridgeEnteredAt = null;
                    }
                }
                case "Hangup" -> {
                    if (onInbound) {
                        inboundHangup = at;
                    }
                }
                default -> { }
            }
        }

        Instant endedAt = firstNonNull(inboundHangup, callEndEvent, linkedidEnd);
        boolean finished = endedAt != null;
        Instant clock = finished ? endedAt : lastEventAt;
        if (bridgeEnteredAt != null) {
            bridgeIntervals.add(new Instant[] {bridgeEnteredAt, clock});
        }

        // wait in the first queue
        Integer wait = null;
        if (firstQueueJoin != null) {
            var exit = firstQueueExit != null ? firstQueueExit : clock;
            wait = seconds(Duration.between(firstQueueJoin, exit));
        }

        // talk: time the inbound leg spent bridged, from the first specialist's answer on
        Integer talk = null;
        if (firstConnect != null) {
            long millis = 0;
            var from = firstConnect.minusSeconds(1);
            for (var iv : bridgeIntervals) {
                if (!iv[1].isBefore(from)) {
                    var start = iv[0].isBefore(firstConnect) ? firstConnect : iv[0];
                    millis += Math.max(0, Duration.between(start, iv[1]).toMillis());
                }
            }
            if (bridgeIntervals.isEmpty()) {
                millis = Duration.between(firstConnect, clock).toMillis();
            }
            talk = seconds(Duration.ofMillis(millis));
        }

        HangupSide hangupBy = null;
        if (finished) {
            var end = inboundHangup != null ? inboundHangup : endedAt;
            if (lastCallerHangupRequest != null && !lastCallerHangupRequest.isAfter(end.plusSeconds(1))
                    && (lastSpecialistHangup == null || !lastSpecialistHangup.isAfter(lastCallerHangupRequest))) {
                hangupBy = HangupSide.CALLER;
            } else if (lastSpecialistHangup != null && !answeredBy.isEmpty()
                    && Duration.between(lastSpecialistHangup, end).abs().compareTo(Duration.ofSeconds(2)) <= 0) {
                hangupBy = HangupSide.SPECIALIST;
            } else {
                hangupBy = HangupSide.PBX;
            }
        }

        CallOutcome outcome;
        WrongNumberReason reason = null;
        if (!finished) {
            outcome = CallOutcome.IN_PROGRESS;
        } else if (!answeredBy.isEmpty()) {
            outcome = CallOutcome.ANSWERED;
        } else if (!queues.isEmpty()) {
            outcome = queueExitStatus != null && PBX_GAVE_UP.contains(queueExitStatus.toUpperCase(java.util.Locale.ROOT))
                    ? CallOutcome.UNANSWERED : CallOutcome.ABANDONED;
        } else if (declared || menu.wrongNumberKey().equals(choice)) {
            outcome = CallOutcome.WRONG_NUMBER;
            reason = WrongNumberReason.DECLARED;
        } else if (choice != null && !menu.offers(choice)) {
            outcome = CallOutcome.INVALID_CHOICE;
        } else if (noInput) {
            outcome = CallOutcome.NO_INPUT;
        } else if (choice == null) {
            var answered = ivrAnswered != null ? ivrAnswered : startedAt;
            if (Duration.between(answered, endedAt).compareTo(shortCall) < 0) {
                outcome = CallOutcome.WRONG_NUMBER;
                reason = WrongNumberReason.SHORT_CALL;
            } else {
                outcome = CallOutcome.IVR_ABANDONED;
            }
        } else {
            // chose a queue but hung up before entering it
            outcome = CallOutcome.IVR_ABANDONED;
        }

        var number = PhoneNumbers.describe(callerRaw);
        return Optional.of(new Call(pbxId, linkedid, startedAt, ivrAnswered, endedAt, number.e164(), number.withheld(),
                blankToNull(callerRaw), displayName(callerName), number.operator(), number.region(),
                blankToNull(dialled), choice, queues, wait, answeredBy, talk, transfers, hangupBy, outcome, reason,
                false, recovered));
    }

    /** The call's steps for a person reading its history. */
    public List<CallStep> timeline(List<AmiEvent> rawEvents) {
        var events = ordered(PbxRecords.present(rawEvents) ? PbxRecords.asChannelEvents(rawEvents) : rawEvents);
        var inbound = inboundLeg(events);
        var steps = new ArrayList<CallStep>();
        if (inbound == null) {
            return steps;
        }
        var in = new Leg(inbound.uniqueid, inbound.channel);
        steps.add(new CallStep(inbound.createdAt, CallStep.Kind.STARTED, orEmpty(inbound.callerId)));
        boolean answered = false;
        for (var e : events) {
            var at = e.time();
            boolean onInbound = in.is(e);
            switch (e.name()) {
                case "Newstate" -> {
                    if (onInbound && "6".equals(e.get("ChannelState")) && !answered) {
                        answered = true;
                        steps.add(new CallStep(at, CallStep.Kind.IVR_ANSWERED, ""));
                    }
                }
                case "UserEvent" -> {
                    switch (e.userEventName()) {
                        case "HotlineIvr" -> {
                            switch (e.getOr("Stage", "")) {
                                case "greeting" -> steps.add(new CallStep(at, CallStep.Kind.GREETING, e.getOr("Dnid", "")));
                                case "choice" -> steps.add(new CallStep(at, CallStep.Kind.CHOICE, e.getOr("Choice", "")));
                                case "no-input" -> steps.add(new CallStep(at, CallStep.Kind.NO_INPUT, ""));
                                case "queue-exit" -> steps.add(new CallStep(at, CallStep.Kind.QUEUE_LEFT,
                                        e.getOr("Queue", "") + " " + e.getOr("QueueStatus", "")));
                                default -> { }
                            }
                        }
                        case "HotlineWrongNumber" -> steps.add(new CallStep(at, CallStep.Kind.WRONG_NUMBER, e.getOr("Intended", "")));
                        case "HotlineTransfer" -> steps.add(new CallStep(at, CallStep.Kind.TRANSFER,
                                e.getOr("From", "") + " → " + e.getOr("To", "")));
                        default -> { }
                    }
                }
                case "QueueCallerJoin" -> {
                    if (onInbound) {
                        steps.add(new CallStep(at, CallStep.Kind.QUEUE_JOINED, e.getOr("Queue", "")));
                    }
                }
                case "QueueCallerAbandon" -> {
                    if (onInbound) {
                        steps.add(new CallStep(at, CallStep.Kind.ABANDONED, e.getOr("Queue", "")));
                    }
                }
                case "AgentCalled" -> steps.add(new CallStep(at, CallStep.Kind.RINGING, memberName(e)));
                case "AgentRingNoAnswer" -> steps.add(new CallStep(at, CallStep.Kind.RING_NO_ANSWER, memberName(e)));
                case "AgentConnect" -> steps.add(new CallStep(at, CallStep.Kind.ANSWERED, memberName(e)));
                case "AttendedTransfer", "BlindTransfer" -> {
                    if ("Success".equalsIgnoreCase(e.getOr("Result", "Success"))) {
                        steps.add(new CallStep(at, CallStep.Kind.TRANSFER, e.name().equals("AttendedTransfer")
                                ? transferTarget(e, events) : e.getOr("Extension", "")));
                    }
                }
                case "HangupRequest" -> steps.add(new CallStep(at, CallStep.Kind.HANGUP_REQUEST, e.getOr("Channel", "")));
                case "Hangup" -> {
                    if (onInbound) {
                        steps.add(new CallStep(at, CallStep.Kind.ENDED, e.getOr("Cause-txt", e.getOr("Cause", ""))));
                    }
                }
                default -> { }
            }
        }
        return steps;
    }

    // --- helpers -------------------------------------------------------------------------------

    private record Inbound(String uniqueid, String channel, Instant createdAt, @Nullable String callerId,
                           @Nullable String callerName, @Nullable String exten) {
    }

    private record Leg(String uniqueid, String channel) {
        boolean is(AmiEvent e) {
            var u = e.uniqueid();
            if (u != null) {
                return u.equals(uniqueid);
            }
            return channel.equals(e.get("Channel"));
        }
    }

    private static @Nullable Inbound inboundLeg(List<AmiEvent> events) {
        for (var e : events) {
            if (e.name().equals("Newchannel") && "from-trunk".equals(e.get("Context"))) {
                var state = e.get("ChannelState");
                boolean ringing = state != null ? state.equals("4") : !"s".equals(e.get("Exten"));
                if (ringing && e.uniqueid() != null) {
                    return new Inbound(e.uniqueid(), e.getOr("Channel", ""), e.time(), e.get("CallerIDNum"),
                            e.get("CallerIDName"), e.get("Exten"));
                }
            }
        }
        // joined mid-call (the link came up after the channel was created): the IVR runs on the inbound leg
        for (var e : events) {
            if (e.name().equals("CEL") && "CHAN_START".equals(e.get("EventName")) && "from-trunk".equals(e.get("Context"))
                    && !"s".equals(e.get("Exten")) && e.get("UniqueID") != null) {
                return new Inbound(e.get("UniqueID"), e.getOr("Channel", ""), e.time(), e.get("CallerIDnum"),
                        e.get("CallerIDname"), e.get("Exten"));
            }
        }
        for (var e : events) {
            if (e.userEventName().startsWith("Hotline") && e.uniqueid() != null) {
                return new Inbound(e.uniqueid(), e.getOr("Channel", ""), events.getFirst().time(), e.get("CallerIDNum"),
                        e.get("CallerIDName"), null);
            }
        }
        return null;
    }

    /** Journal order is arrival order; the PBX's own timestamps say what really came first. Exact duplicates go. */
    private static List<AmiEvent> ordered(List<AmiEvent> events) {
        var unique = new LinkedHashMap<String, AmiEvent>();
        for (var e : events) {
            if (isRelevant(e)) {
                unique.putIfAbsent(e.raw(), e);
            }
        }
        var list = new ArrayList<>(unique.values());
        list.sort(Comparator.comparing(AmiEvent::time));
        return list;
    }

    private static String transferTarget(AmiEvent e, List<AmiEvent> events) {
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
                if (ch.matches("^[A-Z]+/" + java.util.regex.Pattern.quote(ext) + "-.*") && name != null
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

    private static void addQueue(List<String> queues, String q) {
        if (queues.isEmpty() || !queues.getLast().equals(q)) {
            queues.add(q);
        }
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

    private static boolean isBlankId(@Nullable String s) {
        return s == null || s.isBlank() || s.equals("<unknown>");
    }

    private static @Nullable String displayName(@Nullable String name) {
        return isBlankId(name) || "Anonymous".equalsIgnoreCase(name) ? null : name;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(T... values) {
        for (var v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static int seconds(Duration d) {
        return (int) Math.round(d.toMillis() / 1000.0);
    }
}
