package kz.hotline114.risk;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import kz.hotline114.calls.CallKey;

/**
 * A supervisor on a live call (issue 19): their own desk phone rings and, answered, joins the specialist's leg of the
 * call — listening silently, whispering to the specialist only, or joining both (AMI Originate into the dialplan's
 * [hotline-spy], which only AMI reaches and which checks the application's token). Supervisors and admins only; every
 * use audited; the specialist's desk shows that a supervisor is on the call.
 */
public interface Supervision {

    enum Mode {
        LISTEN, WHISPER, BARGE;

        /** The extension of [hotline-spy] for this mode. */
        public String exten() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The signed-in supervisor's linked phone ({@code PJSIP/301}), if any. */
    Optional<String> myPhone();

    /** Links (or with null/blank unlinks) the signed-in supervisor's desk phone. @throws InvalidRisk {@code phone} */
    void linkMyPhone(@Nullable String phone);

    /**
     * Rings my phone and joins the call's specialist leg in this mode.
     *
     * @throws InvalidRisk {@code phone} none linked, {@code call} not answered on a specialist's phone now
     */
    void join(CallKey call, Mode mode);
}
