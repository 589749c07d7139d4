package kz.hotline114.ui.cases;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.BookingRequest;
import kz.hotline114.appointments.BookingResult;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.NewExpert;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.Region;
import kz.hotline114.support.Recordings;
import kz.hotline114.ui.KaribuIT;

/** The case form without a browser: errors next to the fields, a case opened from a call and saved. */
class CaseViewIT extends KaribuIT {

    @Autowired
    ExpertPool pool;
    @Autowired
    Appointments appointments;
    @Autowired
    HotlineProperties props;

    @Test
    void an_empty_form_shows_what_is_missing_next_to_each_field() {
        signIn("aigerim", "SPECIALIST");
        UI.getCurrent().navigate(CaseView.class);
        var view = _get(CaseView.class);

        view.save.click();

        assertThat(view.category.isInvalid()).isTrue();
        assertThat(view.category.getErrorMessage()).isEqualTo("Толтыру қажет");
        assertThat(view.question.isInvalid()).isTrue();
        assertThat(view.question.getErrorMessage()).isEqualTo("Толтыру қажет");
        assertThat(view.answer.isInvalid()).isFalse();
    }

    @Test
    void a_case_opened_from_a_call_is_saved_with_its_profile_and_linked_to_the_call() throws Exception {
        var packets = Recordings.packets("answered-scholar", 41);
        play(packets);
        var linkedid = linkedidOf(packets);
        signIn("nurlan", "SPECIALIST");
        UI.getCurrent().navigate(CaseView.class, RouteParameters.empty(),
                QueryParameters.simple(java.util.Map.of("pbx", PBX_ID, "linkedid", linkedid)));
        var view = _get(CaseView.class);
        assertThat(view.fromCall.getText()).as("the call named by its time and caller, not its PBX id")
                .startsWith("Қоңыраудан: ").doesNotContain(linkedid).containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2} · .+");

        view.category.setValue(view.category.getListDataView().getItems()
                .filter(t -> t.code().equals("RELIGION_QUESTION")).findFirst().orElseThrow());
        view.question.setValue("Ораза кезінде дәрі ішуге бола ма?");
        view.answer.setValue("Науқас адамға оразаны кейінге қалдыруға рұқсат етіледі");
        view.gender.setValue(Gender.FEMALE);
        view.save.click();

        var number = jdbc.queryForObject("""
                select c.number from consultation_case c join case_call k on k.case_id = c.id
                where k.linkedid = ?""", String.class, linkedid);
        assertThat(number).matches("114-\\d{4}-\\d{5}");
        assertThat(jdbc.queryForObject("select gender from consultation_case where number = ?", String.class, number))
                .isEqualTo("FEMALE");
        assertThat(jdbc.queryForObject("select specialist from consultation_case where number = ?", String.class, number))
                .isEqualTo("nurlan");
        // the view moved on to the saved case
        assertThat(_get(CaseView.class).question.getValue()).isEqualTo("Ораза кезінде дәрі ішуге бола ма?");
    }

    /** The case page had two identical «Сақтау» buttons: the case's and the status row's. */
    @Test
    void the_status_row_has_its_own_button_enabled_once_a_status_is_chosen() {
        var number = openCase("Күйін өзгерту батырмасы");
        signIn("sup", "SUPERVISOR");
        UI.getCurrent().navigate(CaseView.class, new RouteParameters("number", number));

        assertThat(_find(Button.class, spec -> spec.withText("Сақтау"))).as("one «Сақтау»: the case's").hasSize(1);
        var apply = _get(Button.class, spec -> spec.withId("case-status-apply"));
        assertThat(apply.getText()).isEqualTo("Қолдану");
        assertThat(apply.isEnabled()).isFalse();
        @SuppressWarnings("unchecked")
        Select<CaseStatus> next = _get(Select.class, spec -> spec.withLabel("Күйін өзгерту"));
        next.setValue(next.getListDataView().getItems().findFirst().orElseThrow());
        assertThat(apply.isEnabled()).isTrue();
    }

    @Test
    void a_case_lists_its_appointments_at_the_centre_with_expert_centre_type_and_status() {
        var number = openCase("Қызым деструктивті топқа кірді");
        signIn("sup", "SUPERVISOR", "ADMIN");
        var centre = pool.addCentre("Case centre " + System.nanoTime(), "Абай 1", "Талдықорған", Region.JETISU, null);
        pool.addRoom(centre.id(), "221");
        var expert = pool.addExpert(new NewExpert("Case expert " + System.nanoTime(), ExpertKind.THEOLOGIAN, "теолог",
                null, java.util.List.of("kk"), null, false));
        var day = java.time.LocalDate.of(2035, 5, 14);
        var booked = appointments.book(BookingRequest.of(expert.id(), centre.id(),
                day.atTime(10, 0).atZone(props.zone()).toInstant(), day.atTime(11, 0).atZone(props.zone()).toInstant(),
                AppointmentType.IN_PERSON, number));
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);

        UI.getCurrent().navigate(CaseView.class, new RouteParameters("number", number));
        var view = _get(CaseView.class);

        assertThat(GridKt._size(view.appointmentList)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.appointmentList, 0)).containsExactly("14.05.2035 10:00–11:00",
                expert.fullName(), "Талдықорған · Абай 1 · 221", "Орталықта жеке қабылдау", "Жазылған");
    }
}
