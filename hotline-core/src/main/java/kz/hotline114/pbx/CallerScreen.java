package kz.hotline114.pbx;

import org.jspecify.annotations.Nullable;

/**
 * What the PBX asks about each inbound caller before the menu (issue 17): whether the number is a known misdialer, who
 * hears the 1414 message first. The real Asterisk asks over HTTP ({@code /pbx/misdialer}); the demo PBX asks this bean
 * directly. Implemented by the call log ({@code calls.Misdialers}), which knows the calls.
 */
public interface CallerScreen {

    /** Whether a call from {@code number} should hear the 1414 message first; false for an unknown or withheld one. */
    boolean isMisdialer(@Nullable String number);
}
