package kz.hotline114.amisim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The demo PBX's known misdialers (issue 17): the recorded call of a caller who pressed 0 ("I meant 1414") played as
 * the dialplan's {@code [hotline-misdialer]} ends it for a number the application knows — the 1414 message, no key,
 * the PBX hangs up: no menu choice, {@code HotlineWrongNumber Reason: filtered}, the hang-up handler's and the CDR's
 * stage {@code filtered}, no choice. Timing and every other event stay as recorded.
 */
final class FilterSimulation {

    private FilterSimulation() {
    }

    /** Whether a scenario is a declared wrong number (its caller pressed the wrong-number key). */
    static boolean isDeclaredWrongNumber(List<AmiPacket> scenario) {
        return scenario.stream().anyMatch(p -> isUserEvent(p, "HotlineWrongNumber")
                && "declared".equalsIgnoreCase(p.get("Reason")));
    }

    /** The caller's number: the first channel's {@code CallerIDNum}. */
    static @Nullable String callerNumber(List<AmiPacket> scenario) {
        return scenario.stream().filter(p -> "Newchannel".equalsIgnoreCase(p.event())).map(p -> p.get("CallerIDNum"))
                .findFirst().orElse(null);
    }

    /** The same call ended by the filter, as the dialplan would have logged it. */
    static List<AmiPacket> filtered(List<AmiPacket> declared) {
        var out = new ArrayList<AmiPacket>(declared.size());
        for (AmiPacket p : declared) {
            if (isUserEvent(p, "HotlineIvr") && "choice".equalsIgnoreCase(p.get("Stage"))) {
                continue; // the menu was never reached
            }
            var headers = new ArrayList<AmiPacket.Header>(p.headers().size());
            for (AmiPacket.Header h : p.headers()) {
                headers.add(new AmiPacket.Header(h.key(), value(p, h)));
            }
            out.add(new AmiPacket(headers));
        }
        return out;
    }

    private static @Nullable String value(AmiPacket p, AmiPacket.Header h) {
        String v = h.value();
        if (v == null) {
            return null;
        }
        String key = h.key().toLowerCase(Locale.ROOT);
        if (isUserEvent(p, "HotlineWrongNumber") && key.equals("reason")) {
            return "filtered";
        }
        if (isUserEvent(p, "HotlineCallEnd") && key.equals("choice")) {
            return "none";
        }
        if ("Cdr".equalsIgnoreCase(p.event()) && key.equals("hotlinechoice")) {
            return "none";
        }
        boolean stageValue = isUserEvent(p, "HotlineCallEnd") && key.equals("stage")
                || "VarSet".equalsIgnoreCase(p.event()) && "HOTLINE_STAGE".equals(p.get("Variable")) && key.equals("value");
        if (stageValue && v.equals("wrong-number")) {
            return "filtered";
        }
        return v.replace("stage=wrong-number", "stage=filtered").replace("HOTLINE_STAGE=wrong-number",
                "HOTLINE_STAGE=filtered").replace("Reason: declared", "Reason: filtered");
    }

    private static boolean isUserEvent(AmiPacket p, String name) {
        return "UserEvent".equalsIgnoreCase(p.event()) && name.equalsIgnoreCase(p.get("UserEvent"));
    }
}
