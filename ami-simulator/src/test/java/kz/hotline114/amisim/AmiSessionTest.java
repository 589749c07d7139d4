package kz.hotline114.amisim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The AMI protocol alone, without a socket: what a client's actions are answered with, and when events may flow. */
class AmiSessionTest {

    private final List<String> written = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<AmiPacket> kept = new ArrayList<>();
    private boolean failOriginates = true;
    private final PbxStateMirror state = new PbxStateMirror();
    private final List<AmiPacket> simulated = new ArrayList<>();
    private final AmiSession session = new AmiSession(new AmiSession.Server("hotline", "s3cret",
            Clock.fixed(Instant.parse("2026-12-06T09:00:12Z"), ZoneOffset.UTC),
            Instant.parse("2026-12-06T09:00:00Z").toEpochMilli(), state, () -> failOriginates,
            kept::add, simulated::addAll), new AmiSession.Peer() {
                @Override
                public void write(byte[] bytes) {
                    written.add(new String(bytes, StandardCharsets.UTF_8));
                }

                @Override
                public void goodbye() {
                    calls.add("goodbye");
                }

                @Override
                public void loggedIn() {
                    calls.add("loggedIn");
                }

                @Override
                public void versionAsked() {
                    calls.add("versionAsked");
                }
            });

    @Test
    void a_wrong_secret_is_refused_and_the_connection_ended_without_events() throws Exception {
        session.handle(List.of("Action: Login", "ActionID: 1", "Username: hotline", "Secret: wrong"));

        assertThat(written).containsExactly("Response: Error\r\nActionID: 1\r\nMessage: Authentication failed\r\n\r\n");
        assertThat(calls).containsExactly("goodbye");
        assertThat(kept).as("credentials are never kept").isEmpty();
    }

    @Test
    void actions_before_login_are_refused_and_after_it_answered() throws Exception {
        session.handle(List.of("Action: QueueStatus", "ActionID: q0"));
        assertThat(written).last().asString().contains("Permission denied");

        session.handle(List.of("Action: Login", "ActionID: 1", "Username: HOTLINE", "Secret: s3cret"));
        assertThat(written.get(1)).contains("Authentication accepted");
        assertThat(written.get(2)).startsWith("Event: FullyBooted").contains("Uptime: 12\r\n");
        assertThat(calls).containsExactly("loggedIn");

        session.handle(List.of("Action: Status", "ActionID: s1"));
        assertThat(written).last().asString()
                .isEqualTo("Response: Success\r\nActionID: s1\r\nEventList: start\r\nMessage: Status will follow\r\n\r\n"
                        + "Event: StatusComplete\r\nActionID: s1\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
        assertThat(kept).extracting(p -> p.get("ActionID")).containsExactly("q0", "s1");
    }

    @Test
    void an_md5_challenge_login_works_and_the_version_question_lets_events_flow() throws Exception {
        session.handle(List.of("Action: Challenge", "ActionID: c", "AuthType: MD5"));
        String challenge = written.getFirst().lines().filter(l -> l.startsWith("Challenge: ")).findFirst()
                .orElseThrow().substring("Challenge: ".length());
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((challenge + "s3cret").getBytes(StandardCharsets.UTF_8)));

        session.handle(List.of("Action: Login", "ActionID: 2", "Username: hotline", "AuthType: MD5", "Key: " + key,
                "Events: off"));
        session.handle(List.of("Action: Command", "ActionID: v", "Command: core show version"));

        assertThat(written.get(1)).contains("Authentication accepted");
        assertThat(session.eventsOn()).isFalse();
        assertThat(written).last().asString().contains("Output: " + AmiReplayServer.VERSION_OUTPUT);
        assertThat(calls).containsExactly("loggedIn", "versionAsked");
    }

    @Test
    void an_async_originate_is_queued_then_fails_unless_the_test_plays_the_call() throws Exception {
        session.handle(List.of("Action: Login", "Username: hotline", "Secret: s3cret"));
        session.handle(List.of("Action: Originate", "ActionID: o1", "Channel: PJSIP/201", "Async: true"));
        assertThat(written.get(written.size() - 2)).contains("Originate successfully queued");
        assertThat(written).last().asString().startsWith("Event: OriginateResponse").contains("ActionID: o1\r\n",
                "Response: Failure", "Channel: PJSIP/201");

        failOriginates = false;
        int before = written.size();
        session.handle(List.of("Action: Originate", "ActionID: o2", "Channel: PJSIP/201", "Async: yes"));
        assertThat(written).hasSize(before + 1);
        assertThat(written).last().asString().contains("Originate successfully queued");
    }

    @Test
    void logoff_says_goodbye_and_ends_the_connection() throws Exception {
        session.handle(List.of("Action: Logoff", "ActionID: bye"));
        assertThat(written).containsExactly("Response: Goodbye\r\nActionID: bye\r\nMessage: Thanks for all the fish.\r\n\r\n");
        assertThat(calls).containsExactly("goodbye");
    }

    @Test
    void a_demo_pbx_pauses_the_member_in_each_of_its_queues_and_says_when_it_has_no_such_member() throws Exception {
        for (var queue : List.of("psychologists", "theologians")) {
            state.sent(AmiPacket.of("Event", "QueueMemberAdded", "Queue", queue, "MemberName", "Aliya (theologian)",
                    "Interface", "PJSIP/207", "StateInterface", "PJSIP/207", "Membership", "dynamic", "Paused", "0"));
        }
        session.handle(List.of("Action: Login", "Username: hotline", "Secret: s3cret"));

        session.handle(List.of("Action: QueuePause", "ActionID: p1", "Interface: PJSIP/207", "Paused: true",
                "Reason: break"));
        assertThat(written).last().asString().contains("ActionID: p1", "Interface paused successfully");
        assertThat(simulated).hasSize(2).allSatisfy(e -> {
            assertThat(e.event()).isEqualTo("QueueMemberPause");
            assertThat(e.get("Interface")).isEqualTo("PJSIP/207");
            assertThat(e.get("Paused")).isEqualTo("1");
            assertThat(e.get("PausedReason")).isEqualTo("break");
            assertThat(e.get("MemberName")).isEqualTo("Aliya (theologian)");
        });
        simulated.forEach(state::sent);
        simulated.clear();
        var recorded = AmiPacket.of("Event", "QueueMemberStatus", "Queue", "psychologists", "Interface", "PJSIP/207",
                "Paused", "0", "PausedReason", "", "Status", "2");
        assertThat(state.overlay(recorded).get("Paused")).as("a recording cannot unpause a paused member").isEqualTo("1");
        assertThat(state.overlay(recorded).get("PausedReason")).isEqualTo("break");

        session.handle(List.of("Action: QueuePause", "ActionID: p2", "Interface: PJSIP/207", "Paused: false",
                "Queue: theologians"));
        assertThat(simulated).singleElement().satisfies(e -> {
            assertThat(e.get("Queue")).isEqualTo("theologians");
            assertThat(e.get("Paused")).isEqualTo("0");
        });
        assertThat(state.overlay(recorded)).as("unpaused: the recording speaks again").isSameAs(recorded);

        session.handle(List.of("Action: QueuePause", "ActionID: p3", "Interface: PJSIP/299", "Paused: true"));
        assertThat(written).last().asString().contains("Response: Error", "Interface not found");
    }

    /** Aigerim (PJSIP/201) talks with +77001234501; Yerlan (PJSIP/203) is a theologian on another call's record. */
    private void aigerimTalking() {
        AmiTranscript.fromClasspath("/" + AmiTranscript.RECORDINGS + "sip-phones/pjsip-answered-theologian.ami")
                .packets().forEach(state::sent);
        var call = AmiTranscript.fromClasspath("/" + AmiTranscript.RECORDINGS
                + "sip-phones/pjsip-answered-psychologist.ami").packets();
        int connected = 0;
        while (!"AgentConnect".equals(call.get(connected).event())) {
            connected++;
        }
        call.subList(0, connected + 4).forEach(state::sent);
    }

    @Test
    void on_a_demo_pbx_the_desks_hang_up_ends_the_call_and_the_recording_of_its_rest_is_not_sent() throws Exception {
        aigerimTalking();
        session.handle(List.of("Action: Login", "Username: hotline", "Secret: s3cret"));
        session.handle(List.of("Action: Hangup", "ActionID: h1", "Channel: PJSIP/201-00000001"));
        assertThat(written).last().asString().contains("ActionID: h1", "Response: Success");
        assertThat(simulated.getFirst().event()).isEqualTo("HangupRequest");
        assertThat(simulated.getFirst().get("Channel")).isEqualTo("PJSIP/201-00000001");
        assertThat(simulated).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("AgentComplete");
            assertThat(e.get("Reason")).isEqualTo("agent");
        });
        assertThat(simulated).filteredOn(e -> "Hangup".equals(e.event())).extracting(e -> e.get("Channel"))
                .containsExactly("PJSIP/201-00000001", "PJSIP/carrier-00000000");
        assertThat(state.suppressed(AmiPacket.of("Event", "Hangup", "Linkedid", "1795440315.0"))).isTrue();

        session.handle(List.of("Action: Hangup", "ActionID: h2", "Channel: PJSIP/201-00000009"));
        assertThat(written).last().asString().contains("Response: Error", "No such channel");
    }

    @Test
    void on_a_demo_pbx_a_consultation_is_cancelled_or_completed_by_the_specialists_hang_up() throws Exception {
        aigerimTalking();
        session.handle(List.of("Action: Login", "Username: hotline", "Secret: s3cret"));
        session.handle(List.of("Action: Atxfer", "ActionID: a1", "Channel: PJSIP/201-00000001", "Context: phones",
                "Exten: 203"));
        assertThat(written).last().asString().contains("ActionID: a1", "Response: Success");
        session.handle(List.of("Action: CancelAtxfer", "ActionID: c1", "Channel: PJSIP/201-00000001"));
        assertThat(written).last().asString().contains("Response: Success");
        session.handle(List.of("Action: CancelAtxfer", "ActionID: c2", "Channel: PJSIP/201-00000001"));
        assertThat(written).last().asString().contains("Response: Error", "No attended transfer in progress");
        assertThat(simulated).as("a consultation alone changes no call").isEmpty();

        session.handle(List.of("Action: Atxfer", "ActionID: a2", "Channel: PJSIP/201-00000001", "Context: phones",
                "Exten: 203"));
        session.handle(List.of("Action: Hangup", "ActionID: h3", "Channel: PJSIP/201-00000001"));
        Thread.sleep(300); // the transfer's first events are due at once
        assertThat(simulated.getFirst().event()).isEqualTo("BlindTransfer");
        assertThat(simulated.getFirst().get("Extension")).isEqualTo("203");

        session.handle(List.of("Action: Atxfer", "ActionID: a3", "Channel: PJSIP/201-00000009", "Context: phones",
                "Exten: 203"));
        assertThat(written).last().asString().contains("Response: Error");
    }
}
