package kz.hotline114.ui.centre;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.NewExpert;
import kz.hotline114.appointments.ReceptionSchedule;
import kz.hotline114.shared.Region;
import kz.hotline114.ui.KaribuIT;

/**
 * The schedule screen without a browser: weekly hours, a mobile reception at a college and a holiday are
 * added through its forms and stored; bad input is shown next to the field it concerns, in Kazakh.
 */
class CentreScheduleViewIT extends KaribuIT {

    @Autowired
    ExpertPool pool;
    @Autowired
    ReceptionSchedule schedule;

    @SuppressWarnings("unchecked")
    private static <T> T field(Class<? extends com.vaadin.flow.component.Component> type, String id) {
        return (T) _get((Class<com.vaadin.flow.component.Component>) type, spec -> spec.withId(id));
    }

    @Test
    void weekly_hours_a_mobile_reception_and_a_holiday_are_stored_and_mistakes_show_next_to_their_fields() {
        signIn("sup", "SUPERVISOR");
        var centre = pool.addCentre("Schedule centre " + System.nanoTime(), "Жансүгіров 1", "Талдықорған",
                Region.JETISU, null);
        pool.addRoom(centre.id(), "221");
        var expert = pool.addExpert(new NewExpert("Schedule expert " + System.nanoTime(), ExpertKind.PSYCHOLOGIST,
                "психолог", null, List.of("kk"), null, false));
        UI.getCurrent().navigate(CentreScheduleView.class);

        // weekly hours: a consultation longer than the reception is refused by the schedule, next to its field
        ComboBox<Expert> hoursExpert = field(ComboBox.class, "hours-expert");
        hoursExpert.setValue(item(hoursExpert, expert.id()));
        ComboBox<Centre> hoursCentre = field(ComboBox.class, "hours-centre");
        hoursCentre.setValue(centreItem(hoursCentre, centre.id()));
        Select<DayOfWeek> weekday = field(Select.class, "hours-weekday");
        weekday.setValue(DayOfWeek.WEDNESDAY);
        IntegerField length = field(IntegerField.class, "hours-length");
        IntegerField slot = field(IntegerField.class, "hours-slot");
        length.setValue(60);
        slot.setValue(90);
        _click(field(Button.class, "hours-add"));

        assertThat(slot.isInvalid()).isTrue();
        assertThat(slot.getErrorMessage()).isEqualTo("Бір кеңес қабылдау ұзақтығынан аспауы керек");
        assertThat(schedule.weeklyHours(centre.id())).isEmpty();

        slot.setValue(30);
        _click(field(Button.class, "hours-add"));
        assertThat(slot.isInvalid()).isFalse();
        assertThat(schedule.weeklyHours(centre.id())).singleElement().satisfies(h -> {
            assertThat(h.expertId()).isEqualTo(expert.id());
            assertThat(h.weekday()).isEqualTo(DayOfWeek.WEDNESDAY);
            assertThat(h.length()).isEqualTo(Duration.ofMinutes(60));
            assertThat(h.slotLength()).isEqualTo(Duration.ofMinutes(30));
        });

        // a mobile reception at a college: the place and the experts are required
        var collegeDay = LocalDate.of(2038, 3, 18);
        Select<AppointmentType> kind = field(Select.class, "day-kind");
        assertThat(kind.getValue()).isEqualTo(AppointmentType.MOBILE_RECEPTION);
        ComboBox<Centre> dayCentre = field(ComboBox.class, "day-centre");
        dayCentre.setValue(centreItem(dayCentre, centre.id()));
        DatePicker date = field(DatePicker.class, "day-date");
        date.setValue(collegeDay);
        TextField place = field(TextField.class, "day-place");
        MultiSelectComboBox<Expert> experts = field(MultiSelectComboBox.class, "day-experts");
        _click(field(Button.class, "day-add"));
        assertThat(place.isInvalid()).isTrue();
        assertThat(place.getErrorMessage()).isEqualTo("Толтырыңыз");
        assertThat(experts.isInvalid()).isTrue();

        place.setValue("Талдықорған жоғары политехникалық колледжі");
        TextField address = field(TextField.class, "day-address");
        address.setValue("Талдықорған, Шевченко 140");
        experts.setValue(Set.of(experts.getListDataView().getItems().filter(x -> x.id() == expert.id()).findFirst()
                .orElseThrow()));
        IntegerField daySlot = field(IntegerField.class, "day-slot");
        daySlot.setValue(300);
        _click(field(Button.class, "day-add"));
        assertThat(daySlot.isInvalid()).isTrue();
        assertThat(daySlot.getErrorMessage()).isEqualTo("Бір кеңес қабылдау ұзақтығынан аспауы керек");
        assertThat(place.isInvalid()).isFalse();

        daySlot.setValue(30);
        _click(field(Button.class, "day-add"));
        assertThat(schedule.receptionDays(collegeDay, collegeDay)).filteredOn(d -> d.centreId() == centre.id())
                .singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(AppointmentType.MOBILE_RECEPTION);
                    assertThat(d.placeName()).isEqualTo("Талдықорған жоғары политехникалық колледжі");
                    assertThat(d.placeAddress()).isEqualTo("Талдықорған, Шевченко 140");
                    assertThat(d.expertIds()).containsExactly(expert.id());
                    assertThat(d.starts()).isEqualTo(LocalTime.of(10, 0));
                });

        // a holiday at the centre: the reason is required
        var holiday = LocalDate.of(2038, 3, 22);
        DatePicker closureDate = field(DatePicker.class, "closure-date");
        closureDate.setValue(holiday);
        ComboBox<Centre> closureCentre = field(ComboBox.class, "closure-centre");
        closureCentre.setValue(centreItem(closureCentre, centre.id()));
        TextField reason = field(TextField.class, "closure-reason");
        _click(field(Button.class, "closure-add"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Толтырыңыз");

        reason.setValue("Наурыз мейрамы");
        _click(field(Button.class, "closure-add"));
        assertThat(schedule.closures(holiday, holiday)).filteredOn(c -> c.centreId() != null && c.centreId() == centre.id())
                .singleElement().satisfies(c -> {
                    assertThat(c.reason()).isEqualTo("Наурыз мейрамы");
                    assertThat(c.expertId()).isNull();
                });
    }

    private static Expert item(ComboBox<Expert> box, long id) {
        return box.getListDataView().getItems().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private static Centre centreItem(ComboBox<Centre> box, long id) {
        return box.getListDataView().getItems().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
