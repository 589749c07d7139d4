package kz.hotline114.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the Asterisk configuration in {@code pbx-config/asterisk} consistent with what
 * the application relies on: the IVR key -> queue mapping of hotline-core, the UserEvents
 * it registers, the inherited HOTLINE_* variables, the AMI user, CDR/CEL output, and the
 * docker-compose wiring. Where the recorded AMI sessions (shared/fixtures/ami) are present,
 * it also replays their Newexten/UserEvent packets against the dialplan, so that the
 * dialplan stays the one the recordings were made with.
 *
 * <p>Plain JUnit, no Spring. Paths are relative to the module directory (Maven's working
 * directory for tests); {@code -Dpbxconfig.module-dir=...} and
 * {@code -Dpbxconfig.ami-fixtures=...} override them.
 */
class PbxConfigConsistencyTest {

    /**
     * The UserEvent names the application registers with Asterisk-Java
     * ({@code ManagerConnection.registerUserEventClass}); an unregistered name is dropped
     * by the library, so the dialplan must not emit any other (shared/fixtures/ami/README.md).
     * Read from {@link #USER_EVENT_CLASSES} when that source file exists, else these.
     */
    static final Set<String> APPLICATION_USER_EVENTS =
            Set.of("HotlineIvr", "HotlineWrongNumber", "HotlineTransfer", "HotlineCallEnd");

    /** Key of ivr-menu.properties whose value is the digit for "I meant 1414". */
    static final String WRONG_NUMBER_KEY = "wrong-number";

    /** The user the application logs in to AMI with. */
    static final String AMI_USER = "hotline";

    static final Path MODULE = moduleDirectory();
    static final Path ASTERISK = MODULE.resolve("asterisk");
    static final Path REPOSITORY = MODULE.getParent();
    static final Path IVR_MENU = REPOSITORY.resolve("hotline-core/src/main/resources/kz/hotline114/calls/ivr-menu.properties");
    static final Path COMPOSE = REPOSITORY.resolve("docker-compose.yml");
    static final Path ENV_EXAMPLE = REPOSITORY.resolve(".env.example");
    static final Path ENTRYPOINT = MODULE.resolve("docker/entrypoint.sh");
    /** hotline-core's list of UserEvent classes; Asterisk-Java names a class XyzEvent "Xyz". */
    static final Path USER_EVENT_CLASSES =
            REPOSITORY.resolve("hotline-core/src/main/java/kz/hotline114/pbx/internal/HotlineUserEvents.java");
    static final Path AMI_FIXTURES = Path.of(System.getProperty("pbxconfig.ami-fixtures",
            REPOSITORY.resolve("ami-simulator/src/main/resources/kz/hotline114/pbx/recordings").toString()));

    static AsteriskConf extensions;
    static Dialplan dialplan;
    static AsteriskConf queues;
    static AsteriskConf manager;
    static AsteriskConf pjsip;
    static Map<String, String> ivrKeyToQueue;
    static String wrongNumberDigit;
    static Map<String, Object> compose;

    @BeforeAll
    static void readConfiguration() throws IOException {
        extensions = conf("extensions.conf");
        dialplan = Dialplan.of(extensions);
        queues = conf("queues.conf");
        manager = conf("manager.conf");
        pjsip = conf("pjsip.conf");

        assertThat(IVR_MENU).as("the application's IVR mapping").exists();
        Properties menu = new Properties();
        try (Reader reader = Files.newBufferedReader(IVR_MENU, StandardCharsets.UTF_8)) {
            menu.load(reader);
        }
        ivrKeyToQueue = new TreeMap<>();
        for (String key : menu.stringPropertyNames()) {
            if (key.matches("[0-9]")) {
                ivrKeyToQueue.put(key, menu.getProperty(key).strip());
            }
        }
        wrongNumberDigit = Optional.ofNullable(menu.getProperty(WRONG_NUMBER_KEY)).map(String::strip).orElse(null);
        assertThat(ivrKeyToQueue).as("digit keys of %s", IVR_MENU).isNotEmpty();
        assertThat(wrongNumberDigit).as("%s of %s", WRONG_NUMBER_KEY, IVR_MENU).matches("[0-9]");

        assertThat(COMPOSE).exists();
        try (Reader reader = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
    }

    /** Maven runs tests in the module directory; an IDE may run them in the repository root. */
    static Path moduleDirectory() {
        String configured = System.getProperty("pbxconfig.module-dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return Files.isDirectory(cwd.resolve("pbx-config/asterisk")) ? cwd.resolve("pbx-config") : cwd;
    }

    static AsteriskConf conf(String name) throws IOException {
        Path file = ASTERISK.resolve(name);
        assertThat(file).as("pbx-config/asterisk/" + name).exists();
        return AsteriskConf.parse(file);
    }

    // ------------------------------------------------------------------ IVR and queues

    @Test
    void the_pbx_defines_exactly_the_queues_the_application_maps_ivr_keys_to() {
        Set<String> defined = queues.concreteSections().stream()
                .map(s -> s.name)
                .filter(name -> !name.equals("general"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(defined).containsExactlyInAnyOrderElementsOf(new TreeSet<>(ivrKeyToQueue.values()));
    }

    @Test
    void every_ivr_key_of_the_application_routes_to_the_queue_it_names() {
        ivrKeyToQueue.forEach((digit, queue) -> {
            Dialplan.Walk walk = dialplan.walk("hotline-menu", digit, Map.of());

            assertThat(walk.end()).as("key %s: %s", digit, walk.steps()).isEqualToIgnoringCase("Queue");
            assertThat(walk.last().orElseThrow().resolved().args().getFirst())
                    .as("queue reached by key %s: %s", digit, walk.steps())
                    .isEqualTo(queue);
        });
    }

    @Test
    void the_menu_offers_no_digit_the_application_does_not_know() {
        Set<String> digitsInMenu = dialplan.contexts.getOrDefault("hotline-menu", Map.of()).keySet().stream()
                .filter(exten -> exten.matches("[0-9*#]"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> known = new TreeSet<>(ivrKeyToQueue.keySet());
        known.add(wrongNumberDigit);

        assertThat(digitsInMenu).containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void the_ivr_reads_one_digit_in_5_seconds_and_jumps_to_the_menu_extension_of_that_digit() {
        List<Dialplan.App> ivr = apps("hotline", "s");
        Dialplan.App read = ivr.stream().filter(a -> a.is("Read")).findFirst()
                .orElseThrow(() -> new AssertionError("[hotline] s has no Read()"));
        List<String> args = read.args();
        String variable = args.getFirst();

        assertThat(args).as("Read(variable,prompt,maxdigits,options,attempts,timeout)").hasSizeGreaterThanOrEqualTo(6);
        assertThat(args.get(2)).as("max digits").isEqualTo("1");
        assertThat(args.get(5)).as("timeout (s)").isEqualTo("5");
        assertThat(ivr).as("a jump to hotline-menu,<the digit read>,1")
                .anySatisfy(app -> assertThat(app.is("GotoIf") && app.data().contains("hotline-menu,${" + variable + "},1")).isTrue());
        assertThat(ivr).as("no digit -> hotline-menu,t (no-input)")
                .anySatisfy(app -> assertThat(app.is("GotoIf") && app.data().contains("hotline-menu,t,1")).isTrue());
        assertThat(dialplan.matchingExtens("hotline-menu", "t")).as("no-input branch").containsExactly("t");
        assertThat(dialplan.matchingExtens("hotline-menu", "i")).as("invalid-choice branch").containsExactly("i");
    }

    @Test
    void the_wrong_number_key_declares_that_the_caller_meant_1414_and_hangs_up() {
        Dialplan.Walk walk = dialplan.walk("hotline-menu", wrongNumberDigit, Map.of());

        assertThat(walk.end()).as("%s", walk.steps()).isEqualToIgnoringCase("Hangup");
        assertThat(walk.apps("Queue")).as("no queue for a wrong number").isEmpty();
        assertThat(walk.apps("UserEvent")).as("UserEvents of key %s", wrongNumberDigit)
                .anySatisfy(event -> {
                    assertThat(event.args().getFirst()).isEqualTo("HotlineWrongNumber");
                    assertThat(Dialplan.userEventFields(event))
                            .containsEntry("Reason", "declared")
                            .containsEntry("Intended", "1414");
                });
        assertThat(walk.apps("Playback")).as("a message with the right number").isNotEmpty();
        assertThat(walk.apps("Set")).as("CDR(userfield) marks the intended number")
                .anySatisfy(set -> assertThat(set.data()).startsWith("CDR(userfield)=").endsWith("|intended=1414"));
    }

    @Test
    void the_ivr_reports_every_stage_the_application_reads() {
        Set<String> stages = userEvents("HotlineIvr").stream()
                .map(e -> Dialplan.userEventFields(e).get("Stage"))
                .collect(Collectors.toSet());

        assertThat(stages).containsExactlyInAnyOrder("greeting", "choice", "queue", "queue-exit", "no-input");
        assertThat(userEvents("HotlineIvr")).as("HotlineIvr fields per stage")
                .anySatisfy(e -> assertThat(Dialplan.userEventHeaders(e)).containsExactly("Stage", "Dnid"))
                .anySatisfy(e -> assertThat(Dialplan.userEventHeaders(e)).containsExactly("Stage", "Choice", "ReadStatus"))
                .anySatisfy(e -> assertThat(Dialplan.userEventHeaders(e)).containsExactly("Stage", "Queue"))
                .anySatisfy(e -> assertThat(Dialplan.userEventHeaders(e)).containsExactly("Stage", "Queue", "QueueStatus"));
    }

    @Test
    void the_dialplan_emits_exactly_the_user_events_the_application_registers() throws IOException {
        Set<String> registered = new TreeSet<>(APPLICATION_USER_EVENTS);
        if (Files.exists(USER_EVENT_CLASSES)) {
            registered.clear();
            Matcher m = Pattern.compile("\\b(\\w+)Event\\.class").matcher(Files.readString(USER_EVENT_CLASSES));
            while (m.find()) {
                registered.add(m.group(1));
            }
            assertThat(registered).as("UserEvent classes listed in %s", USER_EVENT_CLASSES).isNotEmpty();
        }
        Set<String> emitted = dialplan.allApps().stream()
                .map(Map.Entry::getValue)
                .filter(app -> app.is("UserEvent"))
                .map(app -> app.args().getFirst().strip())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(emitted).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void every_cdr_userfield_follows_the_hotline_format() {
        Pattern format = Pattern.compile("hotline\\|stage=[a-z-]+(\\|queue=(\\$\\{HOTLINE_QUEUE}|[a-z-]+))?(\\|intended=1414)?");
        List<String> userfields = dialplan.allApps().stream()
                .map(Map.Entry::getValue)
                .filter(app -> app.is("Set") && app.data().startsWith("CDR(userfield)="))
                .map(app -> app.data().substring("CDR(userfield)=".length()))
                .toList();

        assertThat(userfields).as("CDR(userfield) assignments").isNotEmpty()
                .allSatisfy(value -> assertThat(value).matches(format));
    }

    @Test
    void inbound_calls_enter_from_trunk_and_mark_every_leg_with_inherited_hotline_variables() {
        assertThat(dialplan.hasContext("from-trunk")).as("context from-trunk").isTrue();
        Dialplan.Walk walk = dialplan.walk("from-trunk", "114", Map.of());
        List<Dialplan.Step> beforeAnswer = new ArrayList<>();
        for (Dialplan.Step step : walk.steps()) {
            if (step.app().is("Answer")) {
                break;
            }
            beforeAnswer.add(step);
        }
        Map<String, String> inherited = new LinkedHashMap<>();
        beforeAnswer.stream().map(Dialplan.Step::app).filter(app -> app.is("Set")).forEach(set -> {
            int eq = set.data().indexOf('=');
            inherited.put(set.data().substring(0, eq).strip(), set.data().substring(eq + 1));
        });

        assertThat(walk.steps()).as("the path from from-trunk,114 reaches Answer()")
                .anySatisfy(step -> assertThat(step.app().is("Answer")).isTrue());
        assertThat(walk.steps().getFirst().context()).isEqualTo("from-trunk");
        assertThat(inherited).as("Set() before Answer() on the inbound path %s", beforeAnswer)
                .containsKeys("__HOTLINE_DNID", "__HOTLINE_CALLER", "__HOTLINE_CALL_ID");
        assertThat(inherited.get("__HOTLINE_CALL_ID")).as("call id = the inbound leg's Uniqueid").isEqualTo("${UNIQUEID}");
        assertThat(beforeAnswer).as("HOTLINE_DNID is set in from-trunk itself")
                .anySatisfy(step -> assertThat(step.context().equals("from-trunk")
                        && step.app().data().startsWith("__HOTLINE_DNID=")).isTrue());
        assertThat(pjsipEndpoint("carrier").flatMap(e -> pjsip.value(e, "context")))
                .as("the carrier trunk delivers calls into from-trunk").contains("from-trunk");
    }

    @Test
    void a_transfer_to_each_queue_emits_hotline_transfer_and_queues_the_caller_there() {
        assertThat(dialplan.hasContext("hotline-transfer")).as("context hotline-transfer").isTrue();
        for (String target : ivrKeyToQueue.values()) {
            String from = ivrKeyToQueue.values().stream().filter(q -> !q.equals(target)).findFirst().orElse("psychologists");
            Dialplan.Walk walk = dialplan.walk("hotline-transfer", target, Map.of("HOTLINE_QUEUE", from));

            assertThat(walk.end()).as("transfer to %s: %s", target, walk.steps()).isEqualToIgnoringCase("Queue");
            assertThat(walk.last().orElseThrow().resolved().args().getFirst()).as("queue after transfer").isEqualTo(target);
            assertThat(walk.apps("UserEvent")).as("UserEvents on transfer to %s", target)
                    .anySatisfy(event -> {
                        assertThat(event.args().getFirst()).isEqualTo("HotlineTransfer");
                        assertThat(Dialplan.userEventFields(event)).containsEntry("From", from).containsEntry("To", target);
                    });
        }
    }

    @Test
    void a_transfer_to_a_colleagues_phone_rings_it_and_puts_an_unanswered_caller_back_into_the_queue() {
        assertThat(dialplan.hasContext("hotline-transfer-phone")).as("context hotline-transfer-phone").isTrue();
        for (String phone : List.of("201", "204", "207")) {
            Dialplan.Walk walk = dialplan.walk("hotline-transfer-phone", phone, Map.of("HOTLINE_QUEUE", "theologians"));

            assertThat(walk.end()).as("transfer to %s: %s", phone, walk.steps()).isEqualToIgnoringCase("Dial");
            var dial = walk.last().orElseThrow();
            assertThat(dial.resolved().args().getFirst()).isEqualTo("PJSIP/" + phone);
            assertThat(Integer.parseInt(dial.resolved().args().get(1).strip())).as("rings a while, not for ever")
                    .isBetween(10, 40);
            var written = dialplan.matchingExtens("hotline-transfer-phone", phone).getFirst();
            var check = dialplan.app("hotline-transfer-phone", written, dial.priority() + 1).orElseThrow();
            assertThat(check.name()).isEqualToIgnoringCase("GotoIf");
            assertThat(check.data()).contains("DIALSTATUS").contains("ANSWER");
            var back = dialplan.app("hotline-transfer-phone", written, dial.priority() + 2).orElseThrow();
            assertThat(back.name()).as("unanswered: back into the queue").isEqualToIgnoringCase("Goto");
            assertThat(back.args()).containsExactly("hotline-menu", "queue", "1");
            Dialplan.Walk requeued = dialplan.walk("hotline-menu", "queue", Map.of("HOTLINE_QUEUE", "theologians"));
            assertThat(requeued.end()).isEqualToIgnoringCase("Queue");
            assertThat(requeued.last().orElseThrow().resolved().args().getFirst()).isEqualTo("theologians");
        }
        assertThat(dialplan.matchingExtens("hotline-transfer-phone", "+77001234567")).as("only desk phones").isEmpty();
        assertThat(dialplan.matchingExtens("phones", "203")).as("an attended transfer dials Context: phones")
                .isNotEmpty();
    }

    @Test
    void a_supervisor_listens_whispers_or_barges_only_through_ami_with_the_applications_token() throws IOException {
        assertThat(dialplan.hasContext("hotline-spy")).as("context hotline-spy").isTrue();
        var options = Map.of("listen", "qbES", "whisper", "qbESw", "barge", "qbESB");
        options.forEach((mode, expected) -> {
            var written = dialplan.matchingExtens("hotline-spy", mode);
            assertThat(written).as(mode).hasSize(1);
            var check = dialplan.app("hotline-spy", written.getFirst(), 1).orElseThrow();
            assertThat(check.name()).as("%s: the token first", mode).isEqualToIgnoringCase("GotoIf");
            assertThat(check.data()).contains("${HOTLINE_SPY_TOKEN}").contains("${GLOBAL(HOTLINE_SPY_SECRET)}")
                    .contains("= \"\"").endsWith("?refused,1");
            var spy = dialplan.app("hotline-spy", written.getFirst(), 3).orElseThrow();
            assertThat(spy.name()).isEqualToIgnoringCase("ChanSpy");
            assertThat(spy.args()).as(mode).containsExactly("${HOTLINE_SPY_TARGET}", expected);
        });
        var refused = dialplan.walk("hotline-spy", "refused", Map.of());
        assertThat(refused.end()).isEqualToIgnoringCase("Hangup");
        assertThat(dialplan.globals).as("no token in the file: the application sets it").containsEntry(
                "HOTLINE_SPY_SECRET", "");
        for (var context : List.of("phones", "from-trunk", "agents", "default", "hotline", "hotline-menu")) {
            for (var exten : List.of("listen", "whisper", "barge", "refused")) {
                assertThat(dialplan.matchingExtens(context, exten)).as("%s reaches %s", context, exten).isEmpty();
            }
        }
        assertThat(java.nio.file.Files.readString(ASTERISK.resolve("extensions.conf")))
                .as("no context includes another").doesNotContainPattern("(?m)^\\s*include\\s*=>");
    }

    @Test
    void an_unacknowledged_urgent_flag_calls_the_on_call_contact_with_the_alert_message() {
        var walk = dialplan.walk("hotline-risk-alert", "s", Map.of("HOTLINE_RISK_ID", "7"));
        assertThat(walk.apps("Playback")).as(walk.steps().toString()).hasSize(2)
                .allSatisfy(a -> assertThat(a.args()).containsExactly("hotline-risk-alert"));
        assertThat(walk.apps("Answer")).hasSize(1);
        assertThat(walk.end()).isEqualToIgnoringCase("Hangup");
    }

    @Test
    void callbacks_dial_the_caller_through_the_carrier_trunk() {
        assertThat(dialplan.hasContext("hotline-callback")).as("context hotline-callback").isTrue();
        for (String number : List.of("+77471234509", "87172554433")) {
            Dialplan.Walk walk = dialplan.walk("hotline-callback", number, Map.of());

            assertThat(walk.end()).as("callback to %s: %s", number, walk.steps()).isEqualToIgnoringCase("Dial");
            assertThat(walk.last().orElseThrow().app().args().getFirst()).isEqualTo("PJSIP/${EXTEN}@carrier");
        }
        assertThat(pjsipEndpoint("carrier")).as("pjsip endpoint carrier").isPresent();
        assertThat(dialplan.matchingExtens("hotline-callback", "0012025550123"))
                .as("no international destinations from the callback context").isEmpty();
    }

    @Test
    void the_hangup_handler_reports_the_call_end_with_every_field_the_application_reads() {
        Dialplan.App push = apps("hotline", "s").stream()
                .filter(a -> a.is("Set") && a.data().startsWith("CHANNEL(hangup_handler_push)="))
                .findFirst().orElseThrow(() -> new AssertionError("[hotline] pushes no hangup handler"));
        List<String> target = Dialplan.splitTopLevel(push.data().substring(push.data().indexOf('=') + 1));
        String handlerContext = target.getFirst();

        assertThat(dialplan.hasContext(handlerContext)).as("handler context %s", handlerContext).isTrue();
        assertThat(apps(handlerContext, target.get(1))).as("the handler")
                .anySatisfy(app -> {
                    assertThat(app.is("UserEvent")).isTrue();
                    assertThat(app.args().getFirst()).isEqualTo("HotlineCallEnd");
                    assertThat(Dialplan.userEventHeaders(app)).containsExactly(
                            "Stage", "Choice", "Queue", "QueueStatus", "SecondsSinceAnswer", "HangupCause");
                })
                .last().satisfies(app -> assertThat(app.is("Return")).as("a hangup handler ends with Return()").isTrue());
    }

    @Test
    void every_queue_lets_callers_wait_and_has_no_static_members() {
        Map<String, String> strategies = new TreeMap<>();
        for (String queue : ivrKeyToQueue.values()) {
            AsteriskConf.Section section = queues.requireSection(queue);
            strategies.put(queue, queues.value(section, "strategy").orElse("ringall"));

            assertThat(queues.values(section, "member")).as("static members of %s (the app adds them over AMI)", queue).isEmpty();
            assertThat(queues.value(section, "joinempty").map(AsteriskConf::isTrue)).as("%s joinempty", queue).contains(true);
            assertThat(queues.value(section, "ringinuse").map(AsteriskConf::isTrue)).as("%s ringinuse", queue).contains(false);
        }

        assertThat(strategies).as("as on the recording PBX").containsAllEntriesOf(Map.of(
                "psychologists", "rrmemory", "theologians", "rrmemory", "religious-scholars", "leastrecent"));
    }

    // ------------------------------------------------------------------ recordings

    @Test
    void the_dialplan_runs_the_applications_the_recording_pbx_ran_at_the_same_priorities() {
        List<AmiRecordings.Packet> packets = recordings();
        // contexts that only existed on the recording harness (simulated callers and
        // specialists), and pseudo applications of channels created by Dial/Queue/Originate
        Set<String> harnessContexts = Set.of("sim-caller", "agents");
        Set<String> pseudoApps = Set.of("AppDial", "AppDial2", "AppQueue");
        Map<String, AmiRecordings.Packet> previousByChannel = new HashMap<>();
        Set<String> problems = new TreeSet<>();
        int compared = 0;

        for (AmiRecordings.Packet event : packets) {
            if (!event.isEvent("Newexten")) {
                continue;
            }
            String uniqueid = event.get("Uniqueid");
            AmiRecordings.Packet previous = previousByChannel.put(uniqueid, event);
            String context = event.get("Context");
            String exten = event.get("Extension");
            String appName = event.get("Application");
            String appData = event.get("AppData");
            if (context == null || exten == null || appName == null || appData == null) {
                problems.add("incomplete Newexten in " + event.file().getFileName() + ": " + event.headers());
                continue;
            }
            if (harnessContexts.contains(context) || pseudoApps.contains(appName)) {
                continue;
            }
            // After an AMI Redirect Asterisk reports the new place with the application the
            // channel was running before (seen in transfer.ami): not a dialplan step.
            if (previous != null && appName.equals(previous.get("Application")) && appData.equals(previous.get("AppData"))
                    && !(context.equals(previous.get("Context")) && exten.equals(previous.get("Extension")))) {
                continue;
            }
            int recordedPriority = Integer.parseInt(event.get("Priority"));
            // the misdialer look-up was added after the recordings: one step in between
            int priority = context.equals("hotline") && exten.equals("s") && recordedPriority >= MISDIALER_STEP
                    ? recordedPriority + 1 : recordedPriority;
            String where = context + "," + exten + "," + priority + " " + appName + "(" + appData + ")"
                    + " [" + event.file().getFileName() + "]";
            compared++;
            List<String> candidates = dialplan.matchingExtens(context, exten);
            if (candidates.isEmpty()) {
                problems.add("no extension for " + where);
                continue;
            }
            boolean matched = candidates.stream()
                    .map(written -> dialplan.app(context, written, priority))
                    .flatMap(Optional::stream)
                    .anyMatch(app -> app.is(appName) && Dialplan.appDataRegex(app.data()).matcher(appData).matches());
            if (!matched) {
                problems.add("recorded " + where + " but the dialplan has "
                        + candidates.stream().map(w -> dialplan.app(context, w, priority).map(Object::toString).orElse("nothing"))
                        .toList());
            }
        }

        assertThat(compared).as("recorded Newexten events compared").isGreaterThan(100);
        assertThat(problems).as("differences from the recordings in %s", AMI_FIXTURES).isEmpty();
    }

    @Test
    void the_conversation_is_recorded_once_per_call_into_a_file_named_by_its_linkedid() {
        var record = apps("hotline-menu", "queue").stream().filter(a -> a.data().contains("MixMonitor(")).toList();
        assertThat(record).as("one MixMonitor on the queue path").hasSize(1);
        assertThat(record.getFirst().data()).as("the app finds the file by the call's key (Linkedid), only while bridged,"
                        + " not twice after a transfer")
                .contains("MixMonitor(hotline-${CHANNEL(linkedid)}.wav,b)").contains("\"${MIXMONITOR_FILENAME}\" = \"\"")
                .contains("${HOTLINE_RECORD}");
    }

    /** {@code [hotline] s}'s priority of the look-up of known misdialers (issue 17), added after the recordings. */
    static final int MISDIALER_STEP = 10;

    @Test
    void a_known_misdialer_hears_the_1414_message_before_the_menu_and_every_other_caller_goes_on_fail_open() {
        assertThat(dialplan.app("hotline", "s", MISDIALER_STEP)).as("[hotline] s,%s", MISDIALER_STEP)
                .hasValueSatisfying(app -> assertThat(app.toString()).isEqualTo("Gosub(hotline-misdialer,s,1)"));
        assertThat(dialplan.app("hotline", "s", MISDIALER_STEP + 1)).as("then the greeting menu")
                .hasValueSatisfying(app -> assertThat(app.is("Read")).isTrue());
        List<Dialplan.App> lookup = apps("hotline-misdialer", "s");

        assertThat(lookup.getFirst().data()).as("the greeting prompt, with the 1414 hint only if switched on")
                .startsWith("HOTLINE_GREETING=${IF(${HOTLINE_HINT_1414}?");
        assertThat(dialplan.globals).containsEntry("HOTLINE_HINT_1414", "0");
        assertThat(lookup.get(1).toString()).as("no URL configured: no look-up at all")
                .contains("GotoIf($[\"${ENV(HOTLINE_APP_URL)}\" = \"\"").endsWith("?done)");
        assertThat(lookup).extracting(Object::toString).as("at most a second to connect and a second to answer")
                .contains("Set(CURLOPT(conntimeout)=1)", "Set(CURLOPT(httptimeout)=1)");
        assertThat(lookup).extracting(Object::toString).as("the token as a header, its value never in the verbose log")
                .contains("Set(HOTLINE_LOOKUP_HEADER=${LEN(${SET(CURLOPT(httpheader)=X-Hotline-Token: "
                        + "${ENV(HOTLINE_PBX_LOOKUP_TOKEN)})})})");
        Dialplan.App curl = lookup.stream().filter(a -> a.data().contains("${CURL(")).findFirst().orElseThrow();
        assertThat(curl.data()).contains("${ENV(HOTLINE_APP_URL)}/pbx/misdialer?number=${URIENCODE(${CALLERID(num)})}");
        assertThat(lookup.get(lookup.indexOf(curl) + 1).toString()).as("anything but \"1\" (an error too) goes on")
                .isEqualTo("GotoIf($[\"${HOTLINE_MISDIALER}\" != \"1\"]?done)");
        Dialplan.App message = lookup.stream().filter(a -> a.is("Read")).findFirst().orElseThrow();
        assertThat(message.args().get(2)).as("one key goes on").isEqualTo("1");
        assertThat(Integer.parseInt(message.args().get(5))).as("seconds to press it").isBetween(3, 5);
        assertThat(lookup).as("no key: logged as filtered, and the PBX hangs up")
                .anySatisfy(a -> assertThat(a.toString()).isEqualTo("Set(CDR(userfield)=hotline|stage=filtered|intended=1414)"))
                .anySatisfy(a -> {
                    assertThat(a.is("UserEvent") && a.args().getFirst().equals("HotlineWrongNumber")).isTrue();
                    assertThat(Dialplan.userEventFields(a)).containsEntry("Reason", "filtered").containsEntry("Intended", "1414");
                })
                .anySatisfy(a -> assertThat(a.is("Hangup")).isTrue());
        assertThat(lookup.getLast().is("Return")).as("every other caller returns to the greeting").isTrue();
    }

    @Test
    void every_user_event_the_recording_pbx_sent_is_emitted_with_the_same_headers() {
        Map<String, Set<List<String>>> recorded = new TreeMap<>();
        for (AmiRecordings.Packet packet : recordings()) {
            if (packet.isEvent("UserEvent")) {
                recorded.computeIfAbsent(packet.get("UserEvent"), k -> new LinkedHashSet<>())
                        .add(packet.headerNamesAfter("UserEvent"));
            }
        }
        Map<String, Set<List<String>>> ours = new TreeMap<>();
        for (Map.Entry<String, Dialplan.App> entry : dialplan.allApps()) {
            Dialplan.App app = entry.getValue();
            if (app.is("UserEvent")) {
                ours.computeIfAbsent(app.args().getFirst(), k -> new LinkedHashSet<>()).add(Dialplan.userEventHeaders(app));
            }
        }

        assertThat(recorded).as("UserEvents in the recordings").isNotEmpty();
        recorded.forEach((name, headerLists) -> assertThat(ours.getOrDefault(name, Set.of()))
                .as("header lists of UserEvent %s", name)
                .containsAll(headerLists));
    }

    // ------------------------------------------------------------------ AMI

    @Test
    void ami_events_carry_timestamps() {
        assertThat(manager.value("general", "enabled").map(AsteriskConf::isTrue)).as("AMI enabled").contains(true);
        assertThat(manager.value("general", "timestampevents").map(AsteriskConf::isTrue)).as("timestampevents").contains(true);
    }

    @Test
    void the_ami_user_reads_what_the_application_needs_and_not_everything() {
        Set<String> read = classes(manager.value(amiUser(), "read").orElse(""));

        assertThat(read).contains("call", "cdr", "agent", "user", "dialplan");
        assertThat(read).doesNotContain("all", "config", "command", "agi");
    }

    @Test
    void ami_listens_on_a_configured_address_and_an_open_one_only_behind_the_users_acl() throws IOException {
        String bind = manager.sections().stream().filter(sec -> sec.name.equals("general")).findFirst().orElseThrow()
                .own.stream().filter(e -> e.key().equals("bindaddr")).findFirst().orElseThrow().value();
        assertThat(bind).as("bindaddr is configured, not written in").isEqualTo("${HOTLINE_AMI_BIND}");
        assertThat(Files.readString(ENTRYPOINT)).contains("HOTLINE_AMI_BIND:=");
        // the default (0.0.0.0 inside the container) is safe only with deny-all + permit on the user
        assertThat(manager.value(amiUser(), "deny")).hasValue("0.0.0.0/0.0.0.0");
        assertThat(manager.value(amiUser(), "permit")).hasValueSatisfying(p -> assertThat(p).isNotBlank()
                .isNotEqualTo("0.0.0.0/0.0.0.0"));
    }

    @Test
    void the_ami_user_may_transfer_originate_and_manage_queue_members_and_nothing_dangerous() {
        Set<String> write = classes(manager.value(amiUser(), "write").orElse(""));

        assertThat(write).contains("originate", "call", "agent");
        assertThat(write).as("CoreShowChannels, re-reading the live state after a reconnection").contains("reporting");
        assertThat(write).doesNotContain("all", "config", "command", "agi", "user", "system");
    }

    @Test
    void no_secret_is_written_in_the_configuration() throws IOException {
        assertThat(manager.value(amiUser(), "secret")).as("AMI secret").contains("${HOTLINE_AMI_SECRET}");
        for (AsteriskConf.Section user : manager.concreteSections()) {
            assertThat(manager.values(user, "secret")).as("secrets of AMI user [%s]", user.name)
                    .allSatisfy(secret -> assertThat(secret).matches("\\$\\{[A-Z0-9_]+}"));
        }
        for (AsteriskConf.Section auth : pjsip.ofType("auth")) {
            assertThat(pjsip.values(auth, "password")).as("password of pjsip auth [%s]", auth.name)
                    .isNotEmpty()
                    .allSatisfy(password -> assertThat(password).matches("\\$\\{[A-Z0-9_]+}"));
            assertThat(pjsip.values(auth, "md5_cred")).as("md5_cred of [%s]", auth.name).isEmpty();
        }
        for (String file : List.of("cdr_pgsql.conf", "cel_pgsql.conf")) {
            assertThat(conf(file).value("global", "password")).as(file + " password").contains("${PGPASSWORD}");
        }
    }

    // ------------------------------------------------------------------ CDR and CEL

    @Test
    void cdr_and_cel_reach_the_application_over_ami_and_postgresql() throws IOException {
        AsteriskConf cdr = conf("cdr.conf");
        AsteriskConf cdrManager = conf("cdr_manager.conf");
        AsteriskConf cel = conf("cel.conf");

        assertThat(cdr.value("general", "enable").map(AsteriskConf::isTrue)).as("cdr.conf enable").contains(true);
        assertThat(cdrManager.value("general", "enabled").map(AsteriskConf::isTrue)).as("cdr_manager enabled").contains(true);
        assertThat(cel.value("general", "enable").map(AsteriskConf::isTrue)).as("cel enable").contains(true);
        assertThat(cel.value("manager", "enabled").map(AsteriskConf::isTrue)).as("cel_manager enabled").contains(true);
        Set<String> events = Arrays.stream(cel.value("general", "events").orElse("").split(","))
                .map(String::strip).map(String::toUpperCase).collect(Collectors.toSet());
        if (!events.contains("ALL")) {
            assertThat(events).containsAll(List.of("CHAN_START", "CHAN_END", "ANSWER", "HANGUP",
                    "BRIDGE_ENTER", "BRIDGE_EXIT", "APP_START", "APP_END", "LINKEDID_END"));
        }
        assertThat(cel.value("general", "apps").orElse("").toLowerCase()).as("CEL apps").contains("queue");

        // each PBX's own tables (several PBXs on one database), cel/cdr by default (the entrypoint's defaults)
        for (String[] backend : new String[][] {{"cdr_pgsql.conf", "${HOTLINE_CDR_TABLE}"},
                {"cel_pgsql.conf", "${HOTLINE_CEL_TABLE}"}}) {
            AsteriskConf pg = conf(backend[0]);
            assertThat(pg.value("global", "hostname")).as(backend[0] + " hostname").contains("${PGHOST}");
            assertThat(pg.value("global", "dbname")).as(backend[0] + " dbname").contains("${PGDATABASE}");
            assertThat(pg.value("global", "user")).as(backend[0] + " user").contains("${PGUSER}");
            assertThat(pg.value("global", "table")).as(backend[0] + " table").contains(backend[1]);
        }
    }

    @Test
    void no_module_the_hotline_needs_is_refused() throws IOException {
        AsteriskConf modules = conf("modules.conf");
        Set<String> noload = new TreeSet<>(modules.values(modules.requireSection("modules"), "noload"));

        assertThat(modules.value("modules", "autoload").map(AsteriskConf::isTrue)).as("autoload").contains(true);
        assertThat(noload).doesNotContainAnyElementsOf(List.of(
                "chan_pjsip.so", "res_pjsip.so", "pbx_config.so", "app_queue.so", "app_read.so", "app_playback.so",
                "app_dial.so", "app_mixmonitor.so", "app_userevent.so", "app_exec.so", "app_stack.so",
                "func_dialplan.so", "func_logic.so", "func_cdr.so", "func_channel.so", "func_callerid.so",
                "func_curl.so", "res_curl.so", "func_env.so", "func_uri.so",
                "res_musiconhold.so", "cdr_manager.so", "cdr_pgsql.so", "cdr_csv.so", "cel_manager.so", "cel_pgsql.so",
                "bridge_simple.so", "res_rtp_asterisk.so"));
    }

    // ------------------------------------------------------------------ pjsip

    @Test
    void every_specialist_phone_201_to_207_is_a_pjsip_endpoint_in_the_phones_context() {
        Map<String, String> names = Map.of(
                "201", "Aigerim (psychologist)", "202", "Daniyar (psychologist)",
                "203", "Yerlan (theologian)", "204", "Olga (theologian)",
                "205", "Nurlan (religious scholar)", "206", "Madina (religious scholar)",
                "207", "Aliya (theologian)");
        names.forEach((ext, name) -> {
            AsteriskConf.Section endpoint = pjsipEndpoint(ext).orElseThrow(() -> new AssertionError("no endpoint " + ext));

            assertThat(pjsip.value(endpoint, "context")).as("context of %s", ext).contains("phones");
            assertThat(pjsip.value(endpoint, "callerid")).as("callerid of %s", ext).contains("\"" + name + "\" <" + ext + ">");
            assertThat(pjsip.ofType("aor")).as("aor %s", ext).anySatisfy(aor -> assertThat(aor.name).isEqualTo(ext));
        });
        assertThat(dialplan.matchingExtens("phones", "203")).as("phones can ring each other (attended transfer)").isNotEmpty();
    }

    @Test
    void every_pjsip_endpoint_lands_in_a_context_of_the_dialplan() {
        assertThat(pjsip.ofType("endpoint")).isNotEmpty().allSatisfy(endpoint ->
                assertThat(pjsip.value(endpoint, "context").orElse("default"))
                        .as("context of endpoint %s", endpoint.name)
                        .satisfies(context -> assertThat(dialplan.hasContext(context)).isTrue()));
        assertThat(pjsip.ofType("identify")).as("carrier identified by address")
                .anySatisfy(identify -> {
                    assertThat(pjsip.value(identify, "endpoint")).contains("carrier");
                    assertThat(pjsip.value(identify, "match")).hasValueSatisfying(m -> assertThat(m).isNotBlank());
                });
        assertThat(pjsip.ofType("transport")).as("UDP transport on 5060")
                .anySatisfy(t -> assertThat(pjsip.value(t, "bind")).contains("0.0.0.0:5060"));
    }

    // ------------------------------------------------------------------ container and compose

    @Test
    void every_placeholder_is_substituted_by_the_entrypoint_and_none_clashes_with_the_dialplan() throws IOException {
        Set<String> substituted = entrypointVariables();
        Set<String> placeholders = new TreeSet<>();
        try (var files = Files.list(ASTERISK)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                if (file.getFileName().toString().equals("extensions.conf")) {
                    continue;
                }
                AsteriskConf conf = AsteriskConf.parse(file);
                for (AsteriskConf.Section section : conf.sections()) {
                    for (AsteriskConf.Entry entry : section.own) {
                        placeholders.addAll(variableReferences(entry.value()));
                    }
                }
            }
        }
        Set<String> dialplanNames = new TreeSet<>();
        dialplan.allApps().forEach(e -> dialplanNames.addAll(variableReferences(e.getValue().data())));
        dialplan.globals.keySet().forEach(dialplanNames::add);
        dialplan.allApps().stream().map(Map.Entry::getValue).filter(a -> a.is("Set"))
                .forEach(set -> dialplanNames.add(set.data().substring(0, set.data().indexOf('=')).replaceFirst("^_+", "")));

        assertThat(placeholders).as("placeholders in the .conf files").isNotEmpty();
        assertThat(substituted).as("SUBST_VARS of %s", ENTRYPOINT).containsAll(placeholders);
        assertThat(substituted).as("entrypoint variables that would overwrite dialplan variables")
                .doesNotContainAnyElementsOf(dialplanNames);
    }

    @Test
    void docker_compose_mounts_the_pbx_configuration_where_the_entrypoint_reads_it() throws IOException {
        Map<String, Object> asterisk = service("asterisk");
        Matcher templateDir = Pattern.compile("TEMPLATE_DIR=\\$\\{ASTERISK_TEMPLATE_DIR:-([^}]+)}")
                .matcher(Files.readString(ENTRYPOINT));
        assertThat(templateDir.find()).as("TEMPLATE_DIR default in %s", ENTRYPOINT).isTrue();

        assertThat(strings(asterisk.get("volumes")))
                .as("volumes of the asterisk service")
                .anySatisfy(volume -> assertThat(volume).matches("\\./pbx-config/asterisk/?:" + Pattern.quote(templateDir.group(1)) + "(:ro)?"));
        Object build = asterisk.get("build");
        String context = build instanceof Map<?, ?> b ? String.valueOf(b.get("context")) : String.valueOf(build);
        assertThat(context).as("asterisk image built from").matches("\\./pbx-config/docker/?");
    }

    @Test
    void the_asterisk_container_receives_every_variable_its_entrypoint_requires() throws IOException {
        Set<String> required = new TreeSet<>(entrypointVariables());
        Matcher defaults = Pattern.compile(":\\s+\"\\$\\{([A-Z0-9_]+):=").matcher(Files.readString(ENTRYPOINT));
        while (defaults.find()) {
            required.remove(defaults.group(1));
        }

        assertThat(environment(service("asterisk")).keySet()).containsAll(required);
    }

    @Test
    void the_app_logs_in_to_ami_with_the_user_secret_and_port_the_pbx_defines() {
        Map<String, String> app = environment(service("app"));
        Map<String, String> asterisk = environment(service("asterisk"));
        String secretPlaceholder = variableReferences(manager.value(amiUser(), "secret").orElse("")).stream()
                .findFirst().orElseThrow(() -> new AssertionError("manager.conf secret is no ${...} placeholder"));

        assertThat(app).containsEntry("HOTLINE_AMI_USERNAME", AMI_USER);
        assertThat(app.get("HOTLINE_AMI_HOST")).as("AMI host = the asterisk service").isEqualTo("asterisk");
        assertThat(app.get("HOTLINE_AMI_PORT")).as("AMI port").isEqualTo(manager.value("general", "port").orElse("5038"));
        assertThat(asterisk).as("asterisk env").containsKey(secretPlaceholder);
        assertThat(variableReferences(app.get("HOTLINE_AMI_SECRET")))
                .as("the app's AMI secret comes from the same variable as Asterisk's")
                .isNotEmpty()
                .isEqualTo(variableReferences(asterisk.get(secretPlaceholder)));
        assertThat(app).containsKey("HOTLINE_AMI_PBX_ID");
    }

    @Test
    void asterisk_writes_cdr_and_cel_into_the_database_the_application_reads() {
        Map<String, String> app = environment(service("app"));
        Map<String, String> asterisk = environment(service("asterisk"));
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*")
                .matcher(app.getOrDefault("SPRING_DATASOURCE_URL", ""));

        assertThat(url.matches()).as("SPRING_DATASOURCE_URL %s", app.get("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(asterisk.get("PGHOST")).isEqualTo(url.group(1));
        assertThat(asterisk.getOrDefault("PGPORT", "5432")).isEqualTo(url.group(2) == null ? "5432" : url.group(2));
        assertThat(asterisk.get("PGDATABASE")).isEqualTo(url.group(3));
        assertThat(asterisk.get("PGUSER")).as("Asterisk's own role, which may only add CDR/CEL rows")
                .isEqualTo("hotline_asterisk").isNotEqualTo(app.get("SPRING_DATASOURCE_USERNAME"));
        assertThat(asterisk.get("PGPASSWORD")).as("its own password").isNotEqualTo(app.get("SPRING_DATASOURCE_PASSWORD"));
    }

    @Test
    void every_secret_in_docker_compose_comes_from_the_environment_without_a_default_and_is_listed_in_env_example() throws IOException {
        Set<String> required = new TreeSet<>();
        Map<String, Map<String, String>> environments = new TreeMap<>();
        services().forEach((name, service) -> environments.put(name, environment(asMap(service))));
        environments.forEach((service, env) -> env.forEach((key, value) -> {
            if (key.matches(".*(SECRET|PASSWORD).*")) {
                assertThat(value).as("%s.%s", service, key).matches("\\$\\{[A-Z0-9_]+:-}");
            }
            Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):-}").matcher(value);
            while (m.find()) {
                required.add(m.group(1));
            }
        }));
        Properties example = new Properties();
        try (Reader reader = Files.newBufferedReader(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            example.load(reader);
        }

        assertThat(required).as("variables docker compose requires").isNotEmpty();
        assertThat(example.stringPropertyNames()).as(".env.example").containsAll(required);
    }

    // ------------------------------------------------------------------ the checks check

    @Test
    void the_parser_reads_templates_arrows_and_comments() {
        AsteriskConf conf = AsteriskConf.parse("inline.conf", List.of(
                "[base](!)   ; a template",
                "strategy = ringall",
                "[q](base)",
                "strategy = rrmemory ; overrides",
                "exten => 1,1,Set(X=a\\;b)"));

        assertThat(conf.concreteSections()).extracting(s -> s.name).containsExactly("q");
        assertThat(conf.values(conf.requireSection("q"), "strategy")).containsExactly("ringall", "rrmemory");
        assertThat(conf.value("q", "exten")).contains("1,1,Set(X=a;b)");
        assertThatThrownBy(() -> AsteriskConf.parse("bad.conf", List.of("key = value")))
                .hasMessageContaining("outside any section");
    }

    @Test
    void the_walker_notices_a_key_routed_to_another_queue() {
        Dialplan plan = Dialplan.of(AsteriskConf.parse("inline.conf", List.of(
                "[hotline-menu]",
                "exten => 1,1,Set(HOTLINE_QUEUE=theologians)",
                " same => n,Goto(queue,1)",
                "exten => queue,1,NoOp()",
                " same => n,Queue(${HOTLINE_QUEUE},,,,60)")));

        Dialplan.Walk walk = plan.walk("hotline-menu", "1", Map.of());

        assertThat(walk.last().orElseThrow().resolved().args().getFirst()).isEqualTo("theologians").isNotEqualTo("psychologists");
        assertThat(Dialplan.patternRegex("_+7XXXXXXXXXX").matcher("+77471234509").matches()).isTrue();
        assertThat(Dialplan.patternRegex("_20X").matcher("210").matches()).isFalse();
        assertThat(Dialplan.appDataRegex("HOTLINE_SECS=$[${EPOCH} - ${TS}]").matcher("HOTLINE_SECS=13").matches()).isTrue();
        assertThat(Dialplan.appDataRegex("Playback(goodbye)").matcher("Playback(bye)").matches()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    static List<Dialplan.App> apps(String context, String exten) {
        return dialplan.contexts.getOrDefault(context, Map.of()).getOrDefault(exten, List.of()).stream()
                .map(Dialplan.Priority::app).toList();
    }

    static List<Dialplan.App> userEvents(String name) {
        return dialplan.allApps().stream().map(Map.Entry::getValue)
                .filter(a -> a.is("UserEvent") && a.args().getFirst().equals(name))
                .toList();
    }

    static AsteriskConf.Section amiUser() {
        return manager.requireSection(AMI_USER);
    }

    static Set<String> classes(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(String::toLowerCase)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Optional<AsteriskConf.Section> pjsipEndpoint(String name) {
        return pjsip.ofType("endpoint").stream().filter(s -> s.name.equals(name)).findFirst();
    }

    static List<AmiRecordings.Packet> recordings() {
        assumeTrue(Files.isDirectory(AMI_FIXTURES), "recorded AMI sessions not found at " + AMI_FIXTURES);
        return AmiRecordings.load(AMI_FIXTURES);
    }

    /** Names in ${NAME} and ${NAME:?msg} / ${NAME:-default} references, in order. */
    static List<String> variableReferences(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+)").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Set<String> entrypointVariables() throws IOException {
        assertThat(ENTRYPOINT).exists();
        String line = Files.readAllLines(ENTRYPOINT).stream()
                .filter(l -> l.startsWith("SUBST_VARS="))
                .findFirst().orElseThrow(() -> new AssertionError(ENTRYPOINT + " has no SUBST_VARS= line"));
        return new TreeSet<>(variableReferences(line));
    }

    static Map<String, Object> services() {
        return asMap(compose.get("services"));
    }

    static Map<String, Object> service(String name) {
        Object service = services().get(name);
        assertThat(service).as("docker-compose service %s", name).isNotNull();
        return asMap(service);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** A service's environment, written as a map or as a list of KEY=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new TreeMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }
}
