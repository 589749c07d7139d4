package kz.hotline114.ui.desk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.live.AgentCall;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.support.Recordings;
import kz.hotline114.ui.KaribuIT;

/** The desk: a break sends QueuePause for my own phone; the state shown is what the PBX then reports. */
class DeskViewIT extends KaribuIT {

    @Autowired
    SpecialistDirectory directory;
    @Autowired
    CallLog calls;
    @Autowired
    Callbacks callbacks;
    @Autowired
    java.time.Clock clock;

    @Test
    void a_specialist_takes_a_break_and_the_desk_shows_what_the_pbx_reports() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        directory.save("Aliya (theologian)", Specialist.Kind.THEOLOGIAN, List.of("kk", "ru"), "PJSIP/207",
                List.of("theologians"), true, "desk-aliya");
        play(List.of(AmiPacket.of("Event", "QueueMemberStatus", "Queue", "theologians", "MemberName", "Aliya (theologian)",
                "Interface", "PJSIP/207", "Status", "1", "Paused", "0")));
        signIn("desk-aliya", "SPECIALIST");
        UI.getCurrent().navigate(DeskView.class);
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("desk-state")).getElement().getTextRecursively())
                .contains("Теологтар: бос");

        _click(_get(Button.class, spec -> spec.withId("desk-pause-break")));

        var pause = PBX.server().actionsReceived().stream().filter(a -> "QueuePause".equals(a.get("Action")))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(pause.get("Interface")).isEqualTo("PJSIP/207");
        assertThat(pause.get("Paused")).isEqualToIgnoringCase("true");
        assertThat(pause.get("Reason")).isEqualTo("break");
        assertThat(pause.get("Queue")).isNull();

        // the PBX confirms with QueueMemberPause; the desk follows
        play(List.of(AmiPacket.of("Event", "QueueMemberPause", "Queue", "theologians", "MemberName", "Aliya (theologian)",
                "Interface", "PJSIP/207", "Paused", "1", "PausedReason", "break")));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text;
        do {
            MockVaadin.clientRoundtrip(false);
            text = _get(VerticalLayout.class, spec -> spec.withId("desk-state")).getElement().getTextRecursively();
        } while (!text.contains("кідіртілген") && System.nanoTime() < deadline);
        assertThat(text).contains("Теологтар").contains("кідіртілген (break)");
    }

    @Test
    void a_user_without_a_phone_is_told_so() {
        signIn("desk-nobody", "SPECIALIST");
        UI.getCurrent().navigate(DeskView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("desk-no-phone")).getText())
                .contains("телефон");
        _assertNone(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("desk-link-phone"));
    }

    @Test
    void an_administrator_without_a_phone_is_shown_where_to_link_one() {
        signIn("desk-admin-nobody", "ADMIN");
        UI.getCurrent().navigate(DeskView.class);
        var link = _get(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("desk-link-phone"));
        assertThat(link.getHref()).isEqualTo("specialists");
        assertThat(link.getText()).contains("Мамандар мен кезекшілік");
    }

    private static int first(List<AmiPacket> packets, int from, String event) {
        for (int i = from; i < packets.size(); i++) {
            if (event.equals(packets.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + event);
    }

    private static String text(String id) {
        var found = com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.Component.class,
                spec -> spec.withId(id));
        return found.isEmpty() ? "" : found.getFirst().getElement().getTextRecursively();
    }

    private static void awaitText(String id, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String now;
        do {
            MockVaadin.clientRoundtrip(false);
            now = text(id);
            if (!now.contains(expected)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } while (!now.contains(expected) && System.nanoTime() < deadline);
        assertThat(now).contains(expected);
    }

    @Test
    void a_queue_call_pops_up_with_the_masked_caller_his_earlier_calls_a_note_and_a_transfer() throws Exception {
        var packets = Recordings.packets("repeat-caller", 80);
        int called = first(packets, 0, "AgentCalled");
        int connected = first(packets, called, "AgentConnect");
        var iface = packets.get(called).get("Interface");
        var leg = packets.get(called).get("DestChannel");
        var linkedid = packets.get(called).get("Linkedid");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        directory.save("Aigerim (psychologist)", Specialist.Kind.PSYCHOLOGIST, List.of("kk", "ru"), iface,
                List.of("psychologists"), true, "desk-aigerim");
        directory.save("Yerlan (theologian)", Specialist.Kind.THEOLOGIAN, List.of("kk"), "PJSIP/203",
                List.of("theologians"), true, null);
        signIn("desk-aigerim", "SPECIALIST");
        UI.getCurrent().navigate(DeskView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(ScreenPop.class)).as("no pop before a call").isEmpty();

        try {
            play(packets.subList(0, called + 1));
            awaitText("desk-pop-heading", "Кіріс қоңырау · Психологтар");
            var pop = _get(ScreenPop.class);
            assertThat(pop.isVisible()).isTrue();
            // a specialist sees the number masked, with its operator, the choice and the two earlier calls
            assertThat(text("desk-pop-caller")).contains("*").doesNotContain("9998877");
            assertThat(text("desk-pop-choice")).isEqualTo("1");
            @SuppressWarnings("unchecked")
            var earlier = (com.vaadin.flow.component.grid.Grid<kz.hotline114.calls.Call>) _get(
                    com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("desk-pop-earlier"));
            assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(earlier)).isEqualTo(2);
            // not answered yet: no transfer
            assertThat(_get(Button.class, spec -> spec.withId("desk-transfer")).isEnabled()).isFalse();

            _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("desk-note"))
                    .setValue("Намаз туралы сұрады, түсіндірдім");
            _click(_get(Button.class, spec -> spec.withId("desk-note-save")));
            assertThat(calls.notes(new CallKey(PBX_ID, linkedid))).singleElement()
                    .satisfies(n -> assertThat(n.author()).isEqualTo("desk-aigerim"));

            play(packets.subList(called + 1, connected + 1));
            awaitText("desk-pop-heading", "Сөйлесу");
            // the phone's hold key: Asterisk reports Hold on my leg; the pop says the caller waits, then talks again
            assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("desk-hold-hint"))
                    .isVisible()).isTrue();
            var legUid = packets.get(called).get("DestUniqueid");
            play(List.of(kz.hotline114.amisim.AmiPacket.of("Event", "Hold", "Privilege", "call,all", "Channel", leg,
                    "Uniqueid", legUid, "Linkedid", linkedid, "MusicClass", "default")));
            awaitText("desk-pop-heading", "Күтуде · Психологтар");
            play(List.of(kz.hotline114.amisim.AmiPacket.of("Event", "Unhold", "Privilege", "call,all", "Channel", leg,
                    "Uniqueid", legUid, "Linkedid", linkedid)));
            awaitText("desk-pop-heading", "Сөйлесу · Психологтар");
            @SuppressWarnings("unchecked")
            var to = (com.vaadin.flow.component.select.Select<String>) _get(com.vaadin.flow.component.select.Select.class,
                    spec -> spec.withId("desk-transfer-to"));
            _click(_get(Button.class, spec -> spec.withId("desk-transfer")));
            assertThat(to.isInvalid()).as("no queue chosen: said at the field").isTrue();
            to.setValue("theologians");
            _click(_get(Button.class, spec -> spec.withId("desk-transfer")));
            var blind = PBX.server().actionsReceived().stream().filter(a -> "BlindTransfer".equals(a.get("Action")))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(blind.get("Channel")).isEqualTo(leg);
            assertThat(blind.get("Context")).isEqualTo("hotline-transfer");
            assertThat(blind.get("Exten")).isEqualTo("theologians");
            handOverToYerlan(leg);

            // ending the call from the desk: Hangup of my leg, audited
            _click(_get(Button.class, spec -> spec.withId("desk-hang-up")));
            var hangup = PBX.server().actionsReceived().stream().filter(a -> "Hangup".equals(a.get("Action")))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(hangup.get("Channel")).isEqualTo(leg);
        } finally {
            play(packets.subList(connected + 1, packets.size()));
        }
        awaitText("desk-pop-heading", "Қоңырау аяқталды");
        // how the call ended: asked for, required before the pop can be closed, filed on the call
        var ended = _get(ScreenPop.class);
        assertThat(ended.wrapUpCode.isVisible()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("desk-pop-dismiss")).isEnabled()).isFalse();
        _click(ended.wrapUpSave);
        assertThat(ended.wrapUpCode.isInvalid()).isTrue();
        assertThat(ended.wrapUpCode.getErrorMessage()).isEqualTo("Қоңырау қалай аяқталғанын таңдаңыз");
        ended.wrapUpCode.setValue(ended.wrapUpCode.getListDataView().getItems()
                .filter(c -> c.code().equals("CONSULTED")).findFirst().orElseThrow());
        _click(ended.wrapUpSave);
        assertThat(ctx.getBean(kz.hotline114.calls.WrapUp.class).of(new CallKey(PBX_ID, linkedid)))
                .containsExactly("CONSULTED");
        assertThat(_get(Button.class, spec -> spec.withId("desk-pop-dismiss")).isEnabled()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("desk-open-case")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).as("the desk stays").isEqualTo("desk");
        var panel = _get(DeskCasePanel.class);
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.question.getValue()).as("my note becomes the question").isEqualTo("Намаз туралы сұрады, түсіндірдім");
        _click(panel.save);
        assertThat(panel.category.isInvalid()).as("a category is needed: said at the field").isTrue();
        panel.category.setValue(panel.category.getListDataView().getItems().findFirst().orElseThrow());
        _click(panel.save);
        var opened = cases.ofCall(new CallKey(PBX_ID, linkedid));
        assertThat(opened).singleElement().satisfies(c -> assertThat(c.specialist()).isEqualTo("desk-aigerim"));
        assertThat(panel.number()).isEqualTo(opened.getFirst().number());
        assertThat(_get(ScreenPop.class).isVisible()).as("the pop is still there").isTrue();

        // the next call starts clean: the last call's error is not shown on it
        to().setInvalid(true);
        _get(ScreenPop.class).show(new AgentCall("desk-next-call", "psychologists", false, java.time.Instant.now(), null),
                null);
        assertThat(to().isInvalid()).isFalse();
    }

    /** To a named colleague: at once (BlindTransfer to the phone), or after a consultation (Atxfer, then on or back). */
    private void handOverToYerlan(String leg) {
        var hand = _get(ScreenPop.class).colleagues;
        assertThat(hand.colleague.getListDataView().getItems()).as("colleagues with a desk phone, not me")
                .noneMatch(s -> s.username() != null && s.username().equals("desk-aigerim"))
                .allMatch(s -> s.iface().startsWith("PJSIP/"));
        _click(hand.blind);
        assertThat(hand.colleague.isInvalid()).as("nobody chosen: said at the field").isTrue();
        hand.colleague.setValue(hand.colleague.getListDataView().getItems().filter(s -> s.iface().equals("PJSIP/203"))
                .findFirst().orElseThrow());
        _click(hand.blind);
        var blind = last("BlindTransfer");
        assertThat(blind.get("Channel")).isEqualTo(leg);
        assertThat(blind.get("Context")).isEqualTo("hotline-transfer-phone");
        assertThat(blind.get("Exten")).isEqualTo("203");

        _click(hand.consult);
        var atxfer = last("Atxfer");
        assertThat(atxfer.get("Channel")).isEqualTo(leg);
        assertThat(atxfer.get("Context")).isEqualTo("phones");
        assertThat(atxfer.get("Exten")).isEqualTo("203");
        assertThat(text("desk-colleague-consulting")).contains("Yerlan (theologian)");
        assertThat(hand.complete.isVisible()).isTrue();
        assertThat(hand.consult.isVisible()).as("one consultation at a time").isFalse();
        _click(hand.cancel);
        assertThat(last("CancelAtxfer").get("Channel")).isEqualTo(leg);
        assertThat(hand.consult.isVisible()).isTrue();
        _click(hand.consult);
        _click(hand.complete);
        assertThat(last("Hangup").get("Channel")).as("my leg leaves: the caller stays with Yerlan").isEqualTo(leg);
        assertThat(ctx.getBean(kz.hotline114.security.AuditLog.class).count(new kz.hotline114.security.AuditLog.Query(
                "desk-aigerim", "CALL_CONSULT_COMPLETED", null, null, null))).isPositive();
    }

    private static kz.hotline114.amisim.AmiPacket last(String action) {
        return PBX.server().actionsReceived().stream().filter(a -> action.equals(a.get("Action")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + action + " sent"));
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.select.Select<String> to() {
        return (com.vaadin.flow.component.select.Select<String>) _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withId("desk-transfer-to"));
    }

    @Test
    void a_callback_i_dial_pops_up_as_the_call_it_answers_and_a_failed_one_stays_in_my_list() throws Exception {
        var packets = Recordings.packets("sip-phones/callback-originate", 181);
        int originated = -1;
        for (int i = 0; i < packets.size() && originated < 0; i++) {
            if ("VarSet".equals(packets.get(i).event()) && "HOTLINE_CALLBACK_FOR".equals(packets.get(i).get("Variable"))) {
                originated = i;
            }
        }
        int outboundStart = -1;
        for (int i = 0; i < packets.size() && outboundStart < 0; i++) {
            if ("Newchannel".equals(packets.get(i).event())
                    && packets.get(originated).get("Linkedid").equals(packets.get(i).get("Uniqueid"))) {
                outboundStart = i;
            }
        }
        int answered = first(packets, outboundStart, "BridgeEnter");
        play(packets.subList(0, outboundStart));
        var original = calls.get(new CallKey(PBX_ID, linkedidOf(packets))).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        directory.save("Aigerim (psychologist)", Specialist.Kind.PSYCHOLOGIST, List.of("kk", "ru"), "PJSIP/201",
                List.of("psychologists"), true, "desk-cb");
        signIn("desk-cb", "SPECIALIST");
        var scheduled = callbacks.schedule(original.key(), clock.instant().plus(Duration.ofHours(1)), "намаз уақыты", null);
        UI.getCurrent().navigate(DeskView.class);

        PBX.server().failOriginates(false);
        try {
            _click(dialButton(scheduled.id()));
        } finally {
            PBX.server().failOriginates(true);
        }
        play(packets.subList(outboundStart, answered));
        awaitText("desk-pop-heading", "Кері қоңырау");
        assertThat(text("desk-pop-callbackNote")).isEqualTo("намаз уақыты");
        assertThat(text("desk-pop-caller")).contains("*");
        play(packets.subList(answered, packets.size()));
        awaitText("desk-pop-heading", "Қоңырау аяқталды");

        // a callback the PBX cannot place stays in my list, with why, to dial again or cancel
        var again = callbacks.schedule(original.key(), clock.instant().plus(Duration.ofHours(2)), null, null);
        UI.getCurrent().navigate(DeskView.class);
        _click(dialButton(again.id()));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (callbacks.ofCall(original.key()).stream().noneMatch(c -> c.id() == again.id()
                && c.status() == kz.hotline114.routing.Callback.Status.FAILED) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        UI.getCurrent().navigate(DeskView.class);
        assertThat(cell(again.id(), "status").getElement().getText()).contains("АТС қоңырауды бастай алмады");
        assertThat(dialButton(again.id()).isEnabled()).as("it can be dialled again").isTrue();
    }

    /** The "call now" button of one callback in my list. */
    private static Button dialButton(long id) {
        return cell(id, "actions").getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> ("desk-callback-dial-" + id).equals(b.getId().orElse(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no dial button for callback " + id));
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.Component cell(long id, String column) {
        var grid = (com.vaadin.flow.component.grid.Grid<kz.hotline114.routing.Callback>) _get(
                com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("desk-callbacks"));
        for (int i = 0; i < com.github.mvysny.kaributesting.v10.GridKt._size(grid); i++) {
            if (com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).id() == id) {
                return com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, i, column);
            }
        }
        throw new AssertionError("callback " + id + " not in my list");
    }
}
