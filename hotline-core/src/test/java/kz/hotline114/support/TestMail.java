package kz.hotline114.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for the tests (GreenMail, in this JVM, on a free loopback port), started once: the app sends
 * its e-mail to it as it would to the office's server, and the tests read what arrived.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    /** Starts the server if needed and points {@code spring.mail.*} at it. */
    public static synchronized void register(DynamicPropertyRegistry registry) {
        var smtp = server();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("hotline.mail.from", () -> "hotline114@test.kz");
        registry.add("hotline.mail.poll", () -> "1h"); // the tests send what is due themselves
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }
}
