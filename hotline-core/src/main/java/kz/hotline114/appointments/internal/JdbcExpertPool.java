package kz.hotline114.appointments.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertKind;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.appointments.NewExpert;
import kz.hotline114.appointments.Room;
import kz.hotline114.security.AuditLog;
import kz.hotline114.shared.Region;

@Service
class JdbcExpertPool implements ExpertPool {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    JdbcExpertPool(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<Centre> centres() {
        var rooms = jdbc.query("select id, centre_id, name from centre_room order by name, id",
                (rs, i) -> new Room(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        return jdbc.query("select id, name, address, city, region, opened_on from centre order by id", (rs, i) -> {
            long id = rs.getLong("id");
            return new Centre(id, rs.getString("name"), rs.getString("address"), rs.getString("city"),
                    Region.valueOf(rs.getString("region")), rs.getObject("opened_on", LocalDate.class),
                    rooms.stream().filter(r -> r.centreId() == id).toList());
        });
    }

    @Override
    public Optional<Centre> centre(long id) {
        return centres().stream().filter(c -> c.id() == id).findFirst();
    }

    @Override
    public List<Expert> experts() {
        boolean staff = CentreAccess.staff();
        return jdbc.query("select * from expert order by active desc, full_name, id",
                (rs, i) -> staff ? expert(rs) : expert(rs).withoutContact());
    }

    @Override
    public Optional<Expert> expert(long id) {
        boolean staff = CentreAccess.staff();
        return jdbc.query("select * from expert where id = ?", (rs, i) -> staff ? expert(rs) : expert(rs).withoutContact(),
                id).stream().findFirst();
    }

    @Override
    public Centre addCentre(String name, String address, String city, Region region, @Nullable LocalDate openedOn) {
        CentreAccess.requireAdmin("adding a centre");
        var id = jdbc.queryForObject("insert into centre (name, address, city, region, opened_on) values (?, ?, ?, ?, ?)"
                + " returning id", Long.class, name, address, city, region.name(), openedOn);
        audit.record("CENTRE_ADDED", "centre/" + id, name);
        return centre(id).orElseThrow();
    }

    @Override
    public Room addRoom(long centreId, String name) {
        CentreAccess.requireAdmin("adding a room");
        var id = jdbc.queryForObject("insert into centre_room (centre_id, name) values (?, ?) returning id", Long.class,
                centreId, name);
        return new Room(id, centreId, name);
    }

    @Override
    public Expert addExpert(NewExpert e) {
        CentreAccess.requireAdmin("adding an expert");
        if (e.fullName().isBlank() || e.title().isBlank()) {
            throw new IllegalArgumentException("an expert needs a name and a role/title");
        }
        var id = jdbc.queryForObject("insert into expert (full_name, kind, title, organisation, languages, contact,"
                        + " hotline_staff) values (?, ?, ?, ?, ?::text[], ?, ?) returning id", Long.class,
                e.fullName().strip(), e.kind().name(), e.title().strip(), blank(e.organisation()),
                "{" + String.join(",", e.languages()) + "}", blank(e.contact()), e.hotlineStaff());
        audit.record("EXPERT_ADDED", "expert/" + id, e.fullName());
        return expert(id).orElseThrow();
    }

    static Expert expert(ResultSet rs) throws SQLException {
        Array langs = rs.getArray("languages");
        return new Expert(rs.getLong("id"), rs.getString("full_name"), ExpertKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("organisation"),
                langs == null ? List.of() : Arrays.asList((String[]) langs.getArray()), rs.getString("contact"),
                rs.getBoolean("hotline_staff"), rs.getBoolean("active"));
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
