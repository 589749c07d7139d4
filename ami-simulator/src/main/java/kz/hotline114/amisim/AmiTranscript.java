package kz.hotline114.amisim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A recorded AMI session ({@code *.ami}: the exact bytes a real Asterisk sent to one AMI client),
 * reduced to the event packets a replay must send: every blank-line separated block whose first
 * line is {@code Event:}, except blocks with an {@code ActionID} header (those answered the
 * recording client's own actions). The banner, responses and the final {@code Response: Goodbye}
 * are dropped. The recorded {@code FullyBooted} event is kept, as {@code ami_replay.py} does.
 *
 * <p>Part of the AMI replay kit that serves both the built-in demo PBX (when no real Asterisk is
 * configured) and the tests: see {@link AmiReplayServer}.
 *
 * @param name    the recording's name (file name without {@code .ami})
 * @param packets the event packets in recorded order
 */
@NullMarked
public record AmiTranscript(String name, List<AmiPacket> packets) {

    /** Classpath folder of the recordings bundled with hotline-core. */
    public static final String RECORDINGS = "kz/hotline114/pbx/recordings/";

    /** The bundled recordings, relative to {@link #RECORDINGS}, in a sensible demo order. */
    public static final List<String> BUNDLED = List.of(
            "answered-psychologist.ami", "wrong-number-short.ami", "answered-theologian.ami",
            "abandoned-in-queue.ami", "answered-scholar.ami", "no-input-timeout.ami",
            "repeat-caller.ami", "wrong-number-declared.ami", "transfer.ami",
            "sip-phones/pjsip-answered-psychologist.ami", "sip-phones/invalid-choice.ami",
            "sip-phones/abandon-while-ringing.ami", "sip-phones/pjsip-answered-theologian.ami",
            "sip-phones/no-agents-logged-in.ami", "sip-phones/pjsip-agent-hangup.ami",
            "sip-phones/attended-transfer.ami", "sip-phones/callback-originate.ami",
            "sip-phones/queue-member-control.ami");

    public AmiTranscript {
        Objects.requireNonNull(name, "name");
        packets = List.copyOf(packets);
    }

    /**
     * Parses a recording. Accepts CRLF (as recorded) or bare LF line ends; decodes UTF-8
     * (malformed bytes become U+FFFD).
     */
    public static AmiTranscript parse(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        var packets = new ArrayList<AmiPacket>();
        var lines = new ArrayList<String>();
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? n : nl;
            String line = text.substring(i, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                flush(lines, packets);
            } else {
                lines.add(line);
            }
            if (nl < 0) {
                break;
            }
            i = nl + 1;
        }
        flush(lines, packets);
        return new AmiTranscript(name, packets);
    }

    private static void flush(List<String> lines, List<AmiPacket> out) {
        if (lines.isEmpty()) {
            return;
        }
        var packet = AmiPacket.parseLines(lines);
        lines.clear();
        if (!packet.isEvent()) {
            return; // banner, responses
        }
        for (var h : packet.headers()) {
            if (h.key().equalsIgnoreCase("ActionID")) {
                return; // answered the recording client's own action
            }
        }
        out.add(packet);
    }

    /**
     * Loads a recording from the classpath, e.g. {@code "kz/hotline114/pbx/recordings/transfer.ami"}
     * (a leading slash is allowed).
     *
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public static AmiTranscript fromClasspath(String resourcePath) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        try (InputStream in = open(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("No such classpath resource: " + path));
            }
            return parse(baseName(path), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + path, e);
        }
    }

    private static @Nullable InputStream open(String path) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(path);
        if (in == null) {
            in = AmiTranscript.class.getClassLoader().getResourceAsStream(path);
        }
        return in;
    }

    static boolean exists(String path) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null && context.getResource(path) != null
                || AmiTranscript.class.getClassLoader().getResource(path) != null;
    }

    /** Loads a recording from a file. */
    public static AmiTranscript fromFile(Path file) throws IOException {
        return parse(baseName(file.getFileName().toString()), Files.readAllBytes(file));
    }

    /** All {@link #BUNDLED} recordings that are on the classpath, in that order. */
    public static List<AmiTranscript> bundled() {
        var out = new ArrayList<AmiTranscript>();
        for (String name : BUNDLED) {
            if (exists(RECORDINGS + name)) {
                out.add(fromClasspath(RECORDINGS + name));
            }
        }
        return out;
    }

    private static String baseName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".ami") ? file.substring(0, file.length() - 4) : file;
    }

    /** Number of event packets. */
    public int size() {
        return packets.size();
    }

    /** The first {@code Timestamp} header value (epoch seconds), if any packet has one. */
    public OptionalDouble firstTimestamp() {
        for (AmiPacket p : packets) {
            OptionalDouble t = timestamp(p);
            if (t.isPresent()) {
                return t;
            }
        }
        return OptionalDouble.empty();
    }

    /** The packet's {@code Timestamp} header as epoch seconds, if present and numeric. */
    public static OptionalDouble timestamp(AmiPacket p) {
        String ts = p.get("Timestamp");
        if (ts == null || ts.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(ts));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    @Override
    public String toString() {
        return "AmiTranscript[" + name + ", " + packets.size() + " events]";
    }
}
