package kz.hotline114.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

import kz.hotline114.search.LocalElasticsearchNode;

/**
 * A real Elasticsearch for the tests, one per test JVM: the integ-test distribution the build unpacks
 * (system property {@code hotline.test.elasticsearch-home}), started as a local node. The application
 * reaches it through a TCP proxy that a test can cut ({@link #outage}) to play Elasticsearch being down.
 * Without the distribution (an IDE run), search tests fall back to PostgreSQL. Security is on, as in production:
 * the application signs in with the node's user.
 */
public final class TestSearch {

    private static LocalElasticsearchNode node;
    private static Proxy proxy;

    private TestSearch() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        var home = System.getProperty("hotline.test.elasticsearch-home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin/elasticsearch"))) {
            registry.add("hotline.elasticsearch.home", () -> "");
            return;
        }
        if (node == null) {
            try {
                // every test context's own index prefix: the one node's user may use all its indices
                node = LocalElasticsearchNode.start(Path.of(home), Files.createTempDirectory("hotline-es-test"), "512m",
                        "*");
                proxy = new Proxy(URI.create(node.url()).getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> node.close()));
        }
        registry.add("hotline.elasticsearch.url", () -> "http://127.0.0.1:" + proxy.port());
        registry.add("hotline.elasticsearch.relay-interval", () -> "200ms");
        registry.add("hotline.elasticsearch.username", () -> node.credentials().username());
        registry.add("hotline.elasticsearch.password", () -> node.credentials().password());
    }

    /** The node itself (its url and user), for a test that talks to it directly; null without the distribution. */
    public static LocalElasticsearchNode node() {
        return node;
    }

    public static boolean running() {
        return node != null;
    }

    /** Elasticsearch unreachable (connections refused and cut) until the returned handle is closed. */
    public static AutoCloseable outage() {
        proxy.cut(true);
        return () -> proxy.cut(false);
    }

    /** A loopback TCP proxy that can be cut. */
    static final class Proxy {
        private final ServerSocket server;
        private final int target;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean cut;

        Proxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void cut(boolean down) {
            cut = down;
            if (down) {
                open.forEach(s -> {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                });
                open.clear();
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    var client = server.accept();
                    if (cut) {
                        client.close();
                        continue;
                    }
                    var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(upstream);
                    Thread.ofVirtual().start(() -> pipe(client, upstream));
                    Thread.ofVirtual().start(() -> pipe(upstream, client));
                } catch (IOException e) {
                    // keep accepting
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // both closed
                }
            }
        }
    }
}
