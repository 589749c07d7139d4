package kz.hotline114.appointments.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Closure;
import kz.hotline114.appointments.ReceptionDay;
import kz.hotline114.appointments.Slot;
import kz.hotline114.appointments.WeeklyHours;

/**
 * Turns the schedule into slots, day by day in the hotline zone: weekly hours on their weekday within their
 * validity, reception days on their date, minus closed days; a slot is held by a live appointment of the same
 * expert that overlaps it. Pure: no database, so the rules can be read (and tested) in one place.
 */
final class ScheduleExpander {

    private final ZoneId zone;

    ScheduleExpander(ZoneId zone) {
        this.zone = zone;
    }

    List<Slot> expand(LocalDate from, LocalDate to, List<WeeklyHours> weekly, List<ReceptionDay> days,
                      List<Closure> closures, List<Appointment> live, @Nullable Long centreId, @Nullable Long expertId) {
        var slots = new ArrayList<Slot>();
        for (var date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (var h : weekly) {
                if (h.weekday() != date.getDayOfWeek() || date.isBefore(h.validFrom())
                        || (h.validTo() != null && date.isAfter(h.validTo()))
                        || !wanted(h.centreId(), h.expertId(), centreId, expertId)
                        || closed(date, h.centreId(), h.expertId(), closures)) {
                    continue;
                }
                cut(slots, date, h.starts(), h.length(), h.slotLength(), h.expertId(), h.centreId(),
                        AppointmentType.IN_PERSON, null, null, live);
            }
            for (var d : days) {
                if (!d.day().equals(date)) {
                    continue;
                }
                for (var expert : d.expertIds()) {
                    if (!wanted(d.centreId(), expert, centreId, expertId) || closed(date, d.centreId(), expert, closures)) {
                        continue;
                    }
                    cut(slots, date, d.starts(), d.length(), d.slotLength(), expert, d.centreId(), d.kind(), d.id(),
                            d.placeName(), live);
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::expertId));
        return slots;
    }

    private void cut(List<Slot> out, LocalDate date, LocalTime starts, Duration length,
                     Duration slotLength, long expertId, long centreId, AppointmentType type,
                     @Nullable Long dayId, @Nullable String place, List<Appointment> live) {
        var begin = LocalDateTime.of(date, starts);
        var finish = begin.plus(length);
        for (var s = begin; !s.plus(slotLength).isAfter(finish); s = s.plus(slotLength)) {
            var start = s.atZone(zone).toInstant();
            var end = s.plus(slotLength).atZone(zone).toInstant();
            Long holder = live.stream().filter(a -> a.expertId() == expertId && a.start().isBefore(end)
                    && a.end().isAfter(start)).map(Appointment::id).findFirst().orElse(null);
            out.add(new Slot(expertId, centreId, type, start, end, dayId, place, holder));
        }
    }

    private static boolean wanted(long centre, long expert, @Nullable Long centreId, @Nullable Long expertId) {
        return (centreId == null || centreId == centre) && (expertId == null || expertId == expert);
    }

    static boolean closed(LocalDate date, long centre, long expert, List<Closure> closures) {
        return closures.stream().anyMatch(c -> c.day().equals(date)
                && (c.centreId() == null || c.centreId() == centre)
                && (c.expertId() == null || c.expertId() == expert));
    }
}
