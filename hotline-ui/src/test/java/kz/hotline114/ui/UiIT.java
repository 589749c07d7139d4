package kz.hotline114.ui;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.HotlineApplication;
import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.CallLog;
import kz.hotline114.pbx.AmiEvent;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.support.TelephonyIT;
import kz.hotline114.support.TestDatabase;
import kz.hotline114.support.TestPbx;

/**
 * The whole application on a random port, on a real PostgreSQL, logged in over AMI to a test PBX
 * that plays recorded Asterisk traffic. Shared by the browserless (Karibu) and browser (Selenium) tests.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class UiIT {

    protected static final String PBX_ID = "ui-pbx";
    public static final String ADMIN_PASSWORD = "admin-pass-114";
    public static final String PBX_LOOKUP_TOKEN = "pbx-lookup-token-for-the-tests";
    protected static final TestPbx PBX = new TestPbx();

    @DynamicPropertySource
    protected static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        kz.hotline114.support.TestSearch.register(registry);
        kz.hotline114.support.TestMail.register(registry);
        PBX.register(registry, PBX_ID);
        registry.add("hotline.admin-password", () -> ADMIN_PASSWORD);
        registry.add("hotline.pbx-lookup.token", () -> PBX_LOOKUP_TOKEN);
    }

    @Autowired
    protected org.springframework.security.core.context.SecurityContextHolderStrategy securityStrategy;

    /**
     * Vaadin installs its session-aware strategy into the static SecurityContextHolder when a context starts.
     * Another test context (DemoPbxBrowserIT's) starting later replaces it with its own instance, whose
     * thread-local this context's filter chain never fills: code reading the static holder (masking, audit)
     * would then see no user. Each test puts this context's strategy back.
     */
    @org.junit.jupiter.api.BeforeEach
    protected void useThisContextsSecurityStrategy() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(securityStrategy);
    }

    @Autowired
    protected PbxLink link;
    @Autowired
    protected CallLog calls;

    @Autowired
    protected kz.hotline114.live.LiveModel liveModel;

    /**
     * The precondition "the queue's specialists are the recording's own" made explicit: other tests' calls leave
     * specialists of their own (other phones, other names) in the live state, some of them available; they leave the
     * queue here, as the PBX would report it, so the recording's members are the queue's members.
     */
    protected void onlyTheRecordingsMembers(String queue, List<AmiPacket> recording) throws InterruptedException {
        var own = new java.util.HashSet<String>();
        for (var p : recording) {
            for (var key : List.of("Interface", "Location", "StateInterface")) {
                if (p.get(key) != null) {
                    own.add(p.get(key));
                }
            }
        }
        var packets = new java.util.ArrayList<AmiPacket>();
        for (var q : liveModel.snapshot().queues()) {
            if (q.name().equals(queue)) {
                for (var m : q.members()) {
                    if (!own.contains(m.iface())) {
                        packets.add(AmiPacket.of("Event", "QueueMemberRemoved", "Queue", queue, "Interface", m.iface(),
                                "MemberName", m.name()));
                    }
                }
            }
        }
        if (!packets.isEmpty()) {
            play(packets);
        }
    }

    /** Plays the packets over AMI and waits until their calls are in the database. */
    protected void play(List<AmiPacket> packets) throws InterruptedException {
        if (!PBX.server().awaitLogin(Duration.ofSeconds(30))) {
            throw new AssertionError("the app never logged in to the test PBX");
        }
        long before = link.status().received();
        PBX.play(packets);
        TelephonyIT.awaitIngested(link, before + packets.size());
    }

    protected static String linkedidOf(List<AmiPacket> packets) {
        return packets.stream().map(p -> new AmiEvent(0, PBX_ID, java.time.Instant.EPOCH, p.entries()).linkedid())
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    protected kz.hotline114.cases.Cases cases;

    /**
     * Opens a consultation case as an admin (whoever was signed in stays signed in) and returns its number:
     * an appointment may only name a case that exists.
     */
    protected String openCase(String question) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var before = context.getAuthentication();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                "it-admin", "n/a", "ROLE_ADMIN"));
        try {
            return cases.open(new kz.hotline114.cases.CaseDraft(null, null, "PSYCHOLOGICAL_SUPPORT", null, question,
                    null, "kk", new kz.hotline114.cases.CallerProfile(null, null, null, null), null, true, null, null));
        } finally {
            context.setAuthentication(before);
        }
    }

    /** The stored E.164 number of a call, read past the masking the services apply. */
    protected String fullNumber(String linkedid) {
        return jdbc.queryForObject("select caller_number from calls where pbx_id = ? and linkedid = ?", String.class,
                PBX_ID, linkedid);
    }
}
