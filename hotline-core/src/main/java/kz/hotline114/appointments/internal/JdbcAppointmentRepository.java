package kz.hotline114.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.ExpertKind;

@Repository
class JdbcAppointmentRepository {

    private static final String SELECT = """
            select a.*, e.full_name as expert_name, e.kind as expert_kind, r.name as room_name
              from appointment a join expert e on e.id = a.expert_id left join centre_room r on r.id = a.room_id
            """;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate tx;

    /** Advisory lock namespaces (the first key of {@code pg_advisory_xact_lock(int, int)}). */
    private static final int EXPERT_LOCK = 11401;
    private static final int ROOM_LOCK = 11402;

    JdbcAppointmentRepository(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * One insert in a transaction of its own: the exclusion constraints decide, even against concurrent bookings.
     * Bookings of the same expert or the same room first queue up on advisory locks (the expert's, then the room's:
     * always in that order), so two of them never check the constraints against each other's uncommitted rows and
     * cannot deadlock: eight bookers racing for one room used to deadlock one another again and again.
     */
    long insert(long expertId, long centreId, @Nullable Long roomId, @Nullable Long receptionDayId, AppointmentType type,
                Instant start, Instant end, @Nullable String caseNumber, @Nullable String clientLabel,
                boolean callbackConsent, @Nullable String clientContact, String createdBy) {
        return tx.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)::text", String.class, EXPERT_LOCK, (int) expertId);
            if (roomId != null) {
                jdbc.queryForObject("select pg_advisory_xact_lock(?, ?)::text", String.class, ROOM_LOCK,
                        (int) (long) roomId);
            }
            return insertRow(expertId, centreId, roomId, receptionDayId, type, start, end, caseNumber, clientLabel,
                    callbackConsent, clientContact, createdBy);
        });
    }

    private Long insertRow(long expertId, long centreId, @Nullable Long roomId, @Nullable Long receptionDayId,
                           AppointmentType type, Instant start, Instant end, @Nullable String caseNumber,
                           @Nullable String clientLabel, boolean callbackConsent, @Nullable String clientContact,
                           String createdBy) {
        return jdbc.queryForObject("""
                insert into appointment (expert_id, centre_id, room_id, reception_day_id, type, starts_at, ends_at,
                                         case_number, client_label, callback_consent, client_contact, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, expertId, centreId, roomId, receptionDayId, type.name(), Timestamp.from(start),
                Timestamp.from(end), caseNumber, clientLabel, callbackConsent, clientContact, createdBy);
    }

    /**
     * The public or mobile reception day (of this centre, with this expert) whose hours cover the period, so a
     * consultation booked there is counted as part of it; empty for a consultation outside any reception day.
     */
    Optional<Long> receptionDayCovering(long expertId, long centreId, AppointmentType type, Instant start, Instant end,
                                        String zone) {
        return jdbc.queryForList("""
                select d.id from reception_day d join reception_day_expert x on x.reception_day_id = d.id
                 where x.expert_id = ? and d.centre_id = ? and d.kind = ?
                   and (d.day + d.starts) at time zone ? <= ?
                   and (d.day + d.starts + make_interval(mins => d.length_minutes)) at time zone ? >= ?
                 order by d.id limit 1
                """, Long.class, expertId, centreId, type.name(), zone, Timestamp.from(start), zone,
                Timestamp.from(end)).stream().findFirst();
    }

    /** Moves a BOOKED appointment to {@code to}; false when it is not (or no longer) BOOKED. */
    boolean transition(long id, AppointmentStatus to, @Nullable String reason, Instant at) {
        return jdbc.update("update appointment set status = ?, cancel_reason = ?, updated_at = ?"
                + " where id = ? and status = 'BOOKED'", to.name(), reason, Timestamp.from(at), id) == 1;
    }

    /** Back to BOOKED from an outcome marked at or after {@code since}; false when there is none so recent. */
    boolean revertOutcome(long id, Instant since, Instant at) {
        return jdbc.update("update appointment set status = 'BOOKED', updated_at = ? where id = ?"
                + " and status in ('ATTENDED', 'NO_SHOW') and updated_at >= ?", Timestamp.from(at), id,
                Timestamp.from(since)) == 1;
    }

    Optional<Appointment> find(long id) {
        return jdbc.query(SELECT + " where a.id = ?", JdbcAppointmentRepository::map, id).stream().findFirst();
    }

    List<Appointment> startingBetween(Instant from, Instant to, @Nullable Long centreId) {
        if (centreId == null) {
            return jdbc.query(SELECT + " where a.starts_at >= ? and a.starts_at < ? order by a.starts_at, a.id",
                    JdbcAppointmentRepository::map, Timestamp.from(from), Timestamp.from(to));
        }
        return jdbc.query(SELECT + " where a.starts_at >= ? and a.starts_at < ? and a.centre_id = ?"
                        + " order by a.starts_at, a.id", JdbcAppointmentRepository::map, Timestamp.from(from),
                Timestamp.from(to), centreId);
    }

    /** Live (not cancelled) appointments overlapping {@code [from, to)}. */
    List<Appointment> liveOverlapping(Instant from, Instant to) {
        return jdbc.query(SELECT + " where a.status <> 'CANCELLED' and a.starts_at < ? and a.ends_at > ?"
                + " order by a.starts_at", JdbcAppointmentRepository::map, Timestamp.from(to), Timestamp.from(from));
    }

    List<Appointment> toRemind(Instant from, Instant to) {
        return jdbc.query(SELECT + " where a.status = 'BOOKED' and a.callback_consent and a.starts_at >= ?"
                        + " and a.starts_at < ? order by a.starts_at", JdbcAppointmentRepository::map,
                Timestamp.from(from), Timestamp.from(to));
    }

    List<Appointment> ofCase(String caseNumber) {
        return jdbc.query(SELECT + " where a.case_number = ? order by a.starts_at", JdbcAppointmentRepository::map,
                caseNumber);
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getLong("id"), rs.getLong("expert_id"), rs.getString("expert_name"),
                ExpertKind.valueOf(rs.getString("expert_kind")), rs.getLong("centre_id"),
                rs.getObject("room_id", Long.class), rs.getString("room_name"),
                rs.getObject("reception_day_id", Long.class), AppointmentType.valueOf(rs.getString("type")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                AppointmentStatus.valueOf(rs.getString("status")), rs.getString("case_number"),
                rs.getString("client_label"), rs.getBoolean("callback_consent"), rs.getString("client_contact"),
                rs.getString("cancel_reason"));
    }
}
