package kz.hotline114.ui.desk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.routing.Shift;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.support.TestClock;
import kz.hotline114.ui.KaribuIT;

/** The directory and rota screen: errors next to the fields, a specialist saved, shifts added, an overlap refused. */
class SpecialistsViewIT extends KaribuIT {

    @Autowired
    SpecialistDirectory directory;

    @Test
    @SuppressWarnings("unchecked")
    void a_supervisor_adds_a_specialist_and_two_shifts_and_is_told_when_one_overlaps() {
        signIn("sv-supervisor", "SUPERVISOR");
        UI.getCurrent().navigate(SpecialistsView.class);

        _get(TextField.class, spec -> spec.withId("specialist-name")).setValue("Нұрлан (теолог)");
        _get(TextField.class, spec -> spec.withId("specialist-iface")).setValue("201");
        _click(_get(Button.class, spec -> spec.withId("specialist-save")));
        var ifaceField = _get(TextField.class, spec -> spec.withId("specialist-iface"));
        assertThat(ifaceField.isInvalid()).isTrue();
        assertThat(ifaceField.getErrorMessage()).contains("PJSIP/201");
        assertThat(((CheckboxGroup<String>) _get(CheckboxGroup.class, spec -> spec.withId("specialist-queues"))).isInvalid())
                .isTrue();

        ifaceField.setValue("PJSIP/281");
        ((Select<Specialist.Kind>) _get(Select.class, spec -> spec.withId("specialist-kind"))).setValue(Specialist.Kind.THEOLOGIAN);
        ((CheckboxGroup<String>) _get(CheckboxGroup.class, spec -> spec.withId("specialist-queues"))).setValue(Set.of("theologians"));
        _click(_get(Button.class, spec -> spec.withId("specialist-save")));
        var saved = directory.all().stream().filter(s -> s.iface().equals("PJSIP/281")).findFirst().orElseThrow();
        assertThat(saved.kind()).isEqualTo(Specialist.Kind.THEOLOGIAN);
        assertThat(saved.queues()).containsExactly("theologians");
        var grid = (Grid<Specialist>) _get(Grid.class, spec -> spec.withId("specialists-grid"));
        assertThat(GridKt._findAll(grid)).extracting(Specialist::iface).contains("PJSIP/281");

        var day = LocalDate.now(TestClock.get()).plusDays(3);
        ((Select<Specialist>) _get(Select.class, spec -> spec.withId("rota-who"))).setValue(saved);
        _get(DateTimePicker.class, spec -> spec.withId("rota-from")).setValue(LocalDateTime.of(day, LocalTime.of(8, 0)));
        _get(DateTimePicker.class, spec -> spec.withId("rota-to")).setValue(LocalDateTime.of(day, LocalTime.of(20, 0)));
        _click(_get(Button.class, spec -> spec.withId("rota-add")));
        var rota = (Grid<Shift>) _get(Grid.class, spec -> spec.withId("rota-grid"));
        assertThat(GridKt._findAll(rota)).filteredOn(s -> s.iface().equals("PJSIP/281")).hasSize(1);

        _get(DateTimePicker.class, spec -> spec.withId("rota-from")).setValue(LocalDateTime.of(day, LocalTime.of(19, 0)));
        _get(DateTimePicker.class, spec -> spec.withId("rota-to")).setValue(LocalDateTime.of(day.plusDays(1), LocalTime.of(7, 0)));
        _click(_get(Button.class, spec -> spec.withId("rota-add")));
        var to = _get(DateTimePicker.class, spec -> spec.withId("rota-to"));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("қиылысады");
        assertThat(GridKt._findAll(rota)).filteredOn(s -> s.iface().equals("PJSIP/281")).hasSize(1);

        int row = GridKt._findAll(grid).stream().map(Specialist::iface).toList().indexOf("PJSIP/281");
        var actions = GridKt._getCellComponent(grid, row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withId("specialists-join-" + saved.id())));
        assertThat(PBX.server().actionsReceived()).anySatisfy(a -> {
            assertThat(a.get("Action")).isEqualTo("QueueAdd");
            assertThat(a.get("Interface")).isEqualTo("PJSIP/281");
            assertThat(a.get("Queue")).isEqualTo("theologians");
        });
    }
}
