package kz.hotline114.risk.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import kz.hotline114.calls.CallKey;
import kz.hotline114.live.LiveModel;
import kz.hotline114.pbx.PbxCommands;
import kz.hotline114.pbx.Pbxs;
import kz.hotline114.risk.InvalidRisk;
import kz.hotline114.risk.Supervision;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;

/**
 * {@link Supervision} through AMI: the token [hotline-spy] checks is this application's own random one, set as a
 * dialplan global before every Originate (a PBX restart or reload empties it, so it is never stale or guessable).
 */
@Service
class PbxSupervision implements Supervision {

    private final JdbcTemplate jdbc;
    private final LiveModel live;
    private final PbxCommands pbx;
    private final AuditLog audit;
    private final Clock clock;
    private final String token;

    private final Pbxs pbxs;

    PbxSupervision(JdbcTemplate jdbc, LiveModel live, PbxCommands pbx, Pbxs pbxs, AuditLog audit, Clock clock) {
        this.pbxs = pbxs;
        this.jdbc = jdbc;
        this.live = live;
        this.pbx = pbx;
        this.audit = audit;
        this.clock = clock;
        var bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        this.token = HexFormat.of().formatHex(bytes);
    }

    private static void checkSupervisor() {
        if (!JdbcRiskFlags.supervises()) {
            throw new AccessDeniedException("listening in is for supervisors and admins");
        }
    }

    @Override
    public Optional<String> myPhone() {
        return jdbc.query("select interface from supervisor_phone where username = ?", (rs, i) -> rs.getString(1),
                CurrentUser.name()).stream().findFirst();
    }

    @Override
    public void linkMyPhone(@Nullable String phone) {
        checkSupervisor();
        if (phone == null || phone.isBlank()) {
            jdbc.update("delete from supervisor_phone where username = ?", CurrentUser.name());
            audit.record("SUPERVISOR_PHONE_UNLINKED", CurrentUser.name(), null);
            return;
        }
        var p = phone.strip();
        if (!p.matches("[A-Za-z]+/[A-Za-z0-9_.@+-]{1,60}(/n)?")) { // PJSIP/301, or Local/301@ctx/n
            throw new InvalidRisk(Map.of("phone", "format"));
        }
        var taken = jdbc.queryForObject("select count(*) from supervisor_phone where interface = ? and username <> ?",
                Long.class, p, CurrentUser.name());
        if (taken != null && taken > 0) {
            throw new InvalidRisk(Map.of("phone", "taken"));
        }
        jdbc.update("""
                insert into supervisor_phone (username, interface, linked_at) values (?, ?, ?)
                on conflict (username) do update set interface = excluded.interface, linked_at = excluded.linked_at""",
                CurrentUser.name(), p, Timestamp.from(clock.instant()));
        audit.record("SUPERVISOR_PHONE_LINKED", CurrentUser.name(), p);
    }

    @Override
    public void join(CallKey call, Mode mode) {
        checkSupervisor();
        var phone = myPhone().orElseThrow(() -> new InvalidRisk(Map.of("phone", "none")));
        var leg = live.snapshot(call.pbxId()).onPhones().values().stream()
                .filter(a -> a.linkedid().equals(call.linkedid()) && a.answered() && a.channel() != null)
                .map(a -> a.channel()).findFirst().orElseThrow(() -> new InvalidRisk(Map.of("call", "not-live")));
        var onPbx = pbxs.ids().contains(call.pbxId()) ? pbxs.commands(call.pbxId()) : pbx; // the call's own PBX
        onPbx.setGlobal("HOTLINE_SPY_SECRET", token);
        onPbx.originate(phone, "hotline-spy", mode.exten(), "\"114\" <114>", Map.of("HOTLINE_SPY_TARGET", leg,
                "HOTLINE_SPY_TOKEN", token));
        audit.record(switch (mode) {
            case LISTEN -> "SUPERVISOR_LISTENED";
            case WHISPER -> "SUPERVISOR_WHISPERED";
            case BARGE -> "SUPERVISOR_BARGED";
        }, call.toString(), phone + " → " + leg);
    }
}
