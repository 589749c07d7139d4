package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.HotlineApplication;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.PbxLink;
import kz.hotline114.pbx.PbxLinkStatus;
import kz.hotline114.support.TestDatabase;

/**
 * The whole application against a real Asterisk 22 running the repository's pbx-config (see {@link RealAsterisk};
 * skipped where there is none): the configuration loads without one error or warning, the application logs in
 * with the least-privilege AMI user, moves a member into a queue and pauses it with its own commands, and calls
 * placed into {@code from-trunk} go through the real IVR and queue and are logged as they happened — no key
 * (NO_INPUT), key 0 (WRONG_NUMBER, declared), key 2 answered by a queue member — with Asterisk's CDRs beside them
 * in the same database.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealAsteriskIT {

    static final String PBX_ID = "real-asterisk";
    static final String AGENT = "Local/203@hotline-test-agent/n";
    static RealAsterisk asterisk;

    @BeforeAll
    static void needsAsterisk() {
        asterisk = RealAsterisk.available();
        // a real PBX stamps its events and CEL/CDR rows with the machine's time, whatever time the suite runs at
        kz.hotline114.support.TestClock.useSystemTime();
    }

    @AfterAll
    static void stopAsterisk() throws InterruptedException {
        kz.hotline114.support.TestClock.reset();
        if (asterisk != null) {
            asterisk.stop();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        kz.hotline114.support.TestSearch.register(registry);
        registry.add("hotline.ami.host", () -> "127.0.0.1");
        registry.add("hotline.ami.port", () -> asterisk.amiPort());
        registry.add("hotline.ami.username", () -> "hotline");
        registry.add("hotline.ami.secret", () -> RealAsterisk.AMI_SECRET);
        registry.add("hotline.ami.pbx-id", () -> PBX_ID);
        registry.add("hotline.admin-password", () -> "admin-pass-114");
        registry.add("hotline.ami.reconcile.enabled", () -> "true");
        registry.add("hotline.ami.reconcile.interval", () -> "2s");
        registry.add("hotline.ami.reconcile.grace", () -> "2s");
        registry.add("hotline.pbx-lookup.token", () -> LOOKUP_TOKEN);
        // Asterisk's MixMonitor files, as a shared volume would give them to the app
        registry.add("hotline.recordings.incoming-dir", () -> asterisk.monitorDirectory().toString());
        registry.add("hotline.recordings.scan-interval", () -> "1s");
        registry.add("hotline.recordings.settle", () -> "1s");
    }

    static final String LOOKUP_TOKEN = "real-asterisk-lookup-token";

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private String appUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Autowired
    PbxLink link;
    @Autowired
    PbxCommands commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    kz.hotline114.live.LiveModel live;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Asterisk starts once the application's schema exists (cdr_pgsql reads its table's columns at start). */
    @BeforeEach
    void asteriskRunning() throws Exception {
        if (asterisk.cli("core show version").isBlank()) {
            asterisk.start(TestDatabase.url(), TestDatabase.user(), TestDatabase.password(),
                    Map.of("HOTLINE_APP_URL", appUrl(), "HOTLINE_PBX_LOOKUP_TOKEN", LOOKUP_TOKEN));
        }
        awaitUntil(Duration.ofSeconds(60), () -> link.status().state() == PbxLinkStatus.State.CONNECTED);
    }

    @Test
    @Order(1)
    void the_configuration_loads_without_an_error_or_a_warning() throws Exception {
        assertThat(asterisk.cli("core show version")).startsWith("Asterisk 22.");
        assertThat(asterisk.problems()).isEmpty();
        assertThat(asterisk.cli("dialplan show from-trunk")).contains("'114' =>");
        assertThat(asterisk.cli("queue show")).contains("psychologists has").contains("theologians has")
                .contains("religious-scholars has");
        assertThat(asterisk.cli("manager show connected")).contains("hotline");
        assertThat(asterisk.cli("module show like cdr_pgsql")).contains("cdr_pgsql.so").contains("Running");
    }

    @Test
    @Order(2)
    void calls_through_the_real_ivr_and_queue_are_logged_as_they_happened() throws Exception {
        commands.queueAdd("theologians", AGENT, "Test theologian", false);
        awaitUntil(Duration.ofSeconds(10), () -> asterisk.cli("queue show theologians").contains("Test theologian"));

        var noKey = commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<+77011234567>",
                RealAsterisk.caller("w", 12));
        var wrong = commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<87273334406>",
                RealAsterisk.caller("0", 12));
        var answered = commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<+77781234510>",
                RealAsterisk.caller("2", 20));
        assertThat(List.of(noKey, wrong, answered)).doesNotContainNull();

        awaitUntil(Duration.ofSeconds(90), () -> jdbc.queryForObject(
                "select count(*) from calls where pbx_id = ? and outcome <> 'IN_PROGRESS'", Long.class, PBX_ID) >= 3);
        var calls = jdbc.queryForList("""
                select caller_number, operator, region, ivr_choice, queues, answered_by, talk_seconds, outcome,
                       wrong_number_reason, hangup_by, linkedid
                from calls where pbx_id = ? order by started_at""", PBX_ID);
        var byNumber = new java.util.HashMap<String, Map<String, Object>>();
        calls.forEach(c -> byNumber.put((String) c.get("caller_number"), c));

        assertThat(byNumber.get("+77011234567")).containsEntry("outcome", "NO_INPUT").containsEntry("operator", "Kcell")
                .containsEntry("hangup_by", "PBX");
        assertThat(byNumber.get("+77273334406")).containsEntry("outcome", "WRONG_NUMBER")
                .containsEntry("wrong_number_reason", "DECLARED").containsEntry("ivr_choice", "0")
                .containsEntry("region", "Almaty");
        var talked = byNumber.get("+77781234510");
        assertThat(talked).as("hang-ups recorded: %s", jdbc.queryForList(
                "select channame, extra from cel where linkedid = ? and eventtype = 'HANGUP'", talked.get("linkedid")))
                .containsEntry("outcome", "ANSWERED").containsEntry("ivr_choice", "2")
                .containsEntry("hangup_by", "SPECIALIST");
        assertThat(array(talked.get("queues"))).containsExactly("theologians");
        assertThat(array(talked.get("answered_by"))).containsExactly("Test theologian");
        assertThat(((Number) talked.get("talk_seconds")).intValue()).isBetween(3, 5);

        // Asterisk's own account of the same calls, in the same database
        for (var c : calls) {
            assertThat(jdbc.queryForObject("select count(*) from cdr where linkedid = ?", Long.class, c.get("linkedid")))
                    .as("CDRs of %s", c.get("linkedid")).isPositive();
        }
        assertThat(jdbc.queryForObject("select count(*) from cel where linkedid = ? and eventtype = 'ANSWER'",
                Long.class, talked.get("linkedid"))).isPositive();
    }

    @Test
    @Order(3)
    void the_desk_pause_reaches_the_real_queue() throws Exception {
        commands.queueAdd("psychologists", "Local/201@hotline-test-agent/n", "Test psychologist", false);
        commands.queuePause("psychologists", "Local/201@hotline-test-agent/n", true, "break");
        awaitUntil(Duration.ofSeconds(10), () -> asterisk.cli("queue show psychologists").contains("paused:break"));
        commands.queuePause("psychologists", "Local/201@hotline-test-agent/n", false, null);
        awaitUntil(Duration.ofSeconds(10), () -> !asterisk.cli("queue show psychologists").contains("paused"));
        commands.queueRemove("psychologists", "Local/201@hotline-test-agent/n");
        awaitUntil(Duration.ofSeconds(10), () -> !asterisk.cli("queue show psychologists").contains("Test psychologist"));
        assertThat(asterisk.problems()).isEmpty();
    }

    @Test
    @Order(4)
    void a_transfer_from_the_desk_sends_the_caller_to_the_other_queue_on_the_real_pbx() throws Exception {
        // talks 20 s unless transferred; the theologian of the earlier test (Local/203, 3 s) takes the caller over
        String psychologist = "Local/20220@hotline-test-agent/n";
        commands.queueAdd("psychologists", psychologist, "Transfer psychologist", false);
        commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<+77051234599>",
                RealAsterisk.caller("1", 40));
        awaitUntil(Duration.ofSeconds(30), () -> live.snapshot().callOn(psychologist)
                .filter(c -> c.answered() && c.channel() != null).isPresent());
        var onPhone = live.snapshot().callOn(psychologist).orElseThrow();
        commands.blindTransfer(onPhone.channel(), "hotline-transfer", "theologians");

        awaitUntil(Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "select count(*) from calls where pbx_id = ? and linkedid = ? and outcome <> 'IN_PROGRESS'", Long.class,
                PBX_ID, onPhone.linkedid()) == 1);
        var call = jdbc.queryForMap("""
                select caller_number, queues, answered_by, transfers::text as transfers, outcome, talk_seconds
                from calls where pbx_id = ? and linkedid = ?""", PBX_ID, onPhone.linkedid());
        assertThat(call).containsEntry("outcome", "ANSWERED").containsEntry("caller_number", "+77051234599");
        assertThat(array(call.get("queues"))).containsExactly("psychologists", "theologians");
        assertThat(array(call.get("answered_by"))).containsExactly("Transfer psychologist", "Test theologian");
        assertThat((String) call.get("transfers")).contains("\"from\": \"psychologists\"").contains("\"to\": \"theologians\"");
        commands.queueRemove("psychologists", psychologist);
        assertThat(asterisk.problems()).isEmpty();
    }

    @Test
    @Order(5)
    void calls_the_pbx_took_while_the_link_was_down_are_logged_from_its_cdr_and_cel() throws Exception {
        var linkService = context.getBean("amiLinks", org.springframework.context.SmartLifecycle.class);
        linkService.stop();
        awaitUntil(Duration.ofSeconds(10), () -> link.status().state() != PbxLinkStatus.State.CONNECTED);
        long since = jdbc.queryForObject("select coalesce(max(id), 0) from cel", Long.class);

        // the PBX goes on taking calls (placed through a separate AMI session, as the carrier would send them)
        var ami = new org.asteriskjava.manager.ManagerConnectionFactory("127.0.0.1", asterisk.amiPort(), "hotline",
                RealAsterisk.AMI_SECRET).createManagerConnection();
        ami.login();
        try {
            for (var call : List.of(Map.entry("<+77011112233>", "0"), Map.entry("<+77471234588>", "2"))) {
                var originate = new org.asteriskjava.manager.action.OriginateAction();
                originate.setChannel("Local/114@from-trunk");
                originate.setContext("hotline-test-caller");
                originate.setExten("s");
                originate.setPriority(1);
                originate.setCallerId(call.getKey());
                originate.setVariables(RealAsterisk.caller(call.getValue(), 20));
                originate.setAsync(true);
                assertThat(ami.sendAction(originate, 10_000).getResponse()).isEqualTo("Success");
            }
        } finally {
            ami.logoff();
        }
        awaitUntil(Duration.ofSeconds(90), () -> jdbc.queryForObject(
                "select count(*) from cel where id > ? and eventtype = 'LINKEDID_END'", Long.class, since) >= 2);
        // the reconciler reads the records whether or not the link is up: the calls may be logged already
        linkService.start();
        awaitUntil(Duration.ofSeconds(60), () -> jdbc.queryForObject("""
                select count(*) from calls where pbx_id = ? and caller_number in (?, ?) and outcome <> 'IN_PROGRESS'""",
                Long.class, PBX_ID, "+77011112233", "+77471234588") == 2);
        var wrong = jdbc.queryForMap("select * from calls where pbx_id = ? and caller_number = ?", PBX_ID,
                "+77011112233");
        var hangups = jdbc.queryForList("select channame, extra from cel where linkedid = ? and eventtype = 'HANGUP'",
                wrong.get("linkedid"));
        assertThat(wrong).as("hang-ups recorded: %s", hangups).containsEntry("outcome", "WRONG_NUMBER").containsEntry("wrong_number_reason", "DECLARED")
                .containsEntry("ivr_choice", "0").containsEntry("operator", "Kcell").containsEntry("hangup_by", "PBX")
                .containsEntry("recovered", true);
        var talked = jdbc.queryForMap("select * from calls where pbx_id = ? and caller_number = ?", PBX_ID,
                "+77471234588");
        assertThat(talked).as("hang-ups recorded: %s", jdbc.queryForList(
                "select channame, extra from cel where linkedid = ? and eventtype = 'HANGUP'", talked.get("linkedid")))
                .containsEntry("outcome", "ANSWERED").containsEntry("ivr_choice", "2")
                .containsEntry("hangup_by", "SPECIALIST").containsEntry("recovered", true);
        assertThat(array(talked.get("queues"))).containsExactly("theologians");
        assertThat(array(talked.get("answered_by"))).containsExactly("Local/203@hotline-test-agent");
        assertThat(((Number) talked.get("talk_seconds")).intValue()).isBetween(2, 5);
        assertThat(jdbc.queryForObject("select count(*) from calls where pbx_id = ? and recovered and caller_number"
                + " not in (?, ?)", Long.class, PBX_ID, "+77011112233", "+77471234588"))
                .as("calls the link saw are not taken from the records").isZero();
        assertThat(asterisk.problems()).isEmpty();
    }

    @Test
    @Order(6)
    void when_the_link_comes_back_the_live_model_learns_from_the_real_pbx_where_its_calls_are() throws Exception {
        String psychologist = "Local/20245@hotline-test-agent/n"; // answers and talks 45 s
        commands.queueAdd("psychologists", psychologist, "Reseed psychologist", false);
        commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<+77051234577>",
                RealAsterisk.caller("1", 60));
        // religious-scholars has no members: this caller waits (joinempty = yes)
        commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<+77051234578>",
                RealAsterisk.caller("3", 40));
        awaitUntil(Duration.ofSeconds(30), () -> live.snapshot().callOn(psychologist)
                .filter(c -> c.answered() && c.channel() != null).isPresent()
                && !live.snapshot().queue("religious-scholars").map(q -> q.waiting().isEmpty()).orElse(true));
        var before = live.snapshot();
        var onPhone = before.callOn(psychologist).orElseThrow();
        var talking = before.calls().stream().filter(c -> c.linkedid().equals(onPhone.linkedid())).findFirst().orElseThrow();
        var waitingId = before.queue("religious-scholars").orElseThrow().waiting().getFirst().linkedid();

        var linkService = context.getBean("amiLinks", org.springframework.context.SmartLifecycle.class);
        long logins = link.status().reconnects();
        linkService.stop();
        linkService.start();
        awaitUntil(Duration.ofSeconds(30), () -> link.status().reconnects() > logins
                && link.status().state() == PbxLinkStatus.State.CONNECTED);
        // emptied at the reconnection, refilled from Asterisk's QueueStatus and CoreShowChannels answers
        awaitUntil(Duration.ofSeconds(10), () -> live.snapshot().callOn(psychologist).isPresent()
                && live.snapshot().calls().stream().anyMatch(c -> c.linkedid().equals(waitingId)
                        && c.queuedAt() != null));

        var after = live.snapshot();
        assertThat(after.callOn(psychologist)).hasValueSatisfying(c -> {
            assertThat(c.linkedid()).isEqualTo(onPhone.linkedid());
            assertThat(c.answered()).isTrue();
            assertThat(c.channel()).isEqualTo(onPhone.channel());
        });
        var call = after.calls().stream().filter(c -> c.linkedid().equals(onPhone.linkedid())).findFirst().orElseThrow();
        assertThat(call.stage()).isEqualTo(kz.hotline114.live.LiveCall.Stage.TALKING);
        assertThat(call.queue()).isEqualTo("psychologists");
        assertThat(call.iface()).isEqualTo(psychologist);
        assertThat(Duration.between(talking.startedAt(), call.startedAt()).abs()).isLessThan(Duration.ofSeconds(2));
        var waiting = after.calls().stream().filter(c -> c.linkedid().equals(waitingId)).findFirst().orElseThrow();
        assertThat(waiting.stage()).isEqualTo(kz.hotline114.live.LiveCall.Stage.QUEUED);
        assertThat(waiting.queue()).isEqualTo("religious-scholars");
        assertThat(after.queue("religious-scholars").orElseThrow().waiting())
                .extracting(kz.hotline114.live.WaitingCaller::linkedid).containsExactly(waitingId);

        // the desk still reaches the caller: the leg learnt from CoreShowChannels is the one a transfer moves
        commands.blindTransfer(after.callOn(psychologist).orElseThrow().channel(), "hotline-transfer", "theologians");
        awaitUntil(Duration.ofSeconds(60), () -> jdbc.queryForObject(
                "select count(*) from calls where pbx_id = ? and linkedid = ? and outcome <> 'IN_PROGRESS'", Long.class,
                PBX_ID, onPhone.linkedid()) == 1);
        var logged = jdbc.queryForMap("select queues, outcome from calls where pbx_id = ? and linkedid = ?", PBX_ID,
                onPhone.linkedid());
        assertThat(logged).containsEntry("outcome", "ANSWERED");
        assertThat(array(logged.get("queues"))).containsExactly("psychologists", "theologians");
        commands.queueRemove("psychologists", psychologist);
        assertThat(asterisk.problems()).isEmpty();
    }

    @Test
    @Order(7)
    void a_number_twice_wrong_hears_the_1414_message_the_third_time_and_a_number_with_a_case_goes_to_the_menu()
            throws Exception {
        String misdialer = "+77011230017";
        String withCase = "+77071230018";
        for (String number : List.of(misdialer, misdialer, withCase, withCase)) { // key 0: "I meant 1414"
            commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<" + number + ">",
                    RealAsterisk.caller("0", 12));
        }
        awaitUntil(Duration.ofSeconds(60), () -> ended(misdialer) == 2 && ended(withCase) == 2);
        assertThat(jdbc.queryForList("select wrong_number_reason from calls where pbx_id = ? and caller_number in (?, ?)",
                String.class, PBX_ID, misdialer, withCase)).containsOnly("DECLARED").hasSize(4);
        String consulted = jdbc.queryForObject("select min(linkedid) from calls where pbx_id = ? and caller_number = ?",
                String.class, PBX_ID, withCase);
        long caseId = jdbc.queryForObject("""
                insert into consultation_case (number, opened_at, opened_by, category, question, language, status)
                values ('114-REAL-1', now(), 'it', 'OTHER', 'сұрақ', 'kk', 'OPEN') returning id""", Long.class);
        jdbc.update("insert into case_call (case_id, pbx_id, linkedid) values (?, ?, ?)", caseId, PBX_ID, consulted);

        // the third calls: both press nothing; a key during the message goes on to the menu (2: theologians, 3 s)
        for (String number : List.of(misdialer, withCase)) {
            commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<" + number + ">",
                    RealAsterisk.caller("w", 15));
        }
        commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<" + misdialer + ">",
                RealAsterisk.caller("2wwwwwwww2", 25));
        awaitUntil(Duration.ofSeconds(90), () -> ended(misdialer) == 4 && ended(withCase) == 3);

        var third = jdbc.queryForList("""
                select outcome, wrong_number_reason, ivr_choice, hangup_by from calls
                where pbx_id = ? and caller_number = ? order by started_at offset 2""", PBX_ID, misdialer);
        assertThat(third).as("the misdialer's third and fourth calls").hasSize(2);
        assertThat(third.getFirst()).containsEntry("outcome", "WRONG_NUMBER").containsEntry("wrong_number_reason", "FILTERED")
                .containsEntry("hangup_by", "PBX");
        assertThat(third.getLast()).as("a key pressed during the message").containsEntry("outcome", "ANSWERED")
                .containsEntry("ivr_choice", "2");
        assertThat(jdbc.queryForMap("""
                select outcome, wrong_number_reason from calls where pbx_id = ? and caller_number = ?
                order by started_at desc limit 1""", PBX_ID, withCase))
                .as("a number with a case hears the menu").containsEntry("outcome", "NO_INPUT");
        assertThat(jdbc.queryForObject("""
                select count(*) from cdr c join calls k on k.linkedid = c.linkedid
                where k.pbx_id = ? and k.wrong_number_reason = 'FILTERED' and c.userfield like '%stage=filtered%'""",
                Long.class, PBX_ID)).as("Asterisk's own record says so too").isPositive();
        assertThat(asterisk.consoleLog()).as("the look-up's token in the PBX's log").doesNotContain(LOOKUP_TOKEN)
                .contains("HOTLINE_LOOKUP_HEADER=" + ("X-Hotline-Token: " + LOOKUP_TOKEN).length());
        assertThat(asterisk.problems()).isEmpty();
    }

    @Test
    @Order(8)
    void with_the_app_down_or_silent_every_caller_gets_the_menu_at_once() throws Exception {
        String misdialer = "+77011230017"; // filtered by the test before
        try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int closed;
            try (var s = new java.net.ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            var waits = new java.util.LinkedHashMap<String, Duration>();
            for (String url : List.of("http://127.0.0.1:" + closed, "http://127.0.0.1:" + silent.getLocalPort())) {
                asterisk.cli("dialplan set global ENV(HOTLINE_APP_URL) " + url);
                long before = ended(misdialer);
                commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<" + misdialer + ">",
                        RealAsterisk.caller("w", 12));
                awaitUntil(Duration.ofSeconds(60), () -> ended(misdialer) == before + 1);
                var call = jdbc.queryForMap("""
                        select linkedid, outcome from calls where pbx_id = ? and caller_number = ?
                        order by started_at desc limit 1""", PBX_ID, misdialer);
                assertThat(call).as("with %s", url).containsEntry("outcome", "NO_INPUT");
                waits.put(url, lookupTime((String) call.get("linkedid")));
            }
            System.out.println("RealAsteriskIT: from the misdialer look-up to the greeting " + waits);
            assertThat(waits.values()).as("from the look-up to the greeting: %s", waits)
                    .allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(2500)));
        } finally {
            asterisk.cli("dialplan set global ENV(HOTLINE_APP_URL) " + appUrl());
        }
        assertThat(asterisk.problems()).as("a failed look-up may warn, nothing else")
                .allSatisfy(line -> assertThat(line).containsIgnoringCase("curl"));
    }

    @Test
    @Order(9)
    void with_the_1414_hint_switched_on_every_caller_hears_it_in_the_greeting() throws Exception {
        String caller = "+77471230019"; // never a misdialer
        asterisk.cli("dialplan set global HOTLINE_HINT_1414 1");
        try {
            long before = ended(caller);
            commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<" + caller + ">",
                    RealAsterisk.caller("w", 12));
            awaitUntil(Duration.ofSeconds(60), () -> ended(caller) == before + 1);
        } finally {
            asterisk.cli("dialplan set global HOTLINE_HINT_1414 0");
        }
        String linkedid = jdbc.queryForObject("""
                select linkedid from calls where pbx_id = ? and caller_number = ? order by started_at desc limit 1""",
                String.class, PBX_ID, caller);
        assertThat(jdbc.queryForList("""
                select raw from ami_journal where pbx_id = ? and linkedid = ? and event = 'Newexten'
                    and raw like '%Application: Read%'""", String.class, PBX_ID, linkedid))
                .anySatisfy(raw -> assertThat(raw).contains("AppData: HOTLINE_CHOICE,check-number-dial-again&dir-welcome,"));
        assertThat(asterisk.problems()).allSatisfy(line -> assertThat(line).containsIgnoringCase("curl"));
    }

    @Test
    @Order(10)
    void answered_calls_are_recorded_encrypted_linked_and_served_with_ranges_a_transferred_one_whole() throws Exception {
        for (var number : List.of("+77781234510", "+77051234599")) { // tests 2 and 4: answered, and transferred
            var call = jdbc.queryForMap("select linkedid, talk_seconds from calls where pbx_id = ? and caller_number = ?",
                    PBX_ID, number);
            String linkedid = (String) call.get("linkedid");
            awaitUntil(Duration.ofSeconds(30), () -> jdbc.queryForObject("select count(*) from call_recording"
                    + " where pbx_id = ? and linkedid = ?", Long.class, PBX_ID, linkedid) == 1);
            var row = jdbc.queryForMap("select * from call_recording where pbx_id = ? and linkedid = ?", PBX_ID, linkedid);
            assertThat(asterisk.monitorDirectory().resolve("hotline-" + linkedid + ".wav")).as("the PBX's plain copy")
                    .doesNotExist();

            var whole = recording(linkedid, null);
            assertThat(whole.statusCode()).isEqualTo(200);
            byte[] wav = whole.body();
            assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(wav.length).isEqualTo(((Number) row.get("size_bytes")).longValue());
            assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(wav)))
                    .isEqualTo(row.get("sha256"));
            var format = javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(wav));
            double seconds = format.getFrameLength() / format.getFormat().getFrameRate();
            assertThat(seconds).as("the recording of call %s against its talk time", number)
                    .isCloseTo(((Number) call.get("talk_seconds")).doubleValue(), org.assertj.core.data.Offset.offset(1.0));

            var range = recording(linkedid, "bytes=100-199");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + wav.length);
            assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(wav, 100, 200));

            var stored = java.nio.file.Files.readAllBytes(context.getBean(kz.hotline114.shared.HotlineProperties.class)
                    .dataDir().resolve("recordings/store").resolve((String) row.get("store_key")));
            assertThat(new String(stored, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HREC");
            assertThat(java.util.Collections.indexOfSubList(java.util.Arrays.asList(box(stored)),
                    java.util.Arrays.asList(box(java.util.Arrays.copyOfRange(wav, 44, 76))))).as("no plain audio at rest")
                    .isEqualTo(-1);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RECORDING_PLAYED' and subject = ?",
                Long.class, PBX_ID + "/" + jdbc.queryForObject("select linkedid from calls where pbx_id = ? and"
                        + " caller_number = ?", String.class, PBX_ID, "+77781234510"))).isPositive();
    }

    private java.net.http.HttpResponse<byte[]> recording(String linkedid, @org.jspecify.annotations.Nullable String range)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(appUrl() + "/api/calls/" + PBX_ID + "/"
                + linkedid + "/recording")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:admin-pass-114".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (range != null) {
            request.header("Range", range);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Byte[] box(byte[] bytes) {
        var out = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i];
        }
        return out;
    }

    /** Calls of {@code number} the application has logged as ended. */
    private long ended(String number) {
        return jdbc.queryForObject("select count(*) from calls where pbx_id = ? and caller_number = ?"
                + " and outcome <> 'IN_PROGRESS'", Long.class, PBX_ID, number);
    }

    /** From the call's step into [hotline-misdialer] to its greeting's Read, as Asterisk's Newexten events say. */
    private Duration lookupTime(String linkedid) {
        var steps = jdbc.queryForList("""
                select event_ts, raw from ami_journal where pbx_id = ? and linkedid = ? and event = 'Newexten'
                order by id""", PBX_ID, linkedid);
        java.time.Instant gosub = null;
        for (var step : steps) {
            String raw = (String) step.get("raw");
            var at = ((java.sql.Timestamp) step.get("event_ts")).toInstant();
            if (raw.contains("Application: Gosub") && raw.contains("hotline-misdialer")) {
                gosub = at;
            } else if (gosub != null && raw.contains("Application: Read") && raw.contains("Context: hotline\n")) {
                return Duration.between(gosub, at);
            }
        }
        throw new AssertionError("no look-up and greeting in " + steps);
    }

    @Test
    @Order(11)
    void a_supervisor_listens_then_whispers_on_a_real_call_and_no_one_without_the_token_or_from_a_phone_can()
            throws Exception {
        String specialist = "Local/20240@hotline-test-agent/n"; // answers and talks 40 s
        commands.queueAdd("psychologists", specialist, "Spied psychologist", false);
        commands.originate("Local/114@from-trunk", "hotline-test-caller", "s", "<+77051234577>",
                RealAsterisk.caller("1", 45));
        awaitUntil(Duration.ofSeconds(30), () -> live.snapshot().callOn(specialist)
                .filter(c -> c.answered() && c.channel() != null).isPresent());
        var onPhone = live.snapshot().callOn(specialist).orElseThrow();
        var call = new kz.hotline114.calls.CallKey(PBX_ID, onPhone.linkedid());
        var supervision = context.getBean(kz.hotline114.risk.Supervision.class);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("real-supervisor",
                        "n/a", List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                "ROLE_SUPERVISOR"))));
        try {
            // a forged token: the supervisor's phone is hung up by [hotline-spy] (21), nothing spies
            commands.originate("Local/33115@hotline-test-supervisor/n", "hotline-spy", "listen", "<114>",
                    Map.of("HOTLINE_SPY_TARGET", onPhone.channel(), "HOTLINE_SPY_TOKEN", "forged"));
            // a phone dialling the spy extension: its context has no such extension
            commands.originate("Local/listen@phones/n", "hotline-test-supervisor", "31", "<201>", Map.of());

            supervision.linkMyPhone("Local/33030@hotline-test-supervisor/n");
            supervision.join(call, kz.hotline114.risk.Supervision.Mode.LISTEN);
            awaitUntil(Duration.ofSeconds(20), () -> "listen".equals(live.snapshot().callOn(specialist)
                    .map(kz.hotline114.live.AgentCall::supervisor).orElse(null)));
            supervision.join(call, kz.hotline114.risk.Supervision.Mode.WHISPER);
            awaitUntil(Duration.ofSeconds(20), () -> spyApps(onPhone.channel()).stream()
                    .anyMatch(a -> a.endsWith(",qbESw")));
            // ChanSpyStart follows the application's start: wait for it to be journaled too
            awaitUntil(Duration.ofSeconds(20), () -> jdbc.queryForObject("select count(*) from ami_journal where"
                    + " pbx_id = ? and event = 'ChanSpyStart' and raw like ?", Long.class, PBX_ID,
                    "%SpyerExten: whisper%") > 0);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        var starts = jdbc.queryForList("select raw from ami_journal where pbx_id = ? and event = 'ChanSpyStart'"
                + " and raw like ?", String.class, PBX_ID, "%SpyeeChannel: " + onPhone.channel() + "\n%");
        assertThat(starts).as("the ChanSpy channels Asterisk reported").anySatisfy(raw -> assertThat(raw)
                .contains("SpyerChannel: Local/33030@hotline-test-supervisor").contains("SpyerExten: listen"))
                .anySatisfy(raw -> assertThat(raw).contains("SpyerExten: whisper"))
                .noneSatisfy(raw -> assertThat(raw).contains("Local/33115@"));
        assertThat(spyApps(onPhone.channel())).as("the options").contains(onPhone.channel() + ",qbES",
                onPhone.channel() + ",qbESw");
        assertThat(jdbc.queryForList("select raw from ami_journal where pbx_id = ? and event = 'Hangup' and raw like ?",
                String.class, PBX_ID, "%Channel: Local/33115@hotline-test-supervisor%;1%")).as("refused")
                .anySatisfy(raw -> assertThat(raw).contains("Cause: 21"));
        var dialled = jdbc.queryForList("select raw from ami_journal where pbx_id = ? and raw like ?", String.class,
                PBX_ID, "%Channel: Local/listen@phones%");
        assertThat(dialled).as("a phone dialling 'listen' ends without reaching [hotline-spy]")
                .noneSatisfy(raw -> assertThat(raw).contains("Context: hotline-spy"))
                .noneSatisfy(raw -> assertThat(raw).contains("Application: ChanSpy"))
                .anySatisfy(raw -> assertThat(raw).contains("Event: Hangup"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action in ('SUPERVISOR_LISTENED',"
                + " 'SUPERVISOR_WHISPERED') and subject = ?", Long.class, call.toString())).isEqualTo(2);
        commands.queueRemove("psychologists", specialist);
    }

    /** The data of every ChanSpy application run against this leg ("<leg>,<options>"), from the journal. */
    private List<String> spyApps(String leg) {
        return jdbc.queryForList("select raw from ami_journal where pbx_id = ? and event = 'Newexten' and raw like ?",
                String.class, PBX_ID, "%Application: ChanSpy%").stream().flatMap(raw -> raw.lines())
                .filter(l -> l.startsWith("AppData: " + leg + ",")).map(l -> l.substring("AppData: ".length())).toList();
    }

    private static List<String> array(Object sqlArray) throws java.sql.SQLException {
        return List.of((String[]) ((java.sql.Array) sqlArray).getArray());
    }

    private static void awaitUntil(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
