package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The server keeps the actions clients send only when asked, and then only the last ones: a demo runs for weeks. */
class ActionLogTest {

    @Test
    void only_the_last_actions_asked_for_are_kept_and_none_by_default() throws Exception {
        try (var keeping = server(3); var demo = server(0)) {
            pingFiveTimes(keeping);
            pingFiveTimes(demo);
            assertThat(keeping.actionsReceived()).extracting(p -> p.get("ActionID"))
                    .containsExactly("ping-3", "ping-4", "ping-5");
            assertThat(demo.actionsReceived()).isEmpty();
        }
    }

    private static AmiReplayServer server(int keep) throws Exception {
        return AmiReplayServer.builder(EventSource.ofPackets(List.of())).port(0)
                .bindAddress(InetAddress.getLoopbackAddress()).username("u").secret("s").keepActions(keep).start();
    }

    private static void pingFiveTimes(AmiReplayServer server) throws Exception {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine(); // banner
            send(out, "Action: Login\r\nActionID: login\r\nUsername: u\r\nSecret: s\r\n\r\n");
            until(in, "Message: Authentication accepted");
            for (int i = 1; i <= 5; i++) {
                send(out, "Action: Ping\r\nActionID: ping-" + i + "\r\n\r\n");
                until(in, "ActionID: ping-" + i);
            }
        }
    }

    private static void send(OutputStream out, String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void until(BufferedReader in, String line) throws Exception {
        for (String l = in.readLine(); l != null; l = in.readLine()) {
            if (l.equals(line)) {
                return;
            }
        }
        throw new AssertionError("no '" + line + "'");
    }
}
