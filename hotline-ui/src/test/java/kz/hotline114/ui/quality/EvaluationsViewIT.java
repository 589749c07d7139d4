package kz.hotline114.ui.quality;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;

import kz.hotline114.calls.CallKey;
import kz.hotline114.cases.CallerProfile;
import kz.hotline114.cases.CaseDraft;
import kz.hotline114.cases.Cases;
import kz.hotline114.quality.Evaluations;
import kz.hotline114.ui.KaribuIT;

/** An outside expert opens the call assigned to them, hears it, and scores it: a missing point is said at its row. */
class EvaluationsViewIT extends KaribuIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Evaluations evaluations;
    @Autowired
    Cases cases;

    @Test
    void an_evaluator_scores_the_call_assigned_to_them() {
        var call = new CallKey(PBX_ID, "q-ui-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String specialist = "Yerlan " + call.linkedid();
        String specialistUser = "q-spec-" + call.linkedid().substring(5, 12);
        jdbc.update("insert into specialist (display_name, kind, interface, queues, username) values (?, 'THEOLOGIAN',"
                + " ?, '{theologians}', ?)", specialist, "PJSIP/q" + call.linkedid(), specialistUser);
        var at = clock.instant().minusSeconds(3600);
        jdbc.update("""
                insert into calls (pbx_id, linkedid, started_at, ended_at, caller_number, caller_withheld, queues,
                    answered_by, transfers, outcome, repeat_caller, updated_at, talk_seconds)
                values (?, ?, ?, ?, '+77011234567', false, '{theologians}', ?, '[]'::jsonb, 'ANSWERED', false, ?,
                    80)""", call.pbxId(), call.linkedid(), Timestamp.from(at), Timestamp.from(at.plusSeconds(100)),
                new String[] {specialist}, Timestamp.from(at));
        String evaluator = "q-eval-" + Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 36);
        jdbc.update("insert into app_user (username, password_hash, display_name, roles) values (?, 'x', ?,"
                + " '{EVALUATOR}')", evaluator, evaluator);
        signIn("q-super", "SUPERVISOR");
        evaluations.assign(call, evaluator);
        signIn(specialistUser, "SPECIALIST");
        cases.open(new CaseDraft(call.pbxId(), call.linkedid(), "RELIGION_QUESTION", null, "Жаназа намазы қалай оқылады?",
                "Имамға жүгінуге кеңес берілді", "kk", CallerProfile.UNKNOWN, null, false, null, null));

        signIn(evaluator, "EVALUATOR");
        UI.getCurrent().navigate(EvaluationsView.class);
        var view = _get(EvaluationsView.class);
        view.month.setValue(LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Almaty")));
        var mine = view.list.getListDataView().getItems().toList();
        assertThat(mine).singleElement().satisfies(e -> assertThat(e.call()).isEqualTo(call));
        view.show(mine.getFirst());
        assertThat(view.getElement().getOuterHTML()).as("no caller number on the expert's screen")
                .doesNotContain("+77011234567").contains("/recordings/" + PBX_ID + "/" + call.linkedid());
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("quality-case"))
                .getElement().getTextRecursively()).as("the case's question and answer")
                .contains("Сұрақ: Жаназа намазы қалай оқылады?", "Жауап: Имамға жүгінуге кеңес берілді");
        view.points.get("GREETING").setValue(2);
        view.comments.get("GREETING").setValue("сәлемдесті, өзін атады");
        _click(view.submit);
        assertThat(view.points.get("LISTENING").isInvalid()).as("no points: said at the row").isTrue();
        assertThat(view.points.get("LISTENING").getErrorMessage()).isEqualTo("Балл қойыңыз");
        view.points.forEach((code, group) -> {
            if (group.getValue() == null) {
                group.setValue(code.equals("NO_HARM") || code.equals("DATA_PROTECTION") ? 1 : 2);
            }
        });
        view.conclusion.setValue("Кеңес сапалы, бірақ терең тыңдау жетіспеді");
        _click(view.submit);
        var done = evaluations.get(mine.getFirst().id());
        assertThat(done.status()).isEqualTo(Evaluations.Status.SUBMITTED);
        assertThat(done.comments()).containsEntry("GREETING", "сәлемдесті, өзін атады");
        assertThat(done.total()).as("LISTENING and CORRECTNESS at half").isEqualTo(77.3);
        assertThat(view.total.getText()).isEqualTo("Нәтиже: 77,3 %");
        assertThat(view.points.get("GREETING").isReadOnly()).as("submitted: no more changes").isTrue();

        // the specialist sees it, and disputes it with a comment; the supervisor resolves the dispute
        signIn(specialistUser, "SPECIALIST");
        UI.getCurrent().navigate(EvaluationsView.class);
        var own = _get(EvaluationsView.class);
        own.month.setValue(LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Almaty")));
        assertThat(own.list.getListDataView().getItems()).singleElement().satisfies(e -> assertThat(e.call()).isEqualTo(call));
        own.show(own.list.getListDataView().getItems().findFirst().orElseThrow());
        _click(own.dispute);
        assertThat(own.answer.isInvalid()).as("a dispute needs its reason").isTrue();
        own.answer.setValue("Тыңдауды толық жасадым, жазбаның 0:40-ын тыңдаңыз");
        _click(own.dispute);
        assertThat(evaluations.get(done.id())).satisfies(e -> {
            assertThat(e.response()).isEqualTo(Evaluations.Response.DISPUTED);
            assertThat(e.responseComment()).startsWith("Тыңдауды толық");
        });
        signIn("q-super", "SUPERVISOR");
        UI.getCurrent().navigate(EvaluationsView.class);
        var sup = _get(EvaluationsView.class);
        sup.month.setValue(LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Almaty")));
        assertThat(sup.summary.getText()).as("the month's coverage and mean for the supervisor")
                .startsWith("Айда бағаланғаны: ").contains("орташа нәтиже ");
        sup.show(done);
        sup.answer.setValue("Жазба тыңдалды: баға өзгеріссіз");
        _click(sup.resolve);
        assertThat(evaluations.get(done.id()).resolution()).isEqualTo("Жазба тыңдалды: баға өзгеріссіз");
    }
}
