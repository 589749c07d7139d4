package kz.hotline114.ui.desk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.CallKey;
import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.risk.Supervision;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.support.Recordings;
import kz.hotline114.ui.KaribuIT;

/**
 * A live call on a specialist's desk: one click flags it (the live state says it is theirs); the supervisor, with a
 * linked phone, listens in — the PBX gets the token as a global and an Originate of the supervisor's phone into
 * [hotline-spy] aimed at the specialist's leg with the same token; when Asterisk reports ChanSpy on the leg, the
 * specialist's pop says a supervisor whispers, and stops saying it when it ends.
 */
class SupervisionIT extends KaribuIT {

    @Autowired
    SpecialistDirectory directory;
    @Autowired
    Supervision supervision;
    @Autowired
    RiskFlags risk;

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static int first(List<AmiPacket> packets, int from, String event) {
        for (int i = from; i < packets.size(); i++) {
            if (event.equals(packets.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + event);
    }

    private static String awaitSupervised(boolean visible) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Span s;
        do {
            MockVaadin.clientRoundtrip(false);
            s = _get(ScreenPop.class).supervised; // hidden while no supervisor is on the call
        } while (s.isVisible() != visible && System.nanoTime() < deadline);
        assertThat(s.isVisible()).isEqualTo(visible);
        return s.getText();
    }

    private AmiPacket last(String action) {
        return PBX.server().actionsReceived().stream().filter(a -> action.equalsIgnoreCase(a.get("Action")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + action));
    }

    @Test
    void the_supervisor_listens_in_from_a_linked_phone_and_the_specialist_sees_it() throws Exception {
        var packets = Recordings.packets("repeat-caller", 83); // a copy of its own: DeskViewIT counts copy 80's earlier calls
        int called = first(packets, 0, "AgentCalled");
        int connected = first(packets, called, "AgentConnect");
        var iface = packets.get(called).get("Interface");
        var leg = packets.get(called).get("DestChannel");
        var call = new CallKey(PBX_ID, packets.get(called).get("Linkedid"));
        as("admin", "ADMIN");
        directory.save("Aigerim (psychologist)", Specialist.Kind.PSYCHOLOGIST, List.of("kk", "ru"), iface,
                List.of("psychologists"), true, "sup-aigerim");
        signIn("sup-aigerim", "SPECIALIST");
        UI.getCurrent().navigate(DeskView.class);
        var specialist = SecurityContextHolder.getContext().getAuthentication();
        try {
            play(packets.subList(0, connected + 1));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((liveModel.snapshot().onPhones().get(iface) == null
                    || !liveModel.snapshot().onPhones().get(iface).answered()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            MockVaadin.clientRoundtrip(false);
            var pop = _get(ScreenPop.class);
            _click(pop.riskPanel.categories.get("VIOLENCE_ABUSE"));

            as("sup-supervisor", "SUPERVISOR");
            assertThat(risk.ofCall(call)).as("flagged from the desk while talking").singleElement()
                    .satisfies(f -> assertThat(f.category()).isEqualTo("VIOLENCE_ABUSE"));
            supervision.linkMyPhone(null);
            assertThatThrownBy(() -> supervision.join(call, Supervision.Mode.LISTEN)).as("no phone linked")
                    .isInstanceOfSatisfying(InvalidRisk.class, e -> assertThat(e.errors()).containsKey("phone"));
            assertThatThrownBy(() -> supervision.linkMyPhone("301")).isInstanceOf(InvalidRisk.class);
            supervision.linkMyPhone("PJSIP/301");
            assertThatThrownBy(() -> supervision.join(new CallKey(PBX_ID, "no-such-call"), Supervision.Mode.LISTEN))
                    .isInstanceOfSatisfying(InvalidRisk.class, e -> assertThat(e.errors()).containsKey("call"));
            supervision.join(call, Supervision.Mode.WHISPER);
            var setvar = last("Setvar");
            var originate = last("Originate");
            assertThat(setvar.get("Variable")).isEqualTo("HOTLINE_SPY_SECRET");
            assertThat(setvar.get("Channel")).as("a global").isNull();
            assertThat(originate.get("Channel")).isEqualTo("PJSIP/301");
            assertThat(originate.get("Context")).isEqualTo("hotline-spy");
            assertThat(originate.get("Exten")).isEqualTo("whisper");
            assertThat(originate.getAll("Variable")).contains("HOTLINE_SPY_TARGET=" + leg,
                    "HOTLINE_SPY_TOKEN=" + setvar.get("Value"));
            assertThat(setvar.get("Value")).matches("[0-9a-f]{32}");

            SecurityContextHolder.getContext().setAuthentication(specialist);
            play(List.of(AmiPacket.of("Event", "ChanSpyStart", "Privilege", "call,all", "SpyerChannel",
                    "PJSIP/301-00000042", "SpyerExten", "whisper", "SpyeeChannel", leg, "SpyeeLinkedid",
                    call.linkedid())));
            assertThat(awaitSupervised(true)).isEqualTo("Супервайзер сізге сыбырлап отыр (қоңырау шалушы естімейді)");
            play(List.of(AmiPacket.of("Event", "ChanSpyStop", "Privilege", "call,all", "SpyerChannel",
                    "PJSIP/301-00000042", "SpyeeChannel", leg, "SpyeeLinkedid", call.linkedid())));
            awaitSupervised(false);
        } finally {
            play(packets.subList(connected + 1, packets.size()));
        }
    }
}
