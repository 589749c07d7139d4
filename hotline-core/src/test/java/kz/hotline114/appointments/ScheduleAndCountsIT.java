package kz.hotline114.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.SocialStatus;

/** The schedule expanded into slots across a month, and the counts the report takes from the centre. */
class ScheduleAndCountsIT extends CentreIT {

    @Test
    void a_month_of_weekly_hours_and_a_mobile_reception_skips_the_holiday_and_shows_the_booked_slot() {
        var centre = centre("221");
        var psychologist = expert(ExpertKind.PSYCHOLOGIST);
        var scholar = expert(ExpertKind.RELIGIOUS_SCHOLAR);
        var dec1 = LocalDate.of(2026, 12, 1);
        // Tuesdays 10:00–13:00 in 60-minute slots, Wednesdays 14:00–17:00 in 90-minute slots
        schedule.addWeeklyHours(new WeeklyHours(0, psychologist.id(), centre.id(), DayOfWeek.TUESDAY, LocalTime.of(10, 0),
                Duration.ofHours(3), Duration.ofMinutes(60), LocalDate.of(2026, 1, 1), null));
        schedule.addWeeklyHours(new WeeklyHours(0, scholar.id(), centre.id(), DayOfWeek.WEDNESDAY, LocalTime.of(14, 0),
                Duration.ofHours(3), Duration.ofMinutes(90), LocalDate.of(2026, 1, 1), null));
        // Independence Day, Wednesday 16 December: the centre is closed
        schedule.close(new Closure(0, LocalDate.of(2026, 12, 16), centre.id(), null, "Тәуелсіздік күні"));
        // a mobile reception in a college: both experts, 4 slots of 30 minutes each
        schedule.addReceptionDay(new ReceptionDay(0, centre.id(), AppointmentType.MOBILE_RECEPTION,
                LocalDate.of(2026, 12, 10), LocalTime.of(11, 0), Duration.ofHours(2), Duration.ofMinutes(30),
                "Талдықорған жоғары политехникалық колледжі", "Талдықорған", List.of(psychologist.id(), scholar.id()), null));
        var held = booked(appointments.book(request(psychologist, centre, at(LocalDate.of(2026, 12, 8), 10, 0),
                at(LocalDate.of(2026, 12, 8), 11, 0), AppointmentType.IN_PERSON)));

        var mobileDay = schedule.receptionDays(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10)).stream()
                .filter(d -> d.centreId() == centre.id()).findFirst().orElseThrow();
        var atCollege = booked(appointments.book(request(scholar, centre, at(LocalDate.of(2026, 12, 10), 11, 30),
                at(LocalDate.of(2026, 12, 10), 12, 0), AppointmentType.MOBILE_RECEPTION)));
        assertThat(atCollege.receptionDayId()).isEqualTo(mobileDay.id());
        assertThat(atCollege.roomId()).isNull();
        appointments.cancel(atCollege.id(), "the college moved the reception");

        var slots = schedule.slots(dec1, LocalDate.of(2026, 12, 31), centre.id(), null);

        // 5 Tuesdays × 3 + (5 − 1 holiday) Wednesdays × 2 + 2 experts × 4 mobile
        assertThat(slots).hasSize(15 + 8 + 8);
        assertThat(slots).noneMatch(s -> s.start().atZone(props.zone()).toLocalDate().equals(LocalDate.of(2026, 12, 16)));
        assertThat(slots).filteredOn(s -> s.type() == AppointmentType.MOBILE_RECEPTION).hasSize(8)
                .allSatisfy(s -> assertThat(s.place()).contains("колледжі"));
        assertThat(slots).filteredOn(s -> !s.free()).singleElement()
                .satisfies(s -> {
                    assertThat(s.appointmentId()).isEqualTo(held.id());
                    assertThat(s.start()).isEqualTo(at(LocalDate.of(2026, 12, 8), 10, 0));
                });
        assertThat(slots.getFirst().start()).isEqualTo(at(dec1, 10, 0));
        assertThat(slots.getFirst().end()).isEqualTo(at(dec1, 11, 0));
        assertThat(schedule.slots(dec1, LocalDate.of(2026, 12, 31), centre.id(), scholar.id()))
                .hasSize(8 + 4).allMatch(s -> s.expertId() == scholar.id());
    }

    @Test
    void a_closure_for_one_expert_leaves_the_others_receiving() {
        var centre = centre("221");
        var a = expert(ExpertKind.PSYCHOLOGIST);
        var b = expert(ExpertKind.THEOLOGIAN);
        var day = LocalDate.of(2027, 2, 2);
        for (var e : List.of(a, b)) {
            schedule.addWeeklyHours(new WeeklyHours(0, e.id(), centre.id(), DayOfWeek.TUESDAY, LocalTime.of(9, 0),
                    Duration.ofHours(1), Duration.ofHours(1), day, day));
        }
        schedule.close(new Closure(0, day, null, a.id(), "illness"));

        assertThat(schedule.slots(day, day, centre.id(), null)).extracting(Slot::expertId).containsExactly(b.id());
        assertThatThrownBy(() -> schedule.close(new Closure(0, day, centre.id(), null, " ")))
                .isInstanceOfSatisfying(InvalidSchedule.class, e -> assertThat(e.errors())
                        .containsExactlyEntriesOf(Map.of("reason", "reason.required")));
    }

    @Test
    void a_refused_schedule_change_names_its_fields_with_codes_the_screens_translate() {
        var centre = centre("221");
        var e = expert(ExpertKind.PSYCHOLOGIST);
        var day = LocalDate.of(2027, 3, 2);
        assertThatThrownBy(() -> schedule.addWeeklyHours(new WeeklyHours(0, e.id(), centre.id(), DayOfWeek.TUESDAY,
                LocalTime.of(9, 0), Duration.ofMinutes(30), Duration.ofMinutes(60), day, null)))
                .isInstanceOfSatisfying(InvalidSchedule.class, x -> assertThat(x.errors())
                        .containsExactlyEntriesOf(Map.of("slotLength", "slotLength.range")));
        assertThatThrownBy(() -> schedule.addReceptionDay(new ReceptionDay(0, centre.id(), AppointmentType.MOBILE_RECEPTION,
                day, LocalTime.of(9, 0), Duration.ofHours(2), Duration.ofMinutes(30), " ", null, List.of(), null)))
                .isInstanceOfSatisfying(InvalidSchedule.class, x -> assertThat(x.errors())
                        .containsOnlyKeys("experts", "placeName").containsEntry("placeName", "placeName.required"));

        var reception = schedule.addReceptionDay(new ReceptionDay(0, centre.id(), AppointmentType.PUBLIC_RECEPTION, day,
                LocalTime.of(9, 0), Duration.ofHours(2), Duration.ofMinutes(60), null, null, List.of(e.id()), null));
        booked(appointments.book(request(e, centre, at(day, 9, 0), at(day, 10, 0), AppointmentType.PUBLIC_RECEPTION)));
        assertThatThrownBy(() -> schedule.removeReceptionDay(reception.id()))
                .isInstanceOfSatisfying(InvalidSchedule.class, x -> assertThat(x.errors())
                        .containsExactlyEntriesOf(Map.of("day", "day.hasAppointments")));
    }

    @Test
    void counts_give_appointments_by_type_status_and_kind_and_events_with_their_breakdowns() {
        var centre = centre("221");
        var psychologist = expert(ExpertKind.PSYCHOLOGIST);
        var imam = expert(ExpertKind.IMAM);
        var day = LocalDate.of(2031, 3, 4);
        var a1 = booked(appointments.book(BookingRequest.of(psychologist.id(), centre.id(), at(day, 9, 0), at(day, 10, 0),
                AppointmentType.IN_PERSON, openCase())));
        var a2 = booked(appointments.book(request(psychologist, centre, at(day, 10, 0), at(day, 11, 0), AppointmentType.IN_PERSON)));
        var a3 = booked(appointments.book(request(imam, centre, at(day, 9, 0), at(day, 10, 0), AppointmentType.MOBILE_RECEPTION)));
        var a4 = booked(appointments.book(request(imam, centre, at(day, 10, 0), at(day, 11, 0), AppointmentType.MOBILE_RECEPTION)));
        booked(appointments.book(request(imam, centre, at(day, 11, 0), at(day, 12, 0), AppointmentType.PUBLIC_RECEPTION)));
        appointments.markAttended(a1.id());
        appointments.markNoShow(a2.id());
        appointments.markAttended(a3.id());
        appointments.cancel(a4.id(), "college closed");
        events.register(new CentreEvent(0, centre.id(), "Семинар-тренинг", day, "Талдықорған", "Төлебаев 72", "221", 20,
                "орталық қызметкерлері", "Test expert", "толығымен орындалды", "фото", "1 міндет, 3 іс-шара",
                Map.of(Gender.MALE, 8, Gender.FEMALE, 12), Map.of(AgeBracket.AGE_17_22, 15, AgeBracket.AGE_33_45, 5),
                Map.of(SocialStatus.YOUTH, 15, SocialStatus.CIVIL_SERVANTS, 5)));
        events.register(new CentreEvent(0, centre.id(), "Дөңгелек үстел", day.plusDays(10), "Талдықорған", null, null, 23,
                null, null, null, null, null, Map.of(Gender.FEMALE, 10), Map.of(), Map.of()));
        events.register(new CentreEvent(0, centre.id(), "Outside the period", day.plusMonths(2), "Талдықорған", null, null,
                99, null, null, null, null, null, Map.of(), Map.of(), Map.of()));

        signIn("REPORTER");
        var counts = statistics.counts(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 31));

        assertThat(counts.appointments()).isEqualTo(5);
        assertThat(counts.byType()).containsEntry(AppointmentType.IN_PERSON, 2L)
                .containsEntry(AppointmentType.MOBILE_RECEPTION, 2L).containsEntry(AppointmentType.PUBLIC_RECEPTION, 1L);
        assertThat(counts.byStatus()).containsEntry(AppointmentStatus.ATTENDED, 2L)
                .containsEntry(AppointmentStatus.NO_SHOW, 1L).containsEntry(AppointmentStatus.CANCELLED, 1L)
                .containsEntry(AppointmentStatus.BOOKED, 1L);
        assertThat(counts.consultationsHeld()).isEqualTo(2);
        assertThat(counts.byTypeAndStatus().get(AppointmentType.IN_PERSON)).containsExactlyInAnyOrderEntriesOf(Map.of(
                AppointmentStatus.BOOKED, 0L, AppointmentStatus.ATTENDED, 1L, AppointmentStatus.NO_SHOW, 1L,
                AppointmentStatus.CANCELLED, 0L));
        assertThat(counts.byTypeAndStatus().get(AppointmentType.MOBILE_RECEPTION))
                .containsEntry(AppointmentStatus.ATTENDED, 1L).containsEntry(AppointmentStatus.CANCELLED, 1L);
        assertThat(counts.byTypeAndStatus().get(AppointmentType.PUBLIC_RECEPTION))
                .containsEntry(AppointmentStatus.BOOKED, 1L).containsEntry(AppointmentStatus.ATTENDED, 0L);
        assertThat(counts.heldOf(AppointmentType.MOBILE_RECEPTION)).isEqualTo(1);
        // a1 was booked for a case; a3 (mobile reception) was a walk-in
        assertThat(counts.walkInsHeld()).isEqualTo(1);
        assertThat(counts.consultationsByKind()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ExpertKind.PSYCHOLOGIST, 1L, ExpertKind.IMAM, 1L));
        assertThat(counts.events()).isEqualTo(2);
        assertThat(counts.participants()).isEqualTo(43);
        assertThat(counts.participantsByGender()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Gender.MALE, 8L, Gender.FEMALE, 22L));
        assertThat(counts.participantsByAge()).containsEntry(AgeBracket.AGE_17_22, 15L);
        assertThat(counts.participantsBySocialStatus()).containsEntry(SocialStatus.CIVIL_SERVANTS, 5L);
    }

    @Test
    void an_event_names_the_grant_project_activity_it_carries_out_by_key_and_the_project_must_exist() {
        var day = LocalDate.of(2031, 6, 6);
        var linked = events.register(new CentreEvent(0, null, "Колледжде кездесу", day, "Талдықорған", null, null, 30,
                null, null, null, null, null, Map.of(), Map.of(), Map.of(), 1L, "1.3"));
        assertThat(events.get(linked.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.grantProjectId()).isEqualTo(1L);
            assertThat(e.grantActivity()).isEqualTo("1.3");
        });
        var unlinked = events.update(new CentreEvent(linked.id(), null, "Колледжде кездесу", day, "Талдықорған", null, null,
                30, null, null, null, null, "1 міндет, 3 іс-шара", Map.of(), Map.of(), Map.of()));
        assertThat(unlinked.grantProjectId()).isNull();
        assertThat(unlinked.activityLabel()).isEqualTo("1 міндет, 3 іс-шара");

        assertThatThrownBy(() -> events.register(new CentreEvent(0, null, "X", day, "Талдықорған", null, null, 1, null,
                null, null, null, null, Map.of(), Map.of(), Map.of(), 1L, "1.x")))
                .isInstanceOfSatisfying(InvalidEvent.class, e -> assertThat(e.errors())
                        .containsExactlyEntriesOf(Map.of("grantActivity", "grantActivity.format")));
        assertThatThrownBy(() -> events.register(new CentreEvent(0, null, "X", day, "Талдықорған", null, null, 1, null,
                null, null, null, null, Map.of(), Map.of(), Map.of(), null, "1.3")))
                .isInstanceOfSatisfying(InvalidEvent.class, e -> assertThat(e.errors())
                        .containsExactlyEntriesOf(Map.of("grantProjectId", "grantProjectId.required")));
        assertThatThrownBy(() -> events.register(new CentreEvent(0, null, "X", day, "Талдықорған", null, null, 1, null,
                null, null, null, null, Map.of(), Map.of(), Map.of(), 999_999L, "1.3")))
                .isInstanceOfSatisfying(InvalidEvent.class, e -> assertThat(e.errors())
                        .containsExactlyEntriesOf(Map.of("grantProjectId", "grantProjectId.unknown")));
    }

    @Test
    void an_event_whose_breakdown_counts_more_people_than_took_part_is_refused() {
        assertThatThrownBy(() -> events.register(new CentreEvent(0, null, "Форум", LocalDate.of(2031, 5, 5), "Талдықорған",
                null, null, 10, null, null, null, null, null, Map.of(Gender.MALE, 6, Gender.FEMALE, 6), Map.of(), Map.of())))
                .isInstanceOfSatisfying(InvalidEvent.class, e -> assertThat(e.errors())
                        .containsExactlyEntriesOf(Map.of("participants", "participants.breakdown")));
    }
}
