package kz.hotline114.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.appointments.BookingResult.AlreadyBooked;
import kz.hotline114.appointments.BookingResult.Booked;
import kz.hotline114.appointments.BookingResult.Conflict;
import kz.hotline114.appointments.BookingResult.Rejected;

/** Booking rules and status transitions on a real PostgreSQL: the database itself refuses double booking. */
class AppointmentsIT extends CentreIT {

    static final LocalDate DAY = LocalDate.of(2030, 3, 12);

    @Test
    void eight_concurrent_bookings_of_one_slot_give_exactly_one_appointment() throws Exception {
        var centre = centre("101", "102", "103", "104", "105", "106", "107", "108");
        var expert = expert(ExpertKind.PSYCHOLOGIST);
        var request = request(expert, centre, at(DAY, 10, 0), at(DAY, 11, 0), AppointmentType.IN_PERSON);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<BookingResult>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(auth);
                    start.await();
                    return appointments.book(request);
                }));
            }
            start.countDown();
        }
        var outcomes = new ArrayList<BookingResult>();
        for (var f : results) {
            outcomes.add(f.get());
        }

        assertThat(outcomes).filteredOn(Booked.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AlreadyBooked.class::isInstance).hasSize(7)
                .allSatisfy(r -> assertThat(((AlreadyBooked) r).conflict()).isEqualTo(Conflict.EXPERT));
        assertThat(jdbc.queryForObject("select count(*) from appointment where expert_id = ?", Long.class, expert.id()))
                .isEqualTo(1);
    }

    @Test
    void eight_experts_racing_for_the_only_room_give_exactly_one_appointment() throws Exception {
        var centre = centre("221");
        var experts = new ArrayList<Expert>();
        for (int i = 0; i < 8; i++) {
            experts.add(expert(ExpertKind.PSYCHOLOGIST));
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<BookingResult>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var e : experts) {
                results.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(auth);
                    start.await();
                    return appointments.book(request(e, centre, at(DAY, 12, 0), at(DAY, 13, 0), AppointmentType.IN_PERSON));
                }));
            }
            start.countDown();
        }
        var outcomes = new ArrayList<BookingResult>();
        for (var f : results) {
            outcomes.add(f.get());
        }

        assertThat(outcomes).filteredOn(Booked.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r.equals(new AlreadyBooked(Conflict.ROOM))).hasSize(7);
    }

    /**
     * Two bookings racing on the exclusion constraints can deadlock (each waits for the other's uncommitted row),
     * and PostgreSQL aborts one of them (40P01). Made to happen here on purpose: another transaction holds the
     * room, our booking waits for it, then that transaction takes our expert (a mobile reception) and waits for
     * us; our backend, waiting longer, is the one aborted. The booking must still get an answer, not an error.
     */
    @Test
    void a_booking_that_loses_a_deadlock_is_tried_again_and_answered() throws Exception {
        var centre = centre("221");
        var holder = expert(ExpertKind.THEOLOGIAN);
        var ours = expert(ExpertKind.PSYCHOLOGIST);
        var from = at(DAY.plusDays(40), 10, 0);
        var to = at(DAY.plusDays(40), 11, 0);
        var insert = """
                insert into appointment (expert_id, centre_id, room_id, type, starts_at, ends_at, created_by)
                values (?, ?, ?, ?, ?, ?, 'it')""";
        var auth = SecurityContextHolder.getContext().getAuthentication();
        try (var other = jdbc.getDataSource().getConnection(); var pool = Executors.newSingleThreadExecutor()) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                // so that the cycle is found (and broken) on our side; LOCAL: this pooled connection goes back to the
                // pool afterwards, and a 30 s deadlock_timeout left on it made a later race wait minutes per deadlock
                st.execute("set local deadlock_timeout = '30s'");
            }
            try (var ps = other.prepareStatement(insert)) {
                ps.setLong(1, holder.id());
                ps.setLong(2, centre.id());
                ps.setLong(3, centre.rooms().getFirst().id());
                ps.setString(4, "IN_PERSON");
                ps.setTimestamp(5, java.sql.Timestamp.from(from));
                ps.setTimestamp(6, java.sql.Timestamp.from(to));
                ps.executeUpdate();
            }
            var booking = pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(auth);
                return appointments.book(request(ours, centre, from, to, AppointmentType.IN_PERSON));
            });
            // our insert waits for the room
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (jdbc.queryForObject("select count(*) from pg_locks where not granted", Long.class) == 0) {
                assertThat(System.nanoTime()).as("our booking never waited").isLessThan(deadline);
                Thread.sleep(20);
            }
            try (var ps = other.prepareStatement(insert)) {
                ps.setLong(1, ours.id());
                ps.setLong(2, centre.id());
                ps.setObject(3, null);
                ps.setString(4, "MOBILE_RECEPTION");
                ps.setTimestamp(5, java.sql.Timestamp.from(from));
                ps.setTimestamp(6, java.sql.Timestamp.from(to));
                ps.executeUpdate();   // waits for our row: a cycle; our side is aborted after 1 s and retries
            }
            other.commit();
            // the retry meets the committed rows: the room is taken and so is our expert
            assertThat(booking.get()).isInstanceOf(AlreadyBooked.class);
        }
    }

    @Test
    void an_overlapping_period_is_refused_but_the_next_slot_is_free() {
        var centre = centre("221");
        var expert = expert(ExpertKind.THEOLOGIAN);
        booked(appointments.book(request(expert, centre, at(DAY, 10, 0), at(DAY, 11, 0), AppointmentType.IN_PERSON)));

        assertThat(appointments.book(request(expert, centre, at(DAY, 10, 30), at(DAY, 11, 30), AppointmentType.IN_PERSON)))
                .isEqualTo(new AlreadyBooked(Conflict.EXPERT));
        assertThat(appointments.book(request(expert, centre, at(DAY, 11, 0), at(DAY, 12, 0), AppointmentType.IN_PERSON)))
                .isInstanceOf(Booked.class);
    }

    @Test
    void two_experts_cannot_share_the_only_room_but_a_second_room_or_a_mobile_reception_can() {
        var centre = centre("221");
        var first = expert(ExpertKind.PSYCHOLOGIST);
        var second = expert(ExpertKind.IMAM);
        var a = booked(appointments.book(request(first, centre, at(DAY, 14, 0), at(DAY, 15, 0), AppointmentType.IN_PERSON)));
        assertThat(a.roomName()).isEqualTo("221");

        assertThat(appointments.book(request(second, centre, at(DAY, 14, 0), at(DAY, 15, 0), AppointmentType.IN_PERSON)))
                .isEqualTo(new AlreadyBooked(Conflict.ROOM));
        var mobile = booked(appointments.book(request(second, centre, at(DAY, 14, 0), at(DAY, 15, 0),
                AppointmentType.MOBILE_RECEPTION)));
        assertThat(mobile.roomId()).isNull();

        pool.addRoom(centre.id(), "222");
        var third = expert(ExpertKind.PRIEST);
        var b = booked(appointments.book(request(third, centre, at(DAY, 14, 0), at(DAY, 15, 0), AppointmentType.IN_PERSON)));
        assertThat(b.roomName()).isEqualTo("222");
    }

    @Test
    void a_cancelled_appointment_frees_the_expert_and_the_room() {
        var centre = centre("221");
        var expert = expert(ExpertKind.PSYCHOLOGIST);
        var a = booked(appointments.book(request(expert, centre, at(DAY, 9, 0), at(DAY, 10, 0), AppointmentType.IN_PERSON)));

        var cancelled = appointments.cancel(a.id(), "the client asked to move it");

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("the client asked to move it");
        assertThat(appointments.book(request(expert, centre, at(DAY, 9, 0), at(DAY, 10, 0), AppointmentType.IN_PERSON)))
                .isInstanceOf(Booked.class);
    }

    @Test
    void statuses_move_only_from_booked_and_a_cancellation_needs_a_reason() {
        var centre = centre("221");
        var expert = expert(ExpertKind.RELIGIOUS_SCHOLAR);
        var a = booked(appointments.book(request(expert, centre, at(DAY, 16, 0), at(DAY, 17, 0), AppointmentType.IN_PERSON)));
        var b = booked(appointments.book(request(expert, centre, at(DAY, 17, 0), at(DAY, 18, 0), AppointmentType.IN_PERSON)));

        assertThatThrownBy(() -> appointments.cancel(a.id(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(appointments.markAttended(a.id()).status()).isEqualTo(AppointmentStatus.ATTENDED);
        assertThatThrownBy(() -> appointments.cancel(a.id(), "too late")).isInstanceOf(InvalidTransition.class)
                .hasMessageContaining("ATTENDED");
        assertThatThrownBy(() -> appointments.markNoShow(a.id())).isInstanceOf(InvalidTransition.class);
        assertThat(appointments.markNoShow(b.id()).status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThatThrownBy(() -> appointments.markAttended(b.id())).isInstanceOf(InvalidTransition.class);
        assertThat(appointments.get(a.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.ATTENDED);
    }

    @Test
    void a_wrong_request_is_rejected_field_by_field() {
        var centre = centre("221");
        var expert = expert(ExpertKind.PSYCHOLOGIST);
        var result = appointments.book(new BookingRequest(expert.id() + 100_000, centre.id(), null,
                AppointmentType.IN_PERSON, at(DAY, 12, 0), at(DAY, 11, 0), "2026-1", null, false, "+7 701 123 45 67"));

        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).errors()).extracting(BookingResult.FieldError::field)
                .containsExactlyInAnyOrder("expertId", "end", "caseNumber", "clientContact");
    }

    @Test
    void an_appointment_from_a_case_is_found_by_the_case_number_and_reminded_with_consent() {
        var centre = centre("221");
        var expert = expert(ExpertKind.PSYCHOLOGIST);
        var caseNumber = openCase();
        var a = booked(appointments.book(new BookingRequest(expert.id(), centre.id(), null, AppointmentType.IN_PERSON,
                at(DAY, 8, 0), at(DAY, 9, 0), caseNumber, "Client A.", true, "+7 701 555 00 11")));

        // not to remind: no callback consent; cancelled; consent but outside the window (the next day)
        var noConsent = booked(appointments.book(new BookingRequest(expert.id(), centre.id(), null,
                AppointmentType.IN_PERSON, at(DAY, 9, 0), at(DAY, 10, 0), caseNumber, "Client B.", false, null)));
        var cancelled = booked(appointments.book(new BookingRequest(expert.id(), centre.id(), null,
                AppointmentType.IN_PERSON, at(DAY, 10, 0), at(DAY, 11, 0), null, "Client C.", true, "+7 701 555 00 22")));
        appointments.cancel(cancelled.id(), "client called to cancel");
        var nextDay = booked(appointments.book(new BookingRequest(expert.id(), centre.id(), null,
                AppointmentType.IN_PERSON, at(DAY.plusDays(1), 8, 0), at(DAY.plusDays(1), 9, 0), null, "Client D.", true,
                "+7 701 555 00 33")));

        assertThat(appointments.ofCase(caseNumber)).extracting(Appointment::id).containsExactly(a.id(), noConsent.id());
        var toRemind = appointments.toRemind(at(DAY, 0, 0), at(DAY.plusDays(1), 0, 0));
        assertThat(toRemind).extracting(Appointment::id).contains(a.id())
                .doesNotContain(noConsent.id(), cancelled.id(), nextDay.id());
        assertThat(toRemind).filteredOn(r -> r.id() == a.id()).singleElement()
                .satisfies(r -> assertThat(r.clientContact()).isEqualTo("+7 701 555 00 11"));
        assertThat(appointments.day(centre.id(), DAY)).extracting(Appointment::id)
                .containsExactly(a.id(), noConsent.id(), cancelled.id());
    }

    @Test
    void a_case_number_no_case_has_is_refused_next_to_the_case_number_and_by_the_database_itself() {
        var centre = centre("221");
        var expert = expert(ExpertKind.PSYCHOLOGIST);
        var request = BookingRequest.of(expert.id(), centre.id(), at(DAY, 15, 0), at(DAY, 16, 0),
                AppointmentType.IN_PERSON, "114-2030-99999");

        assertThat(appointments.validate(request)).extracting(BookingResult.FieldError::field, BookingResult.FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("caseNumber", "caseNumber.unknown"));
        assertThat(appointments.book(request)).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.errors())
                .extracting(BookingResult.FieldError::code).containsExactly("caseNumber.unknown"));
        // the foreign key (V25) holds whatever the service checks
        assertThatThrownBy(() -> jdbc.update("""
                insert into appointment (expert_id, centre_id, type, starts_at, ends_at, case_number, created_by)
                values (?, ?, 'MOBILE_RECEPTION', now(), now() + interval '1 hour', '114-2030-99999', 'it')""",
                expert.id(), centre.id())).hasMessageContaining("appointment_case_fk");
        assertThat(jdbc.queryForObject("select convalidated from pg_constraint where conname = 'appointment_case_fk'",
                Boolean.class)).isTrue();
        assertThat(appointments.day(centre.id(), DAY)).isEmpty();
    }

    @Test
    void a_reporter_cannot_book_and_sees_experts_without_their_contacts() {
        var centre = centre("221");
        var expert = expert(ExpertKind.PSYCHOLOGIST);
        signIn("REPORTER");

        assertThatThrownBy(() -> appointments.book(request(expert, centre, at(DAY, 7, 0), at(DAY, 8, 0),
                AppointmentType.IN_PERSON))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> appointments.between(at(DAY, 0, 0), at(DAY, 23, 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(pool.expert(expert.id()).orElseThrow().contact()).isNull();
        signIn("OPERATOR");
        assertThat(pool.expert(expert.id()).orElseThrow().contact()).isEqualTo("+7 701 000 00 00");
    }

    @Test
    void the_taldykorgan_centre_and_the_seed_experts_are_there_from_the_start() {
        var taldykorgan = pool.centres().stream().filter(c -> c.city().equals("Талдықорған") && c.openedOn() != null
                && c.openedOn().equals(LocalDate.of(2019, 7, 2)) && c.name().contains("психологиялық")).findFirst();
        assertThat(taldykorgan).isPresent();
        assertThat(taldykorgan.get().rooms()).extracting(Room::name).contains("221");
        assertThat(pool.experts()).extracting(Expert::fullName)
                .contains("Шакимова Лола Сергеевна", "Оразбаев Ардақ Нүсіпханұлы", "Жетпісбай Назерке Жетпісбайқызы");
        assertThat(jdbc.queryForObject("select extversion from pg_extension where extname = 'btree_gist'", String.class))
                .isNotBlank();
        assertThat(List.of(events.between(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 10, 31)).size())).containsExactly(3);
    }
}
