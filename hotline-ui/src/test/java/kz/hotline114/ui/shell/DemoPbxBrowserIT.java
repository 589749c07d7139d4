package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.HotlineApplication;
import kz.hotline114.live.LiveModel;
import kz.hotline114.live.MemberState;
import kz.hotline114.pbx.PbxCommandFailed;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.support.TestDatabase;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.UiIT;

/**
 * The app as a newcomer starts it: no PBX configured, so the built-in demo PBX replays recorded
 * calls; the console says so, and calls arrive on their own.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// its demo PBX would go on replaying calls into the shared test database under the tests that run after it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoPbxBrowserIT {

    /** All test contexts share one database, so one admin password. */
    static final String PASSWORD = UiIT.ADMIN_PASSWORD;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        kz.hotline114.support.TestSearch.register(registry);
        registry.add("hotline.ami.host", () -> "");
        registry.add("hotline.ami.pbx-id", () -> "demo-it");
        registry.add("hotline.ami.demo.speed", () -> "3");
        registry.add("hotline.ami.demo.pause-between", () -> "500ms");
        registry.add("hotline.admin-password", () -> PASSWORD);
    }

    @LocalServerPort
    int port;

    private WebDriver driver;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy securityStrategy;

    @BeforeEach
    void startBrowser() {
        // this context's security strategy, whatever other test contexts started since (see UiIT)
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(securityStrategy);
        driver = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void without_a_pbx_the_console_is_fed_by_the_labelled_demo_pbx() throws Exception {
        Browser.signIn(driver, "http://localhost:" + port, "admin", PASSWORD,
                () -> assertThat(driver.findElement(By.className("demo-badge")).getText()).contains("demo PBX"));
        var wait = Browser.waitUpTo(driver, 60);

        wait.until(d -> !d.findElements(By.id("demo-pbx-badge")).isEmpty());
        assertThat(driver.findElement(By.id("demo-pbx-badge")).getText()).isEqualTo("Демо АТС (demo PBX)");
        // calls arrive without a refresh (server push)
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().matches("\\+7 ?\\d.*")));
        Browser.screenshot(driver, "demo-call-log.png");
    }

    @Autowired
    PbxCommands pbx;
    @Autowired
    LiveModel live;

    /** On the demo PBX a pause used to change nothing ("QueuePause done" in the log, the member still available). */
    @Test
    void a_pause_on_the_demo_pbx_pauses_the_member_as_a_pbx_would() throws Exception {
        var wait = Browser.waitUpTo(driver, 60);
        // the recordings add and remove their members as they play: a member may be gone by the time it is paused
        // (the PBX then says "Interface not found", as Asterisk would); take one the PBX still has
        MemberState member = null;
        for (int attempt = 0; attempt < 40 && member == null; attempt++) {
            var candidate = wait.until(d -> live.snapshot().queues().stream().flatMap(q -> q.members().stream())
                    .filter(m -> !m.paused()).findFirst().orElse(null));
            try {
                pbx.queuePause(null, candidate.iface(), true, "demo-it"); // a reason no recording has
                member = candidate;
            } catch (PbxCommandFailed gone) {
                Thread.sleep(250);
            }
        }
        assertThat(member).as("a member the demo PBX had").isNotNull();
        var iface = member.iface();
        wait.until(d -> {
            var entries = live.snapshot().queues().stream().flatMap(q -> q.members().stream())
                    .filter(m -> m.iface().equals(iface)).toList();
            return !entries.isEmpty() && entries.stream().allMatch(m -> m.paused() && "demo-it".equals(m.pausedReason()));
        });

        pbx.queuePause(null, iface, false, null);
        wait.until(d -> live.snapshot().queues().stream().flatMap(q -> q.members().stream())
                .filter(m -> m.iface().equals(iface)).noneMatch(m -> m.paused() && "demo-it".equals(m.pausedReason())));
    }

    @Autowired
    kz.hotline114.routing.Callbacks callbacks;
    @Autowired
    kz.hotline114.routing.SpecialistDirectory directory;
    @Autowired
    kz.hotline114.calls.CallLog calls;
    @Autowired
    java.time.Clock clock;

    private static void as(String user, String role) {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user, "n/a",
                        java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                "ROLE_" + role))));
    }

    /** On the demo PBX "call now" failed ("originate failed: 0") and the callback vanished from the desk's list. */
    @Test
    void a_callback_on_the_demo_pbx_rings_is_answered_and_ends_as_on_a_pbx() throws Exception {
        var wait = Browser.waitUpTo(driver, 90);
        as("admin", "ADMIN");
        try {
            directory.save("Demo callback (psychologist)", kz.hotline114.routing.Specialist.Kind.PSYCHOLOGIST,
                    java.util.List.of("kk"), "PJSIP/219", java.util.List.of("psychologists"), true, "demo-cb");
            var since = clock.instant().minus(java.time.Duration.ofHours(1));
            var original = wait.until(d -> calls.find(new kz.hotline114.calls.CallFilter(since,
                    clock.instant().plusSeconds(60), null, null, null), 0, 50).items().stream()
                    .filter(c -> c.callerNumber() != null && c.endedAt() != null).findFirst().orElse(null));
            as("demo-cb", "SPECIALIST");
            var callback = callbacks.schedule(original.key(), clock.instant().plusSeconds(3600), "demo", null);
            assertThat(callbacks.dialNow(callback.id()).status()).isEqualTo(kz.hotline114.routing.Callback.Status.DIALLING);
            var done = wait.until(d -> callbacks.ofCall(original.key()).stream()
                    .filter(c -> c.id() == callback.id() && c.talkSeconds() != null).findFirst().orElse(null));
            assertThat(done.status()).isEqualTo(kz.hotline114.routing.Callback.Status.ANSWERED);
            assertThat(done.outboundLinkedid()).isNotNull();
            assertThat(done.failure()).isNull();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** On the demo PBX a transfer said "transferred" while the call went on with the first specialist. */
    @Test
    void a_transfer_on_the_demo_pbx_hands_the_caller_to_the_other_queue_as_a_pbx_would() throws Exception {
        var wait = Browser.waitUpTo(driver, 120);
        String linkedid = null;
        String target = null;
        // recorded calls are short at the demo's speed: take one being talked now, and try again if it ended first
        for (int attempt = 0; attempt < 200 && linkedid == null; attempt++) {
            var talking = live.snapshot().onPhones().values().stream()
                    .filter(c -> c.answered() && c.channel() != null).findFirst();
            if (talking.isEmpty()) {
                Thread.sleep(100);
                continue;
            }
            var call = talking.get();
            var to = call.queue().equals("theologians") ? "psychologists" : "theologians";
            try {
                pbx.blindTransfer(call.channel(), "hotline-transfer", to);
                linkedid = call.linkedid();
                target = to;
            } catch (PbxCommandFailed ended) {
                Thread.sleep(100);
            }
        }
        assertThat(linkedid).as("a call the demo PBX could transfer").isNotNull();
        var key = new kz.hotline114.calls.CallKey("demo-it", linkedid);
        var transferredTo = target;
        var call = wait.until(d -> calls.get(key).filter(c -> c.endedAt() != null && !c.transfers().isEmpty())
                .orElse(null));
        assertThat(call.queues()).contains(transferredTo);
        assertThat(call.answeredBy()).as("the first specialist, then one of the other queue").hasSize(2);
        assertThat(call.transfers().getFirst().to()).isEqualTo(transferredTo);
        assertThat(call.outcome()).isEqualTo(kz.hotline114.calls.CallOutcome.ANSWERED);
    }

    /** On the demo PBX the desk's "end call" changed nothing: the call went on as recorded. */
    @Test
    void the_desks_hang_up_on_the_demo_pbx_ends_the_call_as_a_pbx_would() throws Exception {
        var wait = Browser.waitUpTo(driver, 60);
        String linkedid = null;
        for (int attempt = 0; attempt < 200 && linkedid == null; attempt++) {
            var talking = live.snapshot().onPhones().values().stream()
                    .filter(c -> c.answered() && c.channel() != null).findFirst();
            if (talking.isEmpty()) {
                Thread.sleep(100);
                continue;
            }
            try {
                pbx.hangup(talking.get().channel());
                linkedid = talking.get().linkedid();
            } catch (PbxCommandFailed ended) {
                Thread.sleep(100);
            }
        }
        assertThat(linkedid).as("a call the demo PBX could end").isNotNull();
        var key = new kz.hotline114.calls.CallKey("demo-it", linkedid);
        var call = wait.until(d -> calls.get(key).filter(c -> c.endedAt() != null).orElse(null));
        assertThat(call.hangupBy()).isEqualTo(kz.hotline114.calls.HangupSide.SPECIALIST);
        assertThat(call.outcome()).isEqualTo(kz.hotline114.calls.CallOutcome.ANSWERED);
    }
}
