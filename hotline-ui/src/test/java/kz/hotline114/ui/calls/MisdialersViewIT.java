package kz.hotline114.ui.calls;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.UI;

import kz.hotline114.calls.Misdialers;
import kz.hotline114.ui.KaribuIT;

/** A supervisor sees the known misdialers and marks numbers by hand, each with a reason said at the field. */
class MisdialersViewIT extends KaribuIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Misdialers misdialers;

    @Test
    void a_supervisor_sees_the_rule_made_misdialers_and_adds_and_keeps_out_numbers_by_hand() {
        var number = "+7702" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
        for (int days : new int[] {6, 2}) {
            var at = Timestamp.from(clock.instant().minus(Duration.ofDays(days)));
            jdbc.update("""
                    insert into calls (pbx_id, linkedid, started_at, caller_number, caller_withheld, queues, answered_by,
                        transfers, outcome, wrong_number_reason, repeat_caller, updated_at)
                    values ('ui-pbx', ?, ?, ?, false, '{}', '{}', '[]'::jsonb, 'WRONG_NUMBER', 'DECLARED', false, ?)""",
                    "misdial-ui-" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), at, number, at);
        }
        signIn("misdial-super", "SUPERVISOR");
        UI.getCurrent().navigate(MisdialersView.class);
        var view = _get(MisdialersView.class);
        assertThat(view.list.getListDataView().getItems()).anySatisfy(m -> {
            assertThat(m.number()).as("a supervisor sees the whole number").isEqualTo(number);
            assertThat(m.wrongNumberCalls()).isEqualTo(2);
            assertThat(m.source()).isEqualTo(Misdialers.Source.AUTOMATIC);
        });

        view.number.setValue(number);
        _click(view.never);
        assertThat(view.reason.isInvalid()).as("no reason: said at the field").isTrue();
        assertThat(view.reason.getErrorMessage()).isEqualTo("Себебін жазыңыз");
        view.reason.setValue("приход мешіті, кейде қате тереді");
        _click(view.never);
        assertThat(view.list.getListDataView().getItems()).noneMatch(m -> m.number().equals(number));
        assertThat(view.marks.getListDataView().getItems()).anySatisfy(m -> {
            assertThat(m.number()).isEqualTo(number);
            assertThat(m.kind()).isEqualTo(Misdialers.Mark.Kind.NEVER);
            assertThat(m.markedBy()).isEqualTo("misdial-super");
        });
        assertThat(misdialers.isMisdialer(number)).isFalse();

        view.number.setValue("12-34");
        view.reason.setValue("test");
        _click(view.filter);
        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).startsWith("Телефон нөмірі емес");
    }
}
