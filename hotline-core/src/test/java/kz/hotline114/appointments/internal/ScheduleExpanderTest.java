package kz.hotline114.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Closure;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ReceptionDay;
import kz.hotline114.appointments.Slot;
import kz.hotline114.appointments.WeeklyHours;

/** The schedule rules without a database. */
class ScheduleExpanderTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    final ScheduleExpander expander = new ScheduleExpander(ALMATY);
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    static WeeklyHours hours(DayOfWeek day, int minutes, int slot, LocalDate from, LocalDate to) {
        return new WeeklyHours(1, 7, 3, day, LocalTime.of(10, 0), Duration.ofMinutes(minutes), Duration.ofMinutes(slot),
                from, to);
    }

    @Test
    void reception_hours_are_cut_into_whole_slots_in_the_hotline_zone() {
        var slots = expander.expand(MONDAY, MONDAY.plusDays(6), List.of(hours(DayOfWeek.TUESDAY, 100, 30, MONDAY, null)),
                List.of(), List.of(), List.of(), null, null);

        // 100 minutes hold three 30-minute slots; the last 10 minutes are no slot
        assertThat(slots).extracting(Slot::start).containsExactly(Instant.parse("2026-11-24T05:00:00Z"),
                Instant.parse("2026-11-24T05:30:00Z"), Instant.parse("2026-11-24T06:00:00Z"));
        assertThat(slots).allMatch(s -> s.type() == AppointmentType.IN_PERSON && s.free());
    }

    @Test
    void hours_outside_their_validity_give_no_slots() {
        var slots = expander.expand(MONDAY, MONDAY.plusDays(13),
                List.of(hours(DayOfWeek.TUESDAY, 60, 60, MONDAY.plusDays(7), MONDAY.plusDays(9))), List.of(), List.of(),
                List.of(), null, null);

        assertThat(slots).singleElement().extracting(Slot::start).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void a_holiday_everywhere_closes_reception_days_too_and_an_overlapping_appointment_holds_its_slots() {
        var day = new ReceptionDay(9, 3, AppointmentType.PUBLIC_RECEPTION, MONDAY, LocalTime.of(9, 0), Duration.ofHours(2),
                Duration.ofHours(1), null, null, List.of(7L, 8L), null);
        var holiday = new Closure(1, MONDAY.plusDays(7), null, null, "holiday");
        var nextWeek = new ReceptionDay(10, 3, AppointmentType.PUBLIC_RECEPTION, MONDAY.plusDays(7), LocalTime.of(9, 0),
                Duration.ofHours(2), Duration.ofHours(1), null, null, List.of(7L), null);
        var appointment = new Appointment(55, 7, "x", ExpertKind.PSYCHOLOGIST, 3, null, null, 9L,
                AppointmentType.PUBLIC_RECEPTION, Instant.parse("2026-11-23T04:30:00Z"),
                Instant.parse("2026-11-23T05:30:00Z"), AppointmentStatus.BOOKED, null, null, false, null, null);

        var slots = expander.expand(MONDAY, MONDAY.plusDays(7), List.of(), List.of(day, nextWeek), List.of(holiday),
                List.of(appointment), 3L, null);

        assertThat(slots).hasSize(4).allMatch(s -> s.receptionDayId() == 9L);
        // 09:30–10:30 local overlaps both of expert 7's slots, none of expert 8's
        assertThat(slots).filteredOn(s -> !s.free()).hasSize(2).allMatch(s -> s.expertId() == 7 && s.appointmentId() == 55);
    }

    @Test
    void only_a_booked_appointment_changes_status_and_only_once() {
        assertThat(AppointmentStatus.BOOKED.canBecome(AppointmentStatus.ATTENDED)).isTrue();
        assertThat(AppointmentStatus.BOOKED.canBecome(AppointmentStatus.NO_SHOW)).isTrue();
        assertThat(AppointmentStatus.BOOKED.canBecome(AppointmentStatus.CANCELLED)).isTrue();
        assertThat(AppointmentStatus.BOOKED.canBecome(AppointmentStatus.BOOKED)).isFalse();
        for (var done : List.of(AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW, AppointmentStatus.CANCELLED)) {
            for (var next : AppointmentStatus.values()) {
                assertThat(done.canBecome(next)).as(done + "→" + next).isFalse();
            }
        }
    }
}
