package kz.hotline114.calls;
import java.util.Locale;

/** Who ended the call. */
public enum HangupSide {
    /** The caller's side sent the hang-up (AMI {@code HangupRequest} on the inbound leg). */
    CALLER,
    /** The specialist's phone hung up (agent hang-up). */
    SPECIALIST,
    /** The PBX ended the call itself (end of the IVR, queue timeout, wrong-number message). */
    PBX;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
