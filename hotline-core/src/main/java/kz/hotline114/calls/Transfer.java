package kz.hotline114.calls;

import java.time.Instant;

/**
 * A hand-over of the caller during the call. For a transfer into another queue (the
 * {@code hotline-transfer} context, {@code HotlineTransfer} user event) {@code from} and
 * {@code to} are queue names; for a transfer straight to a person (attended transfer, blind
 * transfer to an extension) they are the specialist's member name and the target's name or extension.
 */
public record Transfer(String from, String to, Instant at) {
}
