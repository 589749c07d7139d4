package kz.hotline114.pbx;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the app knows about its AMI link right now.
 *
 * @param demo       true when the link goes to the built-in demo PBX (recorded traffic), not a real Asterisk
 * @param reconnects successful logins after the first one
 * @param received   event packets read off the socket
 * @param journaled  events committed to the journal
 * @param dropped    events lost because the hand-off to the journal was full (never silent: logged and counted)
 * @param malformed  packets that could not be read as an event (logged and skipped)
 * @param userEvents {@code Hotline*} user events Asterisk-Java delivered as typed events (registration works)
 */
public record PbxLinkStatus(String pbxId, String host, int port, boolean demo, State state,
                            @Nullable Instant since, @Nullable String lastError,
                            long reconnects, long received, long journaled, long dropped, long malformed,
                            long userEvents) {

    public enum State { CONNECTING, CONNECTED, DISCONNECTED, STOPPED }
}
