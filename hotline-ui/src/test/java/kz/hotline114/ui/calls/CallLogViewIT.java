package kz.hotline114.ui.calls;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.support.Recordings;
import kz.hotline114.ui.KaribuIT;

/** The call log view without a browser (Karibu-Testing), on the real services and database. */
class CallLogViewIT extends KaribuIT {

    @SuppressWarnings("unchecked")
    private List<String> rowsText() {
        Grid<Call> grid = _get(Grid.class);
        var rows = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            var item = GridKt._get(grid, i);
            rows.add(String.join(" | ", GridKt._getFormattedRow(grid, i)) + " | " + item.linkedid());
        }
        return rows;
    }

    @Test
    void a_supervisor_sees_a_replayed_call_with_its_full_number_and_outcome_in_kazakh() throws Exception {
        var packets = Recordings.packets("answered-psychologist", 11);
        play(packets);
        signIn("sup", "SUPERVISOR");

        UI.getCurrent().navigate(CallLogView.class);

        var row = rowsText().stream().filter(r -> r.endsWith(linkedidOf(packets))).findFirst().orElseThrow();
        var number = fullNumber(linkedidOf(packets));
        assertThat(row).contains(number).contains("Aigerim (psychologist)").contains("Психологтар").contains("Kcell");
        assertThat(_get(Span.class, spec -> spec.withId("calls-total")).getText()).startsWith("Табылған қоңыраулар:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_calls_detail_shows_its_timeline_from_the_journal() throws Exception {
        var packets = Recordings.packets("transfer", 13);
        play(packets);
        signIn("sup", "SUPERVISOR");
        UI.getCurrent().navigate(CallLogView.class);
        Grid<Call> grid = _get(Grid.class);
        int row = -1;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).linkedid().equals(linkedidOf(packets))) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();

        GridKt._clickItem(grid, row);

        var timeline = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("call-timeline"));
        var steps = timeline.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
        assertThat(String.join("\n", steps)).contains("Сәлемдесу ойнатылды").contains("Пернені басты: 1")
                .contains("Кезекке қойылды: Психологтар").contains("Маман жауап берді: Daniyar (psychologist)")
                .contains("Ауыстырылды: Психологтар → Теологтар").contains("Маман жауап берді: Olga (theologian)")
                .contains("Қоңырау аяқталды: қалыпты аяқталды");
        assertThat(String.join("\n", steps)).as("who hung up, in words, not the PBX's channel names")
                .doesNotContain("PJSIP/").doesNotContain("Local/").doesNotContain("@agents")
                .containsAnyOf("қоңырау шалушы", "маман ");
        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(dialog.getElement().getTextRecursively()).as("the PBX's id is an administrator's business")
                .doesNotContain(linkedidOf(packets)).doesNotContain("Linkedid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_call_logged_from_the_pbx_records_is_marked_recovered_with_why() throws Exception {
        var packets = Recordings.packets("answered-theologian", 14);
        play(packets);
        var lid = linkedidOf(packets);
        jdbc.update("update calls set recovered = true where linkedid = ?", lid);
        signIn("sup", "SUPERVISOR");
        UI.getCurrent().navigate(CallLogView.class);
        Grid<Call> grid = _get(Grid.class);
        int row = -1;
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).linkedid().equals(lid)) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        var badge = (Span) GridKt._getCellComponent(grid, row, "outcome");
        assertThat(badge.getText()).isEqualTo("Жауап берілді ↺");
        assertThat(badge.getTitle()).hasValueSatisfying(t -> assertThat(t).startsWith("АТС-тың өз жазбаларынан"));

        GridKt._clickItem(grid, row);
        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Дереккөзі: АТС-тың өз жазбаларынан (CEL/CDR)");
    }

    @Test
    void an_operator_sees_numbers_masked() throws Exception {
        var packets = Recordings.packets("wrong-number-declared", 12);
        play(packets);
        signIn("op", "OPERATOR");

        UI.getCurrent().navigate(CallLogView.class);

        var row = rowsText().stream().filter(r -> r.endsWith(linkedidOf(packets))).findFirst().orElseThrow();
        var full = fullNumber(linkedidOf(packets));
        assertThat(row).doesNotContain(full).contains(PhoneNumbers.mask(full));
    }
}
