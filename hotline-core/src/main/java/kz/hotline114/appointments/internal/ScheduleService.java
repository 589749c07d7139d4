package kz.hotline114.appointments.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Closure;
import kz.hotline114.appointments.InvalidSchedule;
import kz.hotline114.appointments.ReceptionDay;
import kz.hotline114.appointments.ReceptionSchedule;
import kz.hotline114.appointments.Slot;
import kz.hotline114.appointments.WeeklyHours;
import kz.hotline114.security.AuditLog;
import kz.hotline114.shared.HotlineProperties;

@Service
class ScheduleService implements ReceptionSchedule {

    private final JdbcTemplate jdbc;
    private final JdbcAppointmentRepository appointments;
    private final AuditLog audit;
    private final HotlineProperties props;

    ScheduleService(JdbcTemplate jdbc, JdbcAppointmentRepository appointments, AuditLog audit, HotlineProperties props) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.audit = audit;
        this.props = props;
    }

    @Override
    public WeeklyHours addWeeklyHours(WeeklyHours h) {
        CentreAccess.requireStaff("changing the schedule");
        checkLengths(h.length(), h.slotLength());
        var id = jdbc.queryForObject("""
                insert into reception_hours (expert_id, centre_id, weekday, starts, length_minutes, slot_minutes,
                                             valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, h.expertId(), h.centreId(), h.weekday().getValue(), h.starts(), minutes(h.length()),
                minutes(h.slotLength()), h.validFrom(), h.validTo());
        audit.record("SCHEDULE_HOURS_ADDED", "reception_hours/" + id, h.toString());
        return new WeeklyHours(id, h.expertId(), h.centreId(), h.weekday(), h.starts(), h.length(), h.slotLength(),
                h.validFrom(), h.validTo());
    }

    @Override
    public void removeWeeklyHours(long id) {
        CentreAccess.requireStaff("changing the schedule");
        jdbc.update("delete from reception_hours where id = ?", id);
        audit.record("SCHEDULE_HOURS_REMOVED", "reception_hours/" + id, null);
    }

    @Override
    @Transactional
    public ReceptionDay addReceptionDay(ReceptionDay d) {
        CentreAccess.requireStaff("changing the schedule");
        checkLengths(d.length(), d.slotLength());
        var errors = new LinkedHashMap<String, String>();
        if (d.expertIds().isEmpty()) {
            errors.put("experts", "experts.required");         // a reception day needs at least one expert
        }
        if (d.kind() == AppointmentType.MOBILE_RECEPTION && (d.placeName() == null || d.placeName().isBlank())) {
            errors.put("placeName", "placeName.required");     // a mobile reception needs the college's name
        }
        if (!errors.isEmpty()) {
            throw new InvalidSchedule(errors);
        }
        var id = jdbc.queryForObject("""
                insert into reception_day (centre_id, kind, day, starts, length_minutes, slot_minutes, place_name,
                                           place_address, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, d.centreId(), d.kind().name(), d.day(), d.starts(), minutes(d.length()),
                minutes(d.slotLength()), JdbcExpertPool.blank(d.placeName()), JdbcExpertPool.blank(d.placeAddress()),
                JdbcExpertPool.blank(d.note()));
        for (var expert : d.expertIds()) {
            jdbc.update("insert into reception_day_expert (reception_day_id, expert_id) values (?, ?)", id, expert);
        }
        audit.record("RECEPTION_DAY_ADDED", "reception_day/" + id, d.kind() + " " + d.day());
        return new ReceptionDay(id, d.centreId(), d.kind(), d.day(), d.starts(), d.length(), d.slotLength(),
                d.placeName(), d.placeAddress(), d.expertIds(), d.note());
    }

    @Override
    public void removeReceptionDay(long id) {
        CentreAccess.requireStaff("changing the schedule");
        int removed = jdbc.update("delete from reception_day where id = ? and not exists"
                + " (select 1 from appointment where reception_day_id = ? and status <> 'CANCELLED')", id, id);
        if (removed == 0) {
            throw InvalidSchedule.of("day", "day.hasAppointments");   // cancel its appointments first
        }
        audit.record("RECEPTION_DAY_REMOVED", "reception_day/" + id, null);
    }

    @Override
    public Closure close(Closure c) {
        CentreAccess.requireStaff("changing the schedule");
        if (c.reason() == null || c.reason().isBlank()) {
            throw InvalidSchedule.of("reason", "reason.required");   // holiday, illness, ...
        }
        var id = jdbc.queryForObject("insert into reception_closure (day, centre_id, expert_id, reason)"
                + " values (?, ?, ?, ?) returning id", Long.class, c.day(), c.centreId(), c.expertId(), c.reason().strip());
        audit.record("RECEPTION_CLOSED", "reception_closure/" + id, c.day() + " " + c.reason());
        return new Closure(id, c.day(), c.centreId(), c.expertId(), c.reason().strip());
    }

    @Override
    public void removeClosure(long id) {
        CentreAccess.requireStaff("changing the schedule");
        jdbc.update("delete from reception_closure where id = ?", id);
    }

    @Override
    public List<WeeklyHours> weeklyHours(@Nullable Long centreId) {
        return jdbc.query("select * from reception_hours where (?::bigint is null or centre_id = ?)"
                + " order by weekday, starts, id", ScheduleService::hours, centreId, centreId);
    }

    @Override
    public List<ReceptionDay> receptionDays(LocalDate from, LocalDate to) {
        return jdbc.query("""
                select d.*, array(select expert_id from reception_day_expert x where x.reception_day_id = d.id
                                  order by expert_id) as experts
                  from reception_day d where d.day between ? and ? order by d.day, d.starts, d.id
                """, ScheduleService::day, from, to);
    }

    @Override
    public List<Closure> closures(LocalDate from, LocalDate to) {
        return jdbc.query("select * from reception_closure where day between ? and ? order by day, id",
                (rs, i) -> new Closure(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                        rs.getObject("centre_id", Long.class), rs.getObject("expert_id", Long.class),
                        rs.getString("reason")), from, to);
    }

    @Override
    public List<Slot> slots(LocalDate from, LocalDate to, @Nullable Long centreId, @Nullable Long expertId) {
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw InvalidSchedule.of("to", "to.range");   // at most a year, from before to
        }
        var zone = props.zone();
        var live = appointments.liveOverlapping(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        return new ScheduleExpander(zone).expand(from, to, weeklyHours(centreId), receptionDays(from, to),
                closures(from, to), live, centreId, expertId);
    }

    private static void checkLengths(Duration length, Duration slot) {
        var errors = new LinkedHashMap<String, String>();
        if (length.isNegative() || length.isZero() || length.toMinutes() > 24 * 60) {
            errors.put("length", "length.range");           // between a minute and a day
        }
        if (slot.isNegative() || slot.isZero() || slot.compareTo(length) > 0) {
            errors.put("slotLength", "slotLength.range");   // at least a minute, at most the reception's length
        }
        if (!errors.isEmpty()) {
            throw new InvalidSchedule(errors);
        }
    }

    private static int minutes(Duration d) {
        return Math.toIntExact(d.toMinutes());
    }

    private static WeeklyHours hours(ResultSet rs, int i) throws SQLException {
        return new WeeklyHours(rs.getLong("id"), rs.getLong("expert_id"), rs.getLong("centre_id"),
                DayOfWeek.of(rs.getInt("weekday")), rs.getObject("starts", LocalTime.class),
                Duration.ofMinutes(rs.getInt("length_minutes")), Duration.ofMinutes(rs.getInt("slot_minutes")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }

    private static ReceptionDay day(ResultSet rs, int i) throws SQLException {
        Array experts = rs.getArray("experts");
        return new ReceptionDay(rs.getLong("id"), rs.getLong("centre_id"), AppointmentType.valueOf(rs.getString("kind")),
                rs.getObject("day", LocalDate.class), rs.getObject("starts", LocalTime.class),
                Duration.ofMinutes(rs.getInt("length_minutes")), Duration.ofMinutes(rs.getInt("slot_minutes")),
                rs.getString("place_name"), rs.getString("place_address"),
                Arrays.stream((Long[]) experts.getArray()).toList(), rs.getString("note"));
    }
}
