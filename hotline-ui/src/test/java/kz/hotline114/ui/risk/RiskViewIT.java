package kz.hotline114.ui.risk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import kz.hotline114.calls.CallKey;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.ui.KaribuIT;

/**
 * A supervisor on any screen: a specialist's flag pops up at once (category, level, specialist, queue, talk time), the
 * bell counts it, «Көрдім» acknowledges it; on the callers-at-risk list the follow-up cannot close as "not reachable"
 * before the tries (said at the field), the tries are recorded, then it closes.
 */
class RiskViewIT extends KaribuIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    RiskFlags risk;
    @Autowired
    RiskAlertFrame frame;

    private static Button find(Component root, String id) {
        if (root instanceof Button b && id.equals(b.getId().orElse(null))) {
            return b;
        }
        return root.getChildren().map(c -> {
            try {
                return find(c, id);
            } catch (AssertionError e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no button " + id));
    }

    @Test
    void a_flag_pops_up_for_the_supervisor_who_acknowledges_it_and_the_follow_up_closes_by_its_rules() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        String name = "Aigerim " + run;
        String user = "risk-ui-spec-" + run;
        jdbc.update("insert into specialist (display_name, kind, interface, queues, username) values (?, 'PSYCHOLOGIST',"
                + " ?, '{psychologists}', ?)", name, "PJSIP/ru" + run.substring(0, 5), user);
        var call = new CallKey(PBX_ID, "risk-ui-" + run);
        var at = clock.instant().minusSeconds(120);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, caller_withheld, queues, answered_by, transfers, outcome,
                    repeat_caller, updated_at)
                values (?, ?, ?, true, '{psychologists}', ?, '[]'::jsonb, 'IN_PROGRESS', false, ?)""", call.pbxId(),
                call.linkedid(), Timestamp.from(at), new String[] {name}, Timestamp.from(at));

        signIn("risk-ui-super", "SUPERVISOR");
        UI.getCurrent().navigate(RiskView.class);
        // the bell as the app's frame puts it on every screen (Karibu's routes do not apply @Layout)
        var bell = (RiskAlertBell) frame.create();
        UI.getCurrent().add(bell);
        int waiting = bell.waiting.size(); // flags of other tests nobody acknowledged
        var supervisor = SecurityContextHolder.getContext().getAuthentication();

        // the specialist flags the call from their desk (another browser: here another user on the same server)
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_SPECIALIST"))));
        var flag = risk.flag(call, "SUICIDE_SELF_HARM", RiskFlags.Level.URGENT);
        SecurityContextHolder.getContext().setAuthentication(supervisor);
        MockVaadin.clientRoundtrip(false);

        assertThat(bell.shown).containsKey(flag.id());
        assertThat(bell.getText()).isEqualTo(String.valueOf(waiting + 1));
        assertThat(bell.shown.get(flag.id()).getElement().getTextRecursively())
                .contains("Қауіп: Өз-өзіне қол жұмсау, өзіне зиян келтіру · шұғыл — " + name + ", Психологтар");
        _click(find(bell.shown.get(flag.id()), "risk-ack-" + flag.id()));
        assertThat(risk.get(flag.id()).acknowledgedBy()).isEqualTo("risk-ui-super");
        assertThat(bell.shown).doesNotContainKey(flag.id()).hasSizeLessThanOrEqualTo(RiskAlertBell.MAX_CARDS);
        assertThat(bell.waiting).doesNotContainKey(flag.id()).hasSize(waiting);

        var view = _get(RiskView.class);
        view.refresh();
        assertThat(view.list.getListDataView().getItems()).extracting(RiskFlags.Flag::id).contains(flag.id());
        view.show(risk.get(flag.id()));
        view.outcome.setValue(RiskFlags.Outcome.NOT_REACHABLE);
        _click(view.close);
        assertThat(view.outcome.isInvalid()).isTrue();
        assertThat(view.outcome.getErrorMessage()).isEqualTo("Алдымен кемінде 3 рет хабарласып көріңіз");
        for (int i = 0; i < 3; i++) {
            view.attemptNote.setValue("жауап жоқ");
            _click(_get(Button.class, spec -> spec.withId("risk-attempt")));
        }
        assertThat(risk.get(flag.id()).attempts()).isEqualTo(3);
        view.outcome.setValue(RiskFlags.Outcome.NOT_REACHABLE);
        _click(view.close);
        assertThat(risk.get(flag.id()).outcome()).isEqualTo(RiskFlags.Outcome.NOT_REACHABLE);
    }
}
