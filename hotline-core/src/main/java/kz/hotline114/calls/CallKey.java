package kz.hotline114.calls;

import java.util.Objects;

/**
 * Which call: the PBX it came through and its Asterisk {@code Linkedid} (unique per PBX, not across PBXs). The
 * one key of a call in the call log and its API.
 */
public record CallKey(String pbxId, String linkedid) {

    public CallKey {
        Objects.requireNonNull(pbxId, "pbxId");
        Objects.requireNonNull(linkedid, "linkedid");
    }

    /** {@code pbx-114/1795437466.0}, as the audit log names a call. */
    @Override
    public String toString() {
        return pbxId + "/" + linkedid;
    }
}
