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
public final class AmiEvent {

    /**
     * The header that marks a packet as taken from the PBX's own records ({@code cel} / {@code cdr} tables that
     * {@code cel_pgsql} / {@code cdr_pgsql} fill) after the AMI link missed the call; its value names the record,
     * e.g. {@code cel:4711}. Such packets have the shape {@code cel_manager} / {@code cdr_manager} give them.
     */
    public static final String RECOVERED = "Hotline-Recovered";

    private final long journalId;
    private final String pbxId;
    private final Instant receivedAt;
    /** Split from {@link #raw} when first asked for (an event read off the socket is only text until then). */
    private @Nullable List<Map.Entry<String, String>> headers;
    /*
     * Derived once, on first use (an event is read by the journal, the call log, the live state and the callbacks: the
     * profile of issue 21 had a fifth of the ingestion thread re-joining the raw text and re-scanning the headers).
     * Immutable values: a race computes the same thing twice.
     */
    private @Nullable String raw;
    private @Nullable String name;
    /** Empty once looked for and absent (a Linkedid is never blank). */
    private @Nullable String linkedid;
    /** Of an unsplit event, {@link #journalColumns()} read straight off the text. */
    private @Nullable JournalColumns columns;

    public AmiEvent(long journalId, String pbxId, Instant receivedAt, List<Map.Entry<String, String>> headers) {
        this(journalId, pbxId, receivedAt, List.copyOf(headers), null);
    }

    private AmiEvent(long journalId, String pbxId, Instant receivedAt, @Nullable List<Map.Entry<String, String>> headers,
                     @Nullable String raw) {
        this.journalId = journalId;
        this.pbxId = pbxId;
        this.receivedAt = receivedAt;
        this.headers = headers;
        this.raw = raw;
    }

    /**
     * The journal's indexed columns of the event: its name, Linkedid, Uniqueid and the PBX's time — read in one pass
     * over the text when the event was not split into headers yet (the journaling thread need not split it: the
     * interpreting thread does, after).
     */
    public record JournalColumns(String name, @Nullable String linkedid, @Nullable String uniqueid,
                                 @Nullable Instant eventTimestamp) {
    }

    public JournalColumns journalColumns() {
        var c = columns;
        if (c != null) {
            return c;
        }
        if (headers != null || raw == null) {
            c = new JournalColumns(name(), linkedid(), uniqueid(), eventTimestamp());
        } else {
            c = scan(raw);
        }
        columns = c;
        return c;
    }

    private static final List<String> SCANNED = List.of("Event", "Uniqueid", "Timestamp", "Linkedid",
            "TransfereeLinkedid", "OrigTransfererLinkedid", "TransfererLinkedid", "DestLinkedid");

    /** The first value of each of {@link #SCANNED} as {@link #get} finds it, without splitting the whole packet. */
    private static JournalColumns scan(String raw) {
        var found = new String[SCANNED.size()];
        int start = 0;
        int n = raw.length();
        while (start <= n) {
            int end = raw.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int colon = raw.indexOf(':', start);
            if (colon > start && colon < end) {
                int keyLength = colon - start;
                for (int k = 0; k < found.length; k++) {
                    var key = SCANNED.get(k);
                    if (found[k] == null && key.length() == keyLength && raw.regionMatches(true, start, key, 0, keyLength)) {
                        int from = colon + 1 < end && raw.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
                        found[k] = raw.substring(from, end);
                        break;
                    }
                }
            }
            start = end + 1;
        }
        String linkedid = null;
        for (int k = 3; k < found.length && linkedid == null; k++) {
            if (found[k] != null && !found[k].isBlank()) {
                linkedid = found[k].strip();
            }
        }
        var uniqueid = found[1] == null || found[1].isBlank() ? null : found[1].strip();
        return new JournalColumns(found[0] == null || found[0].isEmpty() ? "" : found[0], linkedid, uniqueid,
                parseEpoch(found[2]));
    }

    /** The same event at its place in the journal. */
    public AmiEvent withJournalId(long id) {
        var e = new AmiEvent(id, pbxId, receivedAt, headers, raw);
        e.name = name;
        e.linkedid = linkedid;
        e.columns = columns;
        return e;
    }

    public long journalId() {
        return journalId;
    }

    public String pbxId() {
        return pbxId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<Map.Entry<String, String>> headers() {
        var h = headers;
        if (h == null) {
            h = split(java.util.Objects.requireNonNull(raw));
            headers = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmiEvent e && e.journalId == journalId && e.pbxId.equals(pbxId)
                && e.receivedAt.equals(receivedAt) && e.headers().equals(headers());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(journalId, pbxId, receivedAt, headers());
    }

    @Override
    public String toString() {
        return "AmiEvent[journalId=" + journalId + ", pbxId=" + pbxId + ", receivedAt=" + receivedAt + ", headers="
                + headers() + "]";
    }

    /** The value of the first header with this name (case-insensitive), or null. */
    public @Nullable String get(String key) {
        for (var h : headers()) {
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
        var n = name;
        if (n == null) {
            n = getOr("Event", "");
            name = n;
        }
        return n;
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
        var known = linkedid;
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String found = null;
        for (var key : LINKEDID_KEYS) {
            var v = get(key);
            if (v != null && !v.isBlank()) {
                found = v.strip();
                break;
            }
        }
        linkedid = found == null ? "" : found;
        return found;
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
        var r = raw;
        if (r == null) {
            r = join(java.util.Objects.requireNonNull(headers));
            raw = r;
        }
        return r;
    }

    private static String join(List<Map.Entry<String, String>> headers) {
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
        return new AmiEvent(journalId, pbxId, receivedAt, null, raw);
    }

    private static List<Map.Entry<String, String>> split(String raw) {
        var headers = new ArrayList<Map.Entry<String, String>>();
        for (var line : raw.split("\n", -1)) {
            headers.add(header(line));
        }
        return List.copyOf(headers);
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
