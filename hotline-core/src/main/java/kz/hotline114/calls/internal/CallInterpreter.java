package kz.hotline114.calls.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallOutcome;
import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.HangupSide;
import kz.hotline114.calls.IvrMenu;
import kz.hotline114.calls.PhoneNumbers;
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
        var name = e.name().toLowerCase(Locale.ROOT);
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
    public Optional<Call> interpret(CallKey key, List<AmiEvent> rawEvents) {
        boolean recovered = PbxRecords.present(rawEvents);
        var raw = RawCall.read(key.linkedid(), ordered(recovered ? PbxRecords.asChannelEvents(rawEvents) : rawEvents));
        if (raw == null) {
            return Optional.empty();
        }
        Instant endedAt = firstNonNull(raw.inboundHangup, raw.callEndEvent, raw.linkedidEnd);
        Instant clock = endedAt != null ? endedAt : raw.lastEventAt;
        var verdict = classify(raw, endedAt);
        var number = PhoneNumbers.describe(raw.callerRaw);
        return Optional.of(new Call(key.pbxId(), key.linkedid(), raw.startedAt, raw.ivrAnswered, endedAt, number.e164(),
                number.withheld(), blankToNull(raw.callerRaw), displayName(raw.callerName), number.operator(),
                number.region(), blankToNull(raw.dialled), raw.choice, raw.queues, waitSeconds(raw, clock),
                raw.answeredBy, talkSeconds(raw, clock), raw.transfers, hangupSide(raw, endedAt), verdict.outcome(),
                verdict.reason(), false, recovered));
    }

    /** The call's steps for a person reading its history: gathered by the same handlers as the call itself. */
    public List<CallStep> timeline(List<AmiEvent> rawEvents) {
        var events = ordered(PbxRecords.present(rawEvents) ? PbxRecords.asChannelEvents(rawEvents) : rawEvents);
        var raw = RawCall.read("", events);
        return raw == null ? new ArrayList<>() : raw.steps;
    }

    // --- classification: what the gathered facts mean -----------------------------------------

    private record Verdict(CallOutcome outcome, @Nullable WrongNumberReason reason) {
    }

    private Verdict classify(RawCall c, @Nullable Instant endedAt) {
        if (endedAt == null) {
            return new Verdict(CallOutcome.IN_PROGRESS, null);
        }
        if (!c.answeredBy.isEmpty()) {
            return new Verdict(CallOutcome.ANSWERED, null);
        }
        if (!c.queues.isEmpty()) {
            boolean pbxGaveUp = c.queueExitStatus != null
                    && PBX_GAVE_UP.contains(c.queueExitStatus.toUpperCase(Locale.ROOT));
            return new Verdict(pbxGaveUp ? CallOutcome.UNANSWERED : CallOutcome.ABANDONED, null);
        }
        if (c.filtered) { // the PBX sends it only when the caller pressed no key after the message
            return new Verdict(CallOutcome.WRONG_NUMBER, WrongNumberReason.FILTERED);
        }
        if (c.declared || menu.wrongNumberKey().equals(c.choice)) {
            return new Verdict(CallOutcome.WRONG_NUMBER, WrongNumberReason.DECLARED);
        }
        if (c.choice != null && !menu.offers(c.choice)) {
            return new Verdict(CallOutcome.INVALID_CHOICE, null);
        }
        if (c.noInput) {
            return new Verdict(CallOutcome.NO_INPUT, null);
        }
        if (c.choice == null) {
            var answered = c.ivrAnswered != null ? c.ivrAnswered : c.startedAt;
            return Duration.between(answered, endedAt).compareTo(shortCall) < 0
                    ? new Verdict(CallOutcome.WRONG_NUMBER, WrongNumberReason.SHORT_CALL)
                    : new Verdict(CallOutcome.IVR_ABANDONED, null);
        }
        // chose a queue but hung up before entering it
        return new Verdict(CallOutcome.IVR_ABANDONED, null);
    }

    /** Wait in the first queue: from joining it to leaving it (or to the first answer), or until now. */
    private static @Nullable Integer waitSeconds(RawCall c, Instant clock) {
        if (c.firstQueueJoin == null) {
            return null;
        }
        var exit = c.firstQueueExit != null ? c.firstQueueExit : clock;
        return seconds(Duration.between(c.firstQueueJoin, exit));
    }

    /** Talk: the time the inbound leg spent bridged, from the first specialist's answer on (DD002). */
    private static @Nullable Integer talkSeconds(RawCall c, Instant clock) {
        if (c.firstConnect == null) {
            return null;
        }
        var intervals = new ArrayList<>(c.bridgeIntervals);
        if (c.bridgeEnteredAt != null) {
            intervals.add(new Instant[] {c.bridgeEnteredAt, clock});
        }
        long millis = 0;
        var from = c.firstConnect.minusSeconds(1);
        for (var iv : intervals) {
            if (!iv[1].isBefore(from)) {
                var start = iv[0].isBefore(c.firstConnect) ? c.firstConnect : iv[0];
                millis += Math.max(0, Duration.between(start, iv[1]).toMillis());
            }
        }
        if (intervals.isEmpty()) {
            millis = Duration.between(c.firstConnect, clock).toMillis();
        }
        return seconds(Duration.ofMillis(millis));
    }

    /** Who ended the call: the caller's hang-up request, a specialist's within 2 s of the end, else the PBX. */
    private static @Nullable HangupSide hangupSide(RawCall c, @Nullable Instant endedAt) {
        if (endedAt == null) {
            return null;
        }
        var end = c.inboundHangup != null ? c.inboundHangup : endedAt;
        if (c.lastCallerHangupRequest != null && !c.lastCallerHangupRequest.isAfter(end.plusSeconds(1))
                && (c.lastSpecialistHangup == null || !c.lastSpecialistHangup.isAfter(c.lastCallerHangupRequest))) {
            return HangupSide.CALLER;
        }
        if (c.lastSpecialistHangup != null && !c.answeredBy.isEmpty()
                && Duration.between(c.lastSpecialistHangup, end).abs().compareTo(Duration.ofSeconds(2)) <= 0) {
            return HangupSide.SPECIALIST;
        }
        return HangupSide.PBX;
    }

    // --- helpers -------------------------------------------------------------------------------

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

    private static @Nullable String displayName(@Nullable String name) {
        return RawCall.isBlankId(name) || "Anonymous".equalsIgnoreCase(name) ? null : name;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
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
