package kz.hotline114.amisim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One AMI packet as it travels on the wire: the header lines in their original order, duplicates
 * kept (an AMI packet may repeat a key, e.g. {@code Variable}). Immutable.
 *
 * <p>Part of the AMI replay kit ({@link AmiTranscript}, {@link TranscriptRewriter},
 * {@link AmiReplayServer}) that serves both the built-in demo PBX (when no real Asterisk is
 * configured) and the tests.
 *
 * @param headers the header lines, in wire order
 */
@NullMarked
public record AmiPacket(List<Header> headers) {

    /**
     * One {@code Key: Value} line. A line without a colon (only in malformed input) is kept as a
     * header whose {@code key} is the whole line and whose {@code value} is {@code null}.
     *
     * @param key   the key as sent (AMI compares keys case-insensitively, this record keeps the spelling)
     * @param value the value after {@code ": "}, possibly empty; {@code null} for a line without a colon
     */
    public record Header(String key, @Nullable String value) implements Map.Entry<String, @Nullable String> {

        public Header {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public @Nullable String getValue() {
            return value;
        }

        /** Always throws: headers are immutable. */
        @Override
        public @Nullable String setValue(@Nullable String v) {
            throw new UnsupportedOperationException("AmiPacket.Header is immutable");
        }

        /** The line as written on the wire, without the line terminator. */
        public String line() {
            return value == null ? key : key + ": " + value;
        }

        /** Parses one line ({@code Key: Value}; exactly one space after the colon is part of the separator). */
        public static Header parse(String line) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                return new Header(line, null);
            }
            int start = colon + 1;
            if (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            return new Header(line.substring(0, colon), line.substring(start));
        }
    }

    public AmiPacket {
        headers = List.copyOf(headers);
    }

    /** A packet from alternating keys and values: {@code of("Event", "Hangup", "Uniqueid", "1.2")}. */
    public static AmiPacket of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        var list = new ArrayList<Header>(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            list.add(new Header(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new AmiPacket(list);
    }

    /** Parses the lines of one packet (no blank lines; line terminators already removed). */
    public static AmiPacket parseLines(List<String> lines) {
        var list = new ArrayList<Header>(lines.size());
        for (String line : lines) {
            list.add(Header.parse(line));
        }
        return new AmiPacket(list);
    }

    /** The value of the first header with this key, compared ignoring case as AMI does; {@code null} if absent. */
    public @Nullable String get(String key) {
        for (Header h : headers) {
            if (h.value != null && h.key.equalsIgnoreCase(key)) {
                return h.value;
            }
        }
        return null;
    }

    /** The values of all headers with this key (ignoring case), in order. */
    public List<String> getAll(String key) {
        var out = new ArrayList<String>();
        for (Header h : headers) {
            if (h.value != null && h.key.equalsIgnoreCase(key)) {
                out.add(h.value);
            }
        }
        return out;
    }

    /** The {@code Event} header's value, or {@code null} when this is not an event packet. */
    public @Nullable String event() {
        return get("Event");
    }

    /** True when the first line is {@code Event: ...}. */
    public boolean isEvent() {
        return !headers.isEmpty() && headers.getFirst().value != null
                && headers.getFirst().key.equalsIgnoreCase("Event");
    }

    /** The headers as plain map entries (the form the AMI link's packet tee uses); values are null only for colon-less lines. */
    @SuppressWarnings("unchecked")
    public List<Map.Entry<String, @Nullable String>> entries() {
        return (List<Map.Entry<String, @Nullable String>>) (List<?>) headers;
    }

    /** The packet as sent by Asterisk: UTF-8, each line ended by CRLF, then one empty CRLF line. */
    public byte[] toWire() {
        var out = new ByteArrayOutputStream(64 + headers.size() * 32);
        for (Header h : headers) {
            out.writeBytes(h.line().getBytes(StandardCharsets.UTF_8));
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** {@link #toWire()} as a string. */
    public String toWireString() {
        return new String(toWire(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AmiPacket" + headers.stream().map(Header::line).toList();
    }
}
