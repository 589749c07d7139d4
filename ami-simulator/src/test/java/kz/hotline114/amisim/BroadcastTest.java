package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Several app nodes on one PBX: in broadcast mode every logged-in client gets every event, as Asterisk sends them to
 * each manager session; the stream starts when the clients asked for are there, and a client that goes away misses
 * what follows while the others get all of it.
 */
class BroadcastTest {

    @Test
    void every_client_gets_every_event_and_one_that_leaves_misses_only_what_follows() throws Exception {
        var packets = IntStream.rangeClosed(1, 400).mapToObj(i -> AmiPacket.of("Event", "UserEvent",
                "UserEvent", "Tick", "N", Integer.toString(i))).toList();
        try (var server = AmiReplayServer.builder(EventSource.ofPackets(packets)).port(0)
                .bindAddress(InetAddress.getLoopbackAddress()).username("u").secret("s").eventsPerSecond(4_000)
                .broadcastTo(2).start();
             var a = new Socket(InetAddress.getLoopbackAddress(), server.port());
             var b = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            var inA = login(a);
            var inB = login(b);
            var gotA = ticks(inA, 100); // A reads a hundred, then goes away
            a.close();
            var gotB = ticks(inB, 400);
            assertThat(gotA).containsExactlyElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
            assertThat(gotB).as("the client that stayed got every event, once, in order")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
            assertThat(server.awaitDone(java.time.Duration.ofSeconds(5))).isTrue();
        }
    }

    private static BufferedReader login(Socket socket) throws Exception {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        in.readLine(); // banner
        var out = socket.getOutputStream();
        out.write("Action: Login\r\nActionID: login\r\nUsername: u\r\nSecret: s\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.write("Action: Command\r\nActionID: v\r\nCommand: core show version\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return in;
    }

    private static List<Integer> ticks(BufferedReader in, int n) throws Exception {
        var got = new ArrayList<Integer>();
        for (String l = in.readLine(); l != null && got.size() < n; l = in.readLine()) {
            if (l.startsWith("N: ")) {
                got.add(Integer.parseInt(l.substring(3)));
            }
        }
        return got;
    }
}
