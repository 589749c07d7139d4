package kz.hotline114.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.CoreTestApplication;
import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.PbxLink;

/**
 * Base of the telephony integration tests: the core features on a real PostgreSQL, logged in over
 * a real AMI socket (Asterisk-Java) to a {@link TestPbx} that plays the recorded Asterisk traffic.
 * All subclasses share one Spring context, one database and one PBX; each test plays its own
 * recordings (or its own rewritten copies of them), so tests never see each other's calls.
 */
@SpringBootTest(classes = CoreTestApplication.class)
public abstract class TelephonyIT {

    public static final String PBX_ID = "it-pbx";
    protected static final TestPbx PBX = new TestPbx();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        TestSearch.register(registry);
        PBX.register(registry, PBX_ID);
    }

    @Autowired
    protected PbxLink link;
    @Autowired
    protected CallLog calls;
    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeEach
    void signInAsAdmin() throws InterruptedException {
        // the call log masks numbers unless the user may see them
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("it-admin", "n/a", "ROLE_ADMIN"));
        if (!PBX.server().awaitLogin(Duration.ofSeconds(30))) {
            throw new AssertionError("the app never logged in to the test PBX");
        }
    }

    /** Plays the packets through the AMI socket and returns the call rows of their Linkedids, in order. */
    protected List<Call> play(List<AmiPacket> packets) {
        long before = link.status().received();
        PBX.play(packets);
        awaitIngested(link, before + packets.size());
        return rowsOf(packets);
    }

    /** Waits until the app has read {@code received} event packets off the socket and interpreted them all. */
    public static void awaitIngested(PbxLink link, long received) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while (link.status().received() < received) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the app read only " + link.status().received() + " of " + received
                            + " events: " + link.status());
                }
                Thread.sleep(5);
            }
            if (!link.awaitIdle(Duration.ofSeconds(60))) {
                throw new AssertionError("ingestion did not catch up: " + link.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected List<Call> rowsOf(List<AmiPacket> packets) {
        var linkedids = new LinkedHashSet<String>();
        for (var p : packets) {
            var lid = new AmiEvent(0, PBX_ID, java.time.Instant.EPOCH, p.entries()).linkedid();
            if (lid != null) {
                linkedids.add(lid);
            }
        }
        var rows = new ArrayList<Call>();
        for (var lid : linkedids) {
            calls.get(new CallKey(PBX_ID, lid)).ifPresent(rows::add);
        }
        return rows;
    }
}
