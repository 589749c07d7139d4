package kz.hotline114.ui.calls;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.Cases;
import kz.hotline114.recordings.Recordings;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.KaribuIT;

/**
 * A recorded call's detail: a supervisor gets the player (the API's URL), its length and the day it goes, and keeps
 * it past the retention with a reason said at the field; an operator gets no recording at all; an admin sees the
 * storage it takes.
 */
class RecordingPanelIT extends KaribuIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Recordings recordings;
    @Autowired
    HotlineProperties props;
    @Autowired
    Cases cases;

    @Test
    void a_supervisor_listens_and_keeps_a_recording_an_operator_sees_none() throws Exception {
        var call = kz.hotline114.ui.RecordedCall.make(jdbc, props.dataDir(), "rec-ui-", clock.instant().minusSeconds(600),
                "psychologists", "Aigerim", 65);

        signIn("rec-super", "SUPERVISOR");
        var panel = RecordingPanel.of(recordings, call, ZoneId.of("Asia/Almaty")).orElseThrow();
        UI.getCurrent().add(panel);
        var audio = panel.getElement().getChild(1).getChild(0);
        assertThat(audio.getTag()).isEqualTo("audio");
        assertThat(audio.getAttribute("src")).isEqualTo("/recordings/" + PBX_ID + "/" + call.linkedid());
        assertThat(panel.getElement().getTextRecursively()).contains("Ұзақтығы 1:05");
        _click(panel.keep);
        assertThat(panel.reason.isInvalid()).as("no reason: said at the field").isTrue();
        panel.reason.setValue("шағым келіп түсті");
        _click(panel.keep);
        assertThat(recordings.of(call).orElseThrow().holds()).extracting(Recordings.Hold::heldBy)
                .containsExactly("rec-super");

        signIn("rec-operator", "OPERATOR");
        assertThat(RecordingPanel.of(recordings, call, ZoneId.of("Asia/Almaty"))).isEmpty();

        signIn("rec-admin", "ADMIN");
        UI.getCurrent().navigate(kz.hotline114.ui.admin.AdminView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.tabs.TabSheet.class)
                .setSelectedIndex(3); // "Жазбалар"
        var summary = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("recordings-storage"));
        assertThat(summary.getText()).startsWith("Сақталған жазбалар: ").contains("мерзімнен тыс сақталатыны: ");
    }

    @Test
    void a_specialist_keeps_the_recording_of_their_cases_call_without_hearing_it() throws Exception {
        var call = kz.hotline114.ui.RecordedCall.make(jdbc, props.dataDir(), "rec-case-", clock.instant().minusSeconds(600),
                "theologians", "Yerlan", 40);
        signIn("rec-specialist", "SPECIALIST");
        var number = cases.open(new CaseDraft(call.pbxId(), call.linkedid(), "RELIGION_QUESTION", null,
                "Туысы топқа кетті", null, "kk", CallerProfile.UNKNOWN, null, false, null, null));
        UI.getCurrent().navigate("case/" + number);
        var state = _get(Span.class, spec -> spec.withId("case-recording-" + call.linkedid()));
        assertThat(state.getText()).startsWith("Жазбасы ").endsWith(" дейін сақталады");
        var reason = _get(TextField.class, spec -> spec.withId("case-keep-reason-" + call.linkedid()));
        var keep = _get(Button.class, spec -> spec.withId("case-keep-" + call.linkedid()));
        _click(keep);
        assertThat(reason.isInvalid()).as("no reason: said at the field").isTrue();
        reason.setValue("отбасы ресми шағым жазбақ");
        _click(keep);
        assertThat(_get(Span.class, spec -> spec.withId("case-recording-" + call.linkedid())).getText())
                .isEqualTo("Жазбасы мерзімнен тыс сақталады");
        assertThat(recordings.retention(call).orElseThrow().heldFor()).containsExactly(Recordings.HoldKind.CASE);
        assertThat(recordings.of(call)).as("still not to be heard by a specialist").isEmpty();
        signIn("rec-super", "SUPERVISOR");
        assertThat(recordings.of(call).orElseThrow().holds()).singleElement().satisfies(h -> {
            assertThat(h.heldBy()).isEqualTo("rec-specialist");
            assertThat(h.reason()).isEqualTo(number + ": отбасы ресми шағым жазбақ");
        });
    }
}
