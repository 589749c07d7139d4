package kz.hotline114.appointments.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.appointments.AppointmentStatistics;
import kz.hotline114.appointments.AppointmentStatus;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.CentreCounts;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.shared.AgeBracket;
import kz.hotline114.shared.Gender;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.shared.SocialStatus;

/** Counts in SQL (group by), so the figures stay quick however many appointments the centre keeps. */
@Service
class JdbcAppointmentStatistics implements AppointmentStatistics {

    private final JdbcTemplate jdbc;
    private final HotlineProperties props;

    JdbcAppointmentStatistics(JdbcTemplate jdbc, HotlineProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    @Override
    public CentreCounts counts(LocalDate from, LocalDate to) {
        CentreAccess.requireStaffOrReporter("the centre's figures");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period's end is before its start");
        }
        var start = Timestamp.from(from.atStartOfDay(props.zone()).toInstant());
        var end = Timestamp.from(to.plusDays(1).atStartOfDay(props.zone()).toInstant());
        var byType = new EnumMap<AppointmentType, Long>(AppointmentType.class);
        var byStatus = new EnumMap<AppointmentStatus, Long>(AppointmentStatus.class);
        var byKind = new EnumMap<ExpertKind, Long>(ExpertKind.class);
        for (var t : AppointmentType.values()) {
            byType.put(t, 0L);
        }
        for (var s : AppointmentStatus.values()) {
            byStatus.put(s, 0L);
        }
        var byTypeAndStatus = new EnumMap<AppointmentType, EnumMap<AppointmentStatus, Long>>(AppointmentType.class);
        for (var t : AppointmentType.values()) {
            var statuses = new EnumMap<AppointmentStatus, Long>(AppointmentStatus.class);
            for (var s : AppointmentStatus.values()) {
                statuses.put(s, 0L);
            }
            byTypeAndStatus.put(t, statuses);
        }
        long[] walkInsHeld = new long[1];
        jdbc.query("""
                select a.type, a.status, e.kind, a.case_number is null, count(*)
                  from appointment a join expert e on e.id = a.expert_id
                 where a.starts_at >= ? and a.starts_at < ? group by 1, 2, 3, 4
                """, rs -> {
            long n = rs.getLong(5);
            var type = AppointmentType.valueOf(rs.getString(1));
            byType.merge(type, n, Long::sum);
            var status = AppointmentStatus.valueOf(rs.getString(2));
            byStatus.merge(status, n, Long::sum);
            byTypeAndStatus.get(type).merge(status, n, Long::sum);
            if (status == AppointmentStatus.ATTENDED) {
                byKind.merge(ExpertKind.valueOf(rs.getString(3)), n, Long::sum);
                if (rs.getBoolean(4)) {
                    walkInsHeld[0] += n;
                }
            }
        }, start, end);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();

        long[] events = new long[2];
        jdbc.query("select count(*), coalesce(sum(participants), 0) from centre_event where held_on between ? and ?",
                rs -> {
                    events[0] = rs.getLong(1);
                    events[1] = rs.getLong(2);
                }, from, to);
        var gender = new EnumMap<Gender, Long>(Gender.class);
        var age = new EnumMap<AgeBracket, Long>(AgeBracket.class);
        var social = new EnumMap<SocialStatus, Long>(SocialStatus.class);
        jdbc.query("""
                select p.dimension, p.bucket, sum(p.count) from centre_event_participants p
                  join centre_event e on e.id = p.event_id where e.held_on between ? and ? group by 1, 2
                """, rs -> {
            var bucket = rs.getString(2);
            long n = rs.getLong(3);
            switch (rs.getString(1)) {
                case "GENDER" -> gender.put(Gender.valueOf(bucket), n);
                case "AGE" -> age.put(AgeBracket.valueOf(bucket), n);
                default -> social.put(SocialStatus.valueOf(bucket), n);
            }
        }, from, to);
        return new CentreCounts(from, to, total, copy(byType), copy(byStatus), copy(byKind),
                byStatus.get(AppointmentStatus.ATTENDED), events[0], events[1], copy(gender), copy(age), copy(social),
                nested(byTypeAndStatus), walkInsHeld[0]);
    }

    private static Map<AppointmentType, Map<AppointmentStatus, Long>> nested(
            EnumMap<AppointmentType, EnumMap<AppointmentStatus, Long>> m) {
        var out = new EnumMap<AppointmentType, Map<AppointmentStatus, Long>>(AppointmentType.class);
        m.forEach((type, statuses) -> out.put(type, copy(statuses)));
        return Collections.unmodifiableMap(out);
    }

    private static <K extends Enum<K>> Map<K, Long> copy(EnumMap<K, Long> m) {
        return Collections.unmodifiableMap(m);
    }
}
