package kz.hotline114.ui.calls;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallKey;
import kz.hotline114.routing.Callbacks;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.support.Recordings;
import kz.hotline114.ui.KaribuIT;
import kz.hotline114.ui.shell.DateTimeField;

/** A supervisor's list of callers who waited, were not answered and have not been called back — and its way out. */
class UnreturnedCallsViewIT extends KaribuIT {

    @Autowired
    Callbacks callbacks;
    @Autowired
    HotlineProperties props;
    @Autowired
    java.time.Clock clock;

    private static int rowOf(UnreturnedCallsView view, String linkedid) {
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            if (GridKt._get(view.grid, i).linkedid().equals(linkedid)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a_caller_who_abandoned_is_listed_until_a_callback_is_scheduled() throws Exception {
        var packets = Recordings.packets("abandoned-in-queue", 31);
        play(packets);
        var linkedid = linkedidOf(packets);
        signIn("unret-sup", Roles.SUPERVISOR);
        UI.getCurrent().navigate(UnreturnedCallsView.class);
        var view = _get(UnreturnedCallsView.class);
        // the call's own day (a run at 23:59:30 may see midnight pass between the call and the view)
        var call = ctx.getBean(kz.hotline114.calls.CallLog.class).get(new CallKey(PBX_ID, linkedid)).orElseThrow();
        view.day.setValue(java.time.LocalDate.ofInstant(call.startedAt(), props.zone()));
        int row = rowOf(view, linkedid);
        assertThat(row).as("the abandoned caller is listed").isNotNegative();
        Call listed = GridKt._get(view.grid, row);
        assertThat(listed.callerNumber()).as("a supervisor sees the number as the call log shows it").isNotNull();
        assertThat(view.total.getText()).startsWith("Қоңырау шалушылар:");

        _click((Button) GridKt._getCellComponent(view.grid, row, "actions"));
        var due = _get(DateTimeField.class, s -> s.withId("desk-callback-due"));
        assertThat(Duration.between(clock.instant(), due.getValue().atZone(props.zone()).toInstant()))
                .as("the default is half an hour from now in the hotline's zone").isBetween(Duration.ofMinutes(28),
                        Duration.ofMinutes(31));
        _click(_get(Button.class, s -> s.withId("desk-callback-save")));

        assertThat(callbacks.ofCall(new CallKey(PBX_ID, linkedid))).hasSize(1);
        assertThat(rowOf(view, linkedid)).as("planned: off the list").isNegative();
    }
}
