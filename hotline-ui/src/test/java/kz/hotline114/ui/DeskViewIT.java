package kz.hotline114.ui;

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

import kz.hotline114.pbx.demo.AmiPacket;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;

/** The desk: a break sends QueuePause for my own phone; the state shown is what the PBX then reports. */
class DeskViewIT extends KaribuIT {

    @Autowired
    SpecialistDirectory directory;

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
    }
}
