package kz.hotline114.pbx.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.asteriskjava.util.SocketConnectionFacade;

import kz.hotline114.pbx.AmiEvent;

/**
 * Sits between Asterisk-Java's reader and the socket and copies every complete AMI packet
 * (lines up to the blank line) to a sink, before Asterisk-Java parses it into its own
 * classes. This is how the journal gets the packet exactly as the PBX sent it, including
 * event types and fields Asterisk-Java does not know. Runs on the AMI reader thread:
 * the sink must never block.
 */
final class PacketTee implements SocketConnectionFacade {

    private final SocketConnectionFacade delegate;
    private final Consumer<List<Map.Entry<String, String>>> sink;
    private final List<Map.Entry<String, String>> packet = new ArrayList<>();

    PacketTee(SocketConnectionFacade delegate, Consumer<List<Map.Entry<String, String>>> sink) {
        this.delegate = delegate;
        this.sink = sink;
    }

    @Override
    public String readLine() throws IOException {
        var line = delegate.readLine();
        if (line == null) {
            packet.clear();
            return null;
        }
        if (line.isEmpty()) {
            if (!packet.isEmpty()) {
                sink.accept(List.copyOf(packet));
                packet.clear();
            }
        } else if (packet.isEmpty() && line.startsWith("Asterisk Call Manager")) {
            // the banner is a line of its own, not part of a packet
        } else {
            packet.add(AmiEvent.header(line));
        }
        return line;
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
