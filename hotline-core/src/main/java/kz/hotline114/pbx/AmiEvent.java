package kz.hotline114.pbx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One AMI event packet exactly as the PBX sent it, with where and when it was received.
 *
 * @param journalId position in the raw journal (ascending in arrival order per PBX)
 * @param pbxId     the PBX the event came from ({@code hotline.ami.pbx-id})
 * @param receivedAt when the app read the packet off the socket
 * @param headers   the packet's lines as (key, value) pairs in wire order; duplicates kept
 */
public record AmiEvent(long journalId, String pbxId, Instant receivedAt, List<Map.Entry<String, String>> headers) {

    /**
     * The header that marks a packet as taken from the PBX's own records ({@code cel} / {@code cdr} tables that
     * {@code cel_pgsql} / {@code cdr_pgsql} fill) after the AMI link missed the call; its value names the record,
     * e.g. {@code cel:4711}. Such packets have the shape {@code cel_manager} / {@code cdr_manager} give them.
     */
    public static final String RECOVERED = "Hotline-Recovered";

    public AmiEvent {
        headers = List.copyOf(headers);
    }

    /** The value of the first header with this name (case-insensitive), or null. */
    public @Nullable String get(String key) {
        for (var h : headers) {
            if (h.getKey().equalsIgnoreCase(key)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The value of the header, or {@code fallback} when absent or empty. */
    public String getOr(String key, String fallback) {
        var v = get(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** True for a packet rebuilt from the PBX's CEL/CDR tables rather than read off the AMI socket. */
    public boolean isRecovered() {
        return get(RECOVERED) != null;
    }

    /** The event name ({@code Event:} header). */
    public String name() {
        return getOr("Event", "");
    }

    /** For {@code UserEvent} packets, the user event's name ({@code UserEvent:} header), else empty. */
    public String userEventName() {
        return "UserEvent".equalsIgnoreCase(name()) ? getOr("UserEvent", "") : "";
    }

    /**
     * The logical call this event belongs to: {@code Linkedid} (channel events) or {@code LinkedID} (CEL, Cdr);
     * for transfer events, which name several channels and no plain Linkedid, the transferee's (the caller's).
     * Null when the event has none.
     */
    public @Nullable String linkedid() {
        for (var key : LINKEDID_KEYS) {
            var v = get(key);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static final List<String> LINKEDID_KEYS = List.of("Linkedid", "TransfereeLinkedid",
            "OrigTransfererLinkedid", "TransfererLinkedid", "DestLinkedid");

    public @Nullable String uniqueid() {
        var v = get("Uniqueid");
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * The PBX's own time of the event (the {@code Timestamp} header of {@code timestampevents=yes}),
     * or the receive time when the header is absent or unreadable.
     */
    public Instant time() {
        var ts = eventTimestamp();
        return ts != null ? ts : receivedAt;
    }

    /** The {@code Timestamp} header as an instant, or null. */
    public @Nullable Instant eventTimestamp() {
        return parseEpoch(get("Timestamp"));
    }

    /** The packet as AMI wire text (lines joined by {@code \n}), as journaled. */
    public String raw() {
        var sb = new StringBuilder(headers.size() * 32);
        for (var h : headers) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(h.getKey()).append(": ").append(h.getValue());
        }
        return sb.toString();
    }

    /** Parses journaled wire text back into an event (the inverse of {@link #raw()}). */
    public static AmiEvent fromRaw(long journalId, String pbxId, Instant receivedAt, String raw) {
        var headers = new ArrayList<Map.Entry<String, String>>();
        for (var line : raw.split("\n", -1)) {
            headers.add(header(line));
        }
        return new AmiEvent(journalId, pbxId, receivedAt, headers);
    }

    /** Splits one AMI line at the first {@code ": "} (or {@code ":"}); a line without a colon keeps an empty key. */
    public static Map.Entry<String, String> header(String line) {
        int i = line.indexOf(':');
        if (i < 0) {
            return Map.entry("", line);
        }
        var value = line.substring(i + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        return Map.entry(line.substring(0, i), value);
    }

    static @Nullable Instant parseEpoch(@Nullable String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            var s = v.strip();
            int dot = s.indexOf('.');
            long sec = Long.parseLong(dot < 0 ? s : s.substring(0, dot));
            long nanos = 0;
            if (dot >= 0) {
                var frac = (s.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(frac);
            }
            if (sec < 0 || sec > 32_503_680_000L) {
                return null;
            }
            return Instant.ofEpochSecond(sec, nanos);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
