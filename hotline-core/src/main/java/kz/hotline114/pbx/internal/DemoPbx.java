package kz.hotline114.pbx.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import kz.hotline114.amisim.AmiReplayServer;
import kz.hotline114.amisim.AmiTranscript;
import kz.hotline114.amisim.EventSource;
import kz.hotline114.pbx.AmiProperties;
import kz.hotline114.pbx.CallerScreen;

/**
 * The built-in demo PBX: when no Asterisk is configured, an AMI server on the loopback interface
 * replays the recorded Asterisk 22 traffic in a loop (ids, numbers and times rewritten so that each
 * loop is new calls). The app reaches it through the same AMI client as a real Asterisk.
 */
@Component
class DemoPbx {

    private static final Logger log = LoggerFactory.getLogger(DemoPbx.class);

    /** The demo server is on loopback only, but still asks for a secret: the same login path as production. */
    static final String SECRET = "demo-" + Long.toHexString(new SecureRandom().nextLong());

    private final AmiProperties props;
    private @Nullable AmiReplayServer server;

    private final Clock clock;

    private final ObjectProvider<CallerScreen> screen;

    DemoPbx(AmiProperties props, Clock clock, ObjectProvider<CallerScreen> screen) {
        this.clock = clock;
        this.props = props;
        this.screen = screen;
    }

    /** Starts the demo server on a free loopback port and returns the port. */
    synchronized int start() {
        try {
            var transcripts = AmiTranscript.bundled();
            // the demo's repeat misdialers are filtered once the call log knows them, as the real PBX asks it
            var source = EventSource.loop(transcripts, props.demo().speed(), props.demo().pauseBetween(), clock,
                    number -> screen.getIfAvailable(() -> n -> false).isMisdialer(number));
            server = AmiReplayServer.builder(source)
                    .name("demo PBX")
                    .clock(clock)
                    .port(0)
                    .bindAddress(InetAddress.getLoopbackAddress())
                    .username(props.username())
                    .secret(SECRET)
                    .simulateActions(true)
                    .start();
            server.failOriginates(false); // a callback's "call now" rings, is answered and ends, as on the PBX
            log.info("Demo PBX: replaying {} recorded scenarios in a loop on port {}", transcripts.size(), server.port());
            return server.port();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the demo PBX", e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
