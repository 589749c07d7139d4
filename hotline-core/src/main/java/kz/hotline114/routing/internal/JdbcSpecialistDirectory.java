package kz.hotline114.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.IvrMenu;
import kz.hotline114.live.AgentCall;
import kz.hotline114.live.LiveModel;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.Pbxs;
import kz.hotline114.routing.Desk;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

@Service
class JdbcSpecialistDirectory implements SpecialistDirectory, Desk {

    private final JdbcTemplate jdbc;
    private final PbxCommands pbx;
    private final AuditLog audit;
    private final LiveModel live;
    /** The queues of the dialplan contract (pbx-config's queues.conf and hotline-transfer). */
    private final List<String> queues;

    private final Pbxs pbxs;

    JdbcSpecialistDirectory(JdbcTemplate jdbc, PbxCommands pbx, Pbxs pbxs, AuditLog audit, LiveModel live,
                            IvrMenu menu) {
        this.pbxs = pbxs;
        this.queues = menu.queues();
        this.jdbc = jdbc;
        this.pbx = pbx;
        this.audit = audit;
        this.live = live;
    }

    @Override
    public List<Specialist> all() {
        return jdbc.query("select * from specialist order by display_name", JdbcSpecialistDirectory::map);
    }

    @Override
    public Optional<Specialist> ofUser(String username) {
        return jdbc.query("select * from specialist where username = ? and active", JdbcSpecialistDirectory::map, username)
                .stream().findFirst();
    }

    @Override
    public Specialist save(String displayName, Specialist.Kind kind, List<String> languages, String iface,
                           List<String> queues, boolean active, @Nullable String username) {
        if (!(CurrentUser.has(Role.ADMIN) || CurrentUser.has(Role.SUPERVISOR))) {
            throw new AccessDeniedException("only supervisors and admins keep the specialist directory");
        }
        if (iface == null || !iface.matches("[A-Za-z]+/\\S+")) {
            throw new IllegalArgumentException("interface: like PJSIP/201");
        }
        jdbc.update("""
                insert into specialist (display_name, kind, languages, interface, queues, active, username)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (interface) do update set display_name = excluded.display_name, kind = excluded.kind,
                    languages = excluded.languages, queues = excluded.queues, active = excluded.active,
                    username = excluded.username""", ps -> {
            ps.setString(1, displayName);
            ps.setString(2, kind.name());
            ps.setArray(3, ps.getConnection().createArrayOf("text", languages.toArray()));
            ps.setString(4, iface);
            ps.setArray(5, ps.getConnection().createArrayOf("text", queues.toArray()));
            ps.setBoolean(6, active);
            ps.setString(7, username == null || username.isBlank() ? null : username);
        });
        audit.record("SPECIALIST_SAVED", iface, displayName + " " + kind + " " + queues);
        return jdbc.query("select * from specialist where interface = ?", JdbcSpecialistDirectory::map, iface).getFirst();
    }

    @Override
    public void pause(Desk.@Nullable PauseReason reason) {
        var me = me();
        pbxOf(me.iface()).queuePause(null, me.iface(), reason != null, reason == null ? null : reason.pbxText());
        audit.record(reason == null ? "DESK_UNPAUSED" : "DESK_PAUSED", me.iface(), reason == null ? null : reason.name());
    }

    @Override
    public void transfer(String toQueue) {
        var me = me();
        if (!queues.contains(toQueue)) {
            throw new IllegalArgumentException("unknown queue " + toQueue);
        }
        var call = answeredCallOn(me);
        if (call.queue().equals(toQueue)) {
            throw new IllegalArgumentException("the caller is already in " + toQueue);
        }
        pbxOf(me.iface()).blindTransfer(call.channel(), "hotline-transfer", toQueue);
        audit.record("CALL_TRANSFERRED", call.linkedid(), call.queue() + " -> " + toQueue + " by " + me.iface());
    }

    /** A desk phone's extension ({@code PJSIP/203} → {@code 203}), the dialplan contract's {@code _20X}. */
    private static final Pattern DESK_PHONE = Pattern.compile("PJSIP/(\\d{3,6})");

    @Override
    public List<Specialist> colleagues() {
        var me = ofUser(CurrentUser.name()).map(Specialist::id).orElse(-1L);
        return all().stream().filter(s -> s.active() && s.id() != me && DESK_PHONE.matcher(s.iface()).matches())
                .toList();
    }

    @Override
    public void transferToColleague(long specialistId, boolean consult) {
        var me = me();
        var colleague = colleagues().stream().filter(s -> s.id() == specialistId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no colleague with a desk phone: " + specialistId));
        var m = DESK_PHONE.matcher(colleague.iface());
        if (!m.matches()) {
            throw new IllegalArgumentException("no desk phone: " + colleague.iface());
        }
        var call = answeredCallOn(me);
        if (consult) {
            pbxOf(me.iface()).attendedTransfer(call.channel(), "phones", m.group(1));
        } else {
            pbxOf(me.iface()).blindTransfer(call.channel(), "hotline-transfer-phone", m.group(1));
        }
        audit.record(consult ? "CALL_CONSULT_STARTED" : "CALL_TRANSFERRED", call.linkedid(),
                call.queue() + " -> " + colleague.iface() + " by " + me.iface());
    }

    @Override
    public void completeConsult() {
        var me = me();
        var call = answeredCallOn(me);
        pbxOf(me.iface()).hangup(call.channel());
        audit.record("CALL_CONSULT_COMPLETED", call.linkedid(), me.iface());
    }

    @Override
    public void cancelConsult() {
        var me = me();
        var call = answeredCallOn(me);
        pbxOf(me.iface()).cancelAttendedTransfer(call.channel());
        audit.record("CALL_CONSULT_CANCELLED", call.linkedid(), me.iface());
    }

    /** The commands for the PBX the phone is on (several PBXs); the first PBX's for a phone not seen yet. */
    private PbxCommands pbxOf(String iface) {
        return live.pbxOf(iface).map(pbxs::commands).orElse(pbx);
    }

    /** The specialist the signed-in user is. */
    private Specialist me() {
        return ofUser(CurrentUser.name())
                .orElseThrow(() -> new IllegalStateException("no specialist is linked to user " + CurrentUser.name()));
    }

    private AgentCall answeredCallOn(Specialist me) {
        return live.snapshot().callOn(me.iface()).filter(c -> c.answered() && c.channel() != null)
                .orElseThrow(() -> new IllegalStateException("no answered queue call on " + me.iface()));
    }

    @Override
    public void hangUp() {
        var me = me();
        var call = live.snapshot().callOn(me.iface()).filter(c -> c.channel() != null)
                .orElseThrow(() -> new IllegalStateException("no call on " + me.iface()));
        pbxOf(me.iface()).hangup(call.channel());
        audit.record("CALL_HUNG_UP_FROM_DESK", call.linkedid(), me.iface());
    }

    private static Specialist map(ResultSet rs, int n) throws SQLException {
        return new Specialist(rs.getLong("id"), rs.getString("display_name"), Specialist.Kind.valueOf(rs.getString("kind")),
                Arrays.asList((String[]) rs.getArray("languages").getArray()), rs.getString("interface"),
                Arrays.asList((String[]) rs.getArray("queues").getArray()), rs.getBoolean("active"),
                rs.getString("username"));
    }
}
