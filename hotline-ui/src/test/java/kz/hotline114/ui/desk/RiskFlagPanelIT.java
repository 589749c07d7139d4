package kz.hotline114.ui.desk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;

import kz.hotline114.calls.CallKey;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.ui.KaribuIT;

/**
 * The screen-pop's risk row: one click on a category flags the call I am on (urgent when ticked), the protocol appears
 * to be ticked off step by step; on a call that is not mine nothing is flagged and the pop says so.
 */
class RiskFlagPanelIT extends KaribuIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    RiskFlags risk;

    @Test
    void one_click_flags_my_call_and_the_protocol_is_ticked_off() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        String name = "Yerlan " + run;
        String user = "risk-desk-" + run;
        jdbc.update("insert into specialist (display_name, kind, interface, queues, username) values (?, 'THEOLOGIAN',"
                + " ?, '{theologians}', ?)", name, "PJSIP/rd" + run.substring(0, 5), user);
        var mine = new CallKey(PBX_ID, "risk-desk-" + run);
        var other = new CallKey(PBX_ID, "risk-desk-other-" + run);
        var at = clock.instant().minusSeconds(90);
        for (var c : new CallKey[] {mine, other}) {
            jdbc.update("""
                    insert into calls (pbx_id, linkedid, started_at, caller_withheld, queues, answered_by, transfers,
                        outcome, repeat_caller, updated_at)
                    values (?, ?, ?, true, '{theologians}', ?, '[]'::jsonb, 'IN_PROGRESS', false, ?)""", c.pbxId(),
                    c.linkedid(), Timestamp.from(at), new String[] {c == mine ? name : "Someone else"}, Timestamp.from(at));
        }
        signIn(user, "SPECIALIST");
        var panel = new RiskFlagPanel(risk, PBX_ID);
        UI.getCurrent().add(panel);

        panel.call(other.linkedid());
        _click(panel.categories.get("RECRUITMENT"));
        signIn("risk-desk-super", "SUPERVISOR");
        assertThat(risk.ofCall(other)).as("not my call: nothing flagged").isEmpty();

        signIn(user, "SPECIALIST");
        panel = new RiskFlagPanel(risk, PBX_ID);
        UI.getCurrent().add(panel);
        panel.call(mine.linkedid());
        panel.urgent.setValue(true);
        _click(panel.categories.get("RECRUITMENT"));
        var flags = risk.ofCall(mine);
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("RECRUITMENT");
            assertThat(f.level()).isEqualTo(RiskFlags.Level.URGENT);
            assertThat(f.specialist()).isEqualTo(name);
        });
        long id = flags.getFirst().id();
        assertThat(panel.flagged.getElement().getTextRecursively()).contains("Белгіленді: Деструктивті топқа тарту");
        var steps = panel.flagged.getChildren().flatMap(com.vaadin.flow.component.Component::getChildren)
                .filter(c -> c instanceof com.vaadin.flow.component.checkbox.Checkbox)
                .map(c -> (com.vaadin.flow.component.checkbox.Checkbox) c).toList();
        assertThat(steps).extracting(com.vaadin.flow.component.checkbox.Checkbox::getLabel).as("the protocol")
                .startsWith("Кім, қашан, қайда кетпек екенін анықтау").hasSize(4);
        var step = steps.get(1);
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(step, true); // as the specialist's click
        assertThat(risk.get(id).protocolDone()).containsExactly(1);

        panel.call(null);
        panel.call(mine.linkedid());
        assertThat(panel.flagged.getElement().getTextRecursively()).as("my flag stays with the call")
                .contains("Белгіленді: Деструктивті топқа тарту");

        // the case opened from the call carries the flag: what, how urgent, the protocol's steps done
        var number = cases.open(new kz.hotline114.cases.CaseDraft(mine.pbxId(), mine.linkedid(), "RELIGION_QUESTION",
                null, "Ұлым Сирияға кетпек", null, "kk", kz.hotline114.cases.CallerProfile.UNKNOWN, null, false, null,
                null));
        UI.getCurrent().navigate("case/" + number);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("case-risk-" + id)).getText()).startsWith("Деструктивті топқа тарту")
                .contains("шұғыл").contains("хаттама: 1/4 қадам");
    }
}
