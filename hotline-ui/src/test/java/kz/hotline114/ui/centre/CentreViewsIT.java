package kz.hotline114.ui.centre;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.BookingRequest;
import kz.hotline114.appointments.BookingResult;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.EventsRegister;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.NewExpert;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.Region;
import kz.hotline114.ui.UiIT;
import kz.hotline114.ui.shell.LoginView;

/** The centre's screens without a browser (Karibu-Testing), on the real services and PostgreSQL. */
class CentreViewsIT extends UiIT {

    private static final Routes ROUTES = new Routes(new java.util.HashSet<>(java.util.Set.of(CentreWeekView.class,
            ReceptionDayView.class, CentreEventsView.class, CentreFiguresView.class, CentreScheduleView.class,
            ExpertPoolView.class, LoginView.class)), new java.util.HashSet<>(), true);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.of(2032, 4, 6);

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ExpertPool pool;
    @Autowired
    Appointments appointments;
    @Autowired
    EventsRegister events;
    @Autowired
    HotlineProperties props;
    @Autowired
    kz.hotline114.appointments.ReceptionSchedule schedule;

    Centre centre;
    Expert expert;

    @BeforeEach
    void centreWithAnExpert() {
        signInOnly("it-admin", "ADMIN");
        int n = SEQ.incrementAndGet();
        centre = pool.addCentre("UI centre " + n, "UI street " + n, "Талдықорған", Region.JETISU, null);
        pool.addRoom(centre.id(), "221");
        centre = pool.centre(centre.id()).orElseThrow();
        expert = pool.addExpert(new NewExpert("UI expert " + n + " " + System.nanoTime(), ExpertKind.PSYCHOLOGIST,
                "психолог", null, List.of("kk"), null, false));
    }

    private static void signInOnly(String user, String... roles) {
        var authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, "n/a", authorities));
    }

    void signIn(String user, String... roles) {
        signInOnly(user, roles);
        MockVaadin.setMockRequestFactory(session -> {
            var request = new FakeRequest(session);
            var auth = SecurityContextHolder.getContext().getAuthentication();
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private CentreWeekView weekOfTheTestCentre() {
        UI.getCurrent().navigate(CentreWeekView.class);
        var view = _get(CentreWeekView.class);
        view.centre.setValue(view.centre.getListDataView().getItems().filter(c -> c.id() == centre.id()).findFirst()
                .orElseThrow());
        view.week.setValue(DAY);
        return view;
    }

    private static Expert itemOf(BookingDialog dialog, Expert e) {
        return dialog.expert.getListDataView().getItems().filter(x -> x.id() == e.id()).findFirst().orElseThrow();
    }

    @Test
    void the_booking_dialog_shows_mistakes_next_to_the_fields_and_then_saves_the_booking() {
        signIn("op", "OPERATOR");
        var view = weekOfTheTestCentre();
        LocatorJ._click(_get(Button.class, spec -> spec.withId("book")));
        var dialog = _get(BookingDialog.class);
        dialog.expert.clear();
        dialog.date.setValue(DAY);
        dialog.start.setValue(LocalTime.of(10, 0));
        dialog.end.setValue(LocalTime.of(9, 0));
        dialog.caseNumber.setValue("case 7");
        dialog.contact.setValue("+7 701 111 22 33");

        LocatorJ._click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.expert.isInvalid()).isTrue();
        assertThat(dialog.expert.getErrorMessage()).isEqualTo("Сарапшыны таңдаңыз");
        assertThat(dialog.end.isInvalid()).isTrue();
        assertThat(dialog.end.getErrorMessage()).isEqualTo("Аяқталуы басталуынан кейін болуы керек");
        assertThat(dialog.caseNumber.isInvalid()).isTrue();
        assertThat(dialog.caseNumber.getErrorMessage()).isEqualTo("Іс нөмірі 114-2026-00001 түрінде болуы керек");
        assertThat(dialog.contact.isInvalid()).isTrue();
        assertThat(dialog.contact.getErrorMessage()).isEqualTo("Байланыс тек клиенттің келісімімен сақталады");

        dialog.expert.setValue(itemOf(dialog, expert));
        dialog.end.setValue(LocalTime.of(11, 0));
        dialog.caseNumber.setValue("114-2032-99999");
        dialog.consent.setValue(true);
        LocatorJ._click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.caseNumber.isInvalid()).isTrue();
        assertThat(dialog.caseNumber.getErrorMessage()).isEqualTo("Мұндай нөмірлі іс жоқ: алдымен істі ашыңыз");

        var caseNumber = openCase("Кеңес керек");
        dialog.caseNumber.setValue(caseNumber);
        LocatorJ._click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        var saved = appointments.ofCase(caseNumber);
        assertThat(saved).singleElement().satisfies(a -> {
            assertThat(a.expertId()).isEqualTo(expert.id());
            assertThat(a.start()).isEqualTo(DAY.atTime(10, 0).atZone(props.zone()).toInstant());
            assertThat(a.roomName()).isEqualTo("221");
            assertThat(a.clientContact()).isEqualTo("+7 701 111 22 33");
        });
        var tuesday = view.entriesOn(DAY).stream().map(c -> c.getElement().getTextRecursively()).toList();
        assertThat(tuesday).anySatisfy(t -> assertThat(t).contains("10:00–11:00").contains(expert.fullName())
                .contains(caseNumber));
    }

    @Test
    void booking_a_busy_expert_says_so_next_to_the_expert_and_a_free_slot_prefills_the_dialog() {
        var day = DAY.plusDays(1);
        appointments.book(BookingRequest.of(expert.id(), centre.id(), day.atTime(14, 0).atZone(props.zone()).toInstant(),
                day.atTime(15, 0).atZone(props.zone()).toInstant(), AppointmentType.IN_PERSON, null));
        signIn("spec", "SPECIALIST");
        var view = weekOfTheTestCentre();
        view.openBooking(null);
        var dialog = _get(BookingDialog.class);
        dialog.expert.setValue(itemOf(dialog, expert));
        dialog.date.setValue(day);
        dialog.start.setValue(LocalTime.of(14, 30));
        dialog.end.setValue(LocalTime.of(15, 30));

        LocatorJ._click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.expert.isInvalid()).isTrue();
        assertThat(dialog.expert.getErrorMessage()).isEqualTo("Сарапшы бұл уақытта бос емес");
        assertThat(appointments.day(centre.id(), day)).hasSize(1);
    }

    @Test
    void a_case_screen_sends_its_client_to_the_week_and_a_free_slot_books_for_that_case() {
        var day = DAY.plusDays(2);
        schedule.addWeeklyHours(new kz.hotline114.appointments.WeeklyHours(0, expert.id(), centre.id(), day.getDayOfWeek(),
                LocalTime.of(15, 0), java.time.Duration.ofHours(1), java.time.Duration.ofHours(1), day, day));
        var caseNumber = openCase("Ұлым жаман топқа кірді");
        signIn("op", "OPERATOR");
        UI.getCurrent().navigate(CentreWeekView.class, com.vaadin.flow.router.QueryParameters.of("case", caseNumber));
        var view = _get(CentreWeekView.class);
        view.centre.setValue(view.centre.getListDataView().getItems().filter(c -> c.id() == centre.id()).findFirst()
                .orElseThrow());
        view.week.setValue(day);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("booking-for-case")).getText())
                .contains(caseNumber);

        var slot = view.entriesOn(day).stream().filter(Button.class::isInstance).map(Button.class::cast).findFirst()
                .orElseThrow();
        LocatorJ._click(slot);
        var dialog = _get(BookingDialog.class);
        assertThat(dialog.caseNumber.getValue()).isEqualTo(caseNumber);
        assertThat(dialog.expert.getValue().id()).isEqualTo(expert.id());
        assertThat(dialog.start.getValue()).isEqualTo(LocalTime.of(15, 0));
        LocatorJ._click(dialog.save);

        assertThat(appointments.ofCase(caseNumber)).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(day.atTime(15, 0).atZone(props.zone()).toInstant()));
    }

    @Test
    void an_experts_week_across_all_centres_shows_their_hours_and_bookings_at_each_centre() {
        var day = DAY.plusDays(1);   // Wednesday of the test week
        var other = pool.addCentre("UI other centre " + SEQ.incrementAndGet(), "Other street", "Текелі", Region.JETISU, null);
        pool.addRoom(other.id(), "1");
        schedule.addWeeklyHours(new kz.hotline114.appointments.WeeklyHours(0, expert.id(), centre.id(), day.getDayOfWeek(),
                LocalTime.of(9, 0), java.time.Duration.ofHours(1), java.time.Duration.ofHours(1), day, day));
        booked(appointments.book(BookingRequest.of(expert.id(), other.id(), day.atTime(15, 0).atZone(props.zone()).toInstant(),
                day.atTime(16, 0).atZone(props.zone()).toInstant(), AppointmentType.IN_PERSON, null)));
        signIn("op", "OPERATOR");
        var view = weekOfTheTestCentre();

        view.expert.setValue(view.expert.getListDataView().getItems().filter(e -> e.id() == expert.id()).findFirst()
                .orElseThrow());
        // one centre: its own slot only, the booking at the other centre is not there
        assertThat(texts(view, day)).anySatisfy(t -> assertThat(t).startsWith("09:00"))
                .noneSatisfy(t -> assertThat(t).contains("15:00–16:00"));

        view.centre.clear();   // «all centres»
        assertThat(view.centre.getPlaceholder()).isEqualTo("Барлық орталықтар");
        assertThat(texts(view, day))
                .anySatisfy(t -> assertThat(t).startsWith("09:00").contains(centre.name()))
                .anySatisfy(t -> assertThat(t).contains("15:00–16:00").contains(expert.fullName()).contains(other.name()));

        view.expert.clear();   // neither a centre nor an expert: nothing to show but the hint
        assertThat(view.calendar.getChildren()).isEmpty();
    }

    private static List<String> texts(CentreWeekView view, LocalDate day) {
        return view.entriesOn(day).stream().map(c -> c.getElement().getTextRecursively()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_reception_desk_marks_attendance_and_a_cancellation_needs_a_reason() {
        var zone = props.zone();
        var a = booked(appointments.book(BookingRequest.of(expert.id(), centre.id(), DAY.atTime(9, 0).atZone(zone).toInstant(),
                DAY.atTime(10, 0).atZone(zone).toInstant(), AppointmentType.IN_PERSON, null)));
        var b = booked(appointments.book(BookingRequest.of(expert.id(), centre.id(), DAY.atTime(10, 0).atZone(zone).toInstant(),
                DAY.atTime(11, 0).atZone(zone).toInstant(), AppointmentType.IN_PERSON, null)));
        signIn("op", "OPERATOR");
        UI.getCurrent().navigate(ReceptionDayView.class);
        var view = _get(ReceptionDayView.class);
        view.centre.setValue(view.centre.getListDataView().getItems().filter(c -> c.id() == centre.id()).findFirst()
                .orElseThrow());
        view.day.setValue(DAY);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);

        LocatorJ._click(_get(GridKt._getCellComponent(view.grid, 0, "actions"), Button.class,
                spec -> spec.withId("attended-" + a.id())));
        LocatorJ._click(_get(GridKt._getCellComponent(view.grid, 1, "actions"), Button.class,
                spec -> spec.withId("cancel-" + b.id())));
        LocatorJ._click(_get(Button.class, spec -> spec.withId("cancel-confirm")));
        var reason = _get(TextArea.class, spec -> spec.withId("cancel-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Бас тарту себебін жазыңыз");
        reason.setValue("клиент қайта қоңырау шалады");
        LocatorJ._click(_get(Button.class, spec -> spec.withId("cancel-confirm")));

        assertThat(appointments.get(a.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.ATTENDED);
        assertThat(appointments.get(b.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(appointments.get(b.id()).orElseThrow().cancelReason()).isEqualTo("клиент қайта қоңырау шалады");
        assertThat(GridKt._getCellComponent(view.grid, 1, "actions").getChildren()).isEmpty();

        // a click on the wrong row is taken back from the notice that says what was marked
        LocatorJ._click(_get(Button.class, spec -> spec.withId("undo-" + a.id())));
        assertThat(appointments.get(a.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'APPOINTMENT_OUTCOME_UNDONE'"
                + " and subject = ?", Long.class, "appointment/" + a.id())).isEqualTo(1);
    }

    @Test
    void a_booking_on_a_past_day_is_questioned_once_and_booked_when_saved_again() {
        signIn("op", "OPERATOR");
        weekOfTheTestCentre();
        LocatorJ._click(_get(Button.class, spec -> spec.withId("book")));
        var dialog = _get(BookingDialog.class);
        var past = LocalDate.of(2019, 6, 12);
        dialog.expert.setValue(itemOf(dialog, expert));
        dialog.date.setValue(past);
        dialog.start.setValue(LocalTime.of(15, 0));
        dialog.end.setValue(LocalTime.of(16, 0));
        dialog.clientLabel.setValue("2019-past-day");

        LocatorJ._click(dialog.save);
        assertThat(dialog.isOpened()).as("not booked yet").isTrue();
        assertThat(dialog.date.getHelperText()).contains("12.06.2019").contains("өткен күн");
        assertThat(dialog.save.getText()).isEqualTo("Бәрібір жазу");
        assertThat(appointments.day(centre.id(), past)).isEmpty();

        LocatorJ._click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(appointments.day(centre.id(), past)).singleElement()
                .satisfies(x -> assertThat(x.clientLabel()).isEqualTo("2019-past-day"));
    }

    @Test
    void a_reporter_registers_an_event_with_its_participants_and_sees_the_figures() {
        signIn("rep", "REPORTER");
        UI.getCurrent().navigate(CentreEventsView.class);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-new")));
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("event-name"))
                .setValue("Колледжде көшпелі қабылдау " + SEQ.get());
        _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("event-date"))
                .setValue(LocalDate.of(2033, 9, 17));
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("event-city")).setValue("Талдықорған");
        var participants = _get(IntegerField.class, spec -> spec.withId("event-participants"));
        participants.setValue(-5);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-save")));
        assertThat(participants.isInvalid()).isTrue();
        assertThat(participants.getErrorMessage()).as("−5 turned the field red with no message").isNotBlank();
        participants.setValue(3);
        _get(IntegerField.class, spec -> spec.withLabel("Әйел")).setValue(5);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-save")));
        assertThat(participants.isInvalid()).isTrue();
        assertThat(participants.getErrorMessage()).isEqualTo("Бөлініс қатысушылар санынан аспауы керек");

        participants.setValue(40);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-save")));
        var view = _get(CentreEventsView.class);
        assertThat(view.to.getValue()).as("the period shown widens to the saved event (it vanished)")
                .isAfterOrEqualTo(LocalDate.of(2033, 9, 17));
        assertThat(view.grid.getListDataView().getItems()).anyMatch(e -> e.heldOn().equals(LocalDate.of(2033, 9, 17)));

        var stored = events.between(LocalDate.of(2033, 9, 17), LocalDate.of(2033, 9, 17));
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.participants()).isEqualTo(40);
            assertThat(e.byGender()).containsEntry(kz.hotline114.shared.Gender.FEMALE, 5);
        });
        UI.getCurrent().navigate(CentreFiguresView.class);
        var figures = _get(CentreFiguresView.class);
        figures.from.setValue(LocalDate.of(2033, 9, 1));
        figures.to.setValue(LocalDate.of(2033, 9, 30));
        assertThat(figures.figures.getElement().getTextRecursively()).contains("40").contains("Қатысушылар");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_event_is_linked_to_a_grant_project_activity_picked_by_project_then_activity() {
        signIn("rep", "REPORTER");
        UI.getCurrent().navigate(CentreEventsView.class);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-new")));
        var name = "Ашық есік күні " + SEQ.incrementAndGet();
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("event-name")).setValue(name);
        _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("event-date"))
                .setValue(LocalDate.of(2033, 10, 8));
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("event-city")).setValue("Талдықорған");
        _get(IntegerField.class, spec -> spec.withId("event-participants")).setValue(25);
        var project = (com.vaadin.flow.component.combobox.ComboBox<kz.hotline114.reports.GrantProject>) _get(
                com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("event-project"));
        var activity = (com.vaadin.flow.component.combobox.ComboBox<CentreEventsView.ActivityChoice>) _get(
                com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("event-grant-activity"));
        assertThat(activity.isEnabled()).isFalse();
        project.setValue(project.getListDataView().getItems().filter(p -> p.id() == 1).findFirst().orElseThrow());
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-save")));
        assertThat(activity.isInvalid()).isTrue();
        assertThat(activity.getErrorMessage()).isEqualTo("Жобаның іс-шарасын таңдаңыз");

        var choice = activity.getListDataView().getItems().filter(a -> a.key().equals("1.3")).findFirst().orElseThrow();
        assertThat(activity.getItemLabelGenerator().apply(choice)).startsWith("1.3 Деструктивті діни қызметтен");
        activity.setValue(choice);
        LocatorJ._click(_get(Button.class, spec -> spec.withId("event-save")));

        assertThat(events.between(LocalDate.of(2033, 10, 8), LocalDate.of(2033, 10, 8))).filteredOn(e -> e.name().equals(name))
                .singleElement().satisfies(e -> {
                    assertThat(e.grantProjectId()).isEqualTo(1L);
                    assertThat(e.grantActivity()).isEqualTo("1.3");
                });
    }

    @Test
    void staff_see_expert_contacts_a_reporter_does_not_and_only_supervisors_add_experts() {
        var withContact = pool.addExpert(new NewExpert("Contact expert " + System.nanoTime(), ExpertKind.IMAM, "имам",
                null, List.of("kk"), "+7 702 000 11 22", false));
        signIn("op", "OPERATOR");
        UI.getCurrent().navigate(ExpertPoolView.class);
        var rows = rows(_get(ExpertPoolView.class).grid);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(withContact.fullName()).contains("+7 702 000 11 22"));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class, spec -> spec.withId("expert-add")))
                .isEmpty();
        MockVaadin.tearDown();

        signIn("rep", "REPORTER");
        UI.getCurrent().navigate(ExpertPoolView.class);
        assertThat(rows(_get(ExpertPoolView.class).grid)).anySatisfy(r -> assertThat(r).contains(withContact.fullName()))
                .noneSatisfy(r -> assertThat(r).contains("+7 702 000 11 22"));
        MockVaadin.tearDown();

        signIn("sup", "SUPERVISOR");
        UI.getCurrent().navigate(ExpertPoolView.class);
        assertThat(_get(Button.class, spec -> spec.withId("expert-add"))).isNotNull();
    }

    private static List<String> rows(com.vaadin.flow.component.grid.Grid<Expert> grid) {
        var out = new java.util.ArrayList<String>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            out.add(String.join(" | ", GridKt._getFormattedRow(grid, i)));
        }
        return out;
    }

    private static Appointment booked(BookingResult r) {
        return ((BookingResult.Booked) r).appointment();
    }
}
