package kz.hotline114.pbx.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.asteriskjava.util.SocketConnectionFacade;

import kz.hotline114.pbx.AmiEvent;

/**
 * Sits between Asterisk-Java's reader and the socket and copies every complete AMI packet
 * (lines up to the blank line) to a sink, before Asterisk-Java parses it into its own
 * classes. This is how the journal gets the packet exactly as the PBX sent it, including
 * event types and fields Asterisk-Java does not know. Runs on the AMI reader thread:
 * the sink must never block.
 *
 * <p>Asterisk-Java sees only the packets the connection itself needs: answers to actions ({@code Response}, and events
 * that carry an {@code ActionID}), the session's own events ({@code FullyBooted}, {@code Shutdown}) and user events; it
 * never sees the broadcast events the app reads from the journal. Building an Asterisk-Java event object (reflection,
 * a regular expression per header) for each of them was 40 % of the reader thread's time in issue 21's profile, and
 * nothing listened to those objects.
 */
final class PacketTee implements SocketConnectionFacade {

    private static final java.util.Set<String> PASSED_EVENTS = java.util.Set.of("fullybooted", "shutdown", "userevent");

    private final SocketConnectionFacade delegate;
    private final Consumer<String> sink;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder(1024);
    private final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
    /** Of the packet being read: whether its first line is an {@code Event:} one, and whether it has an ActionID. */
    private boolean event;
    private boolean actionId;
    private @org.jspecify.annotations.Nullable String eventName;

    /** {@code sink} gets each packet's text, as {@link AmiEvent#raw()} gives it. */
    PacketTee(SocketConnectionFacade delegate, Consumer<String> sink) {
        this.delegate = delegate;
        this.sink = sink;
    }

    @Override
    public String readLine() throws IOException {
        while (true) {
            var next = pending.pollFirst();
            if (next != null) {
                return next;
            }
            var line = delegate.readLine();
            if (line == null) {
                lines.clear();
                raw.setLength(0);
                return null;
            }
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    return line;
                }
                if (forAsteriskJava()) {
                    pending.addAll(lines);
                    pending.addLast(line);
                }
                var whole = raw.toString();
                lines.clear();
                raw.setLength(0);
                sink.accept(whole);
            } else if (lines.isEmpty() && line.startsWith("Asterisk Call Manager")) {
                // the banner is a line of its own, not part of a packet
                return line;
            } else {
                add(line);
            }
        }
    }

    private void add(String line) {
        int colon = line.indexOf(':');
        if (lines.isEmpty()) {
            event = colon == 5 && line.regionMatches(true, 0, "Event", 0, 5);
            eventName = event ? line.substring(6).strip().toLowerCase(java.util.Locale.ROOT) : null;
            actionId = false;
        } else if (colon == 8 && line.regionMatches(true, 0, "ActionID", 0, 8)) {
            actionId = true;
        }
        lines.add(line);
        if (!raw.isEmpty()) {
            raw.append('\n');
        }
        // as AmiEvent.header splits a line and AmiEvent.raw() joins it again: "Key: Value"
        if (colon < 0) {
            raw.append(": ").append(line);
        } else if (colon + 1 < line.length() && line.charAt(colon + 1) == ' ') {
            raw.append(line);
        } else {
            raw.append(line, 0, colon).append(": ").append(line, colon + 1, line.length());
        }
    }

    /** Whether Asterisk-Java's reader needs to see the packet: anything but a broadcast event it would only drop. */
    private boolean forAsteriskJava() {
        return !event || actionId || PASSED_EVENTS.contains(eventName);
    }

    @Override
    public void write(String s) throws IOException {
        delegate.write(s);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return delegate.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return delegate.getRemotePort();
    }
}
