package kz.hotline114.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.PasswordPolicy;
import kz.hotline114.security.Role;
import kz.hotline114.security.UserAccount;
import kz.hotline114.security.UserAccountChanged;
import kz.hotline114.security.UserAccounts;

@Service
class JdbcUserAccounts implements UserAccounts, UserDetailsService {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    JdbcUserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var rows = jdbc.query("select username, password_hash, roles, enabled from app_user where username = ?",
                (rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(Arrays.stream((String[]) rs.getArray(3).getArray())
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                        .disabled(!rs.getBoolean(4)).build(), username);
        if (rows.isEmpty()) {
            throw new UsernameNotFoundException(username);
        }
        return rows.getFirst();
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.query("select * from app_user where username = ?", JdbcUserAccounts::map, username).stream().findFirst();
    }

    @Override
    public List<UserAccount> all() {
        return jdbc.query("select * from app_user order by username", JdbcUserAccounts::map);
    }

    @Override
    public UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles) {
        if (!all().isEmpty() && !CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators create users");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("username: already taken");
        }
        if (!username.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("username: 2-64 letters, digits, '.', '_' or '-'");
        }
        PasswordPolicy.check(username, rawPassword);
        return insert(username, displayName, rawPassword, roles);
    }

    /** The first admin: the password is the operator's choice (HOTLINE_ADMIN_PASSWORD), whatever its length. */
    UserAccount createFirstAdmin(String rawPassword, Set<Role> roles) {
        if (rawPassword.isEmpty()) {
            throw new IllegalArgumentException("password: empty");
        }
        return insert("admin", "Әкімші", rawPassword, roles);
    }

    private UserAccount insert(String username, String displayName, String rawPassword, Set<Role> roles) {
        jdbc.update("insert into app_user (username, password_hash, display_name, roles) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, username);
            ps.setString(2, encoder.encode(rawPassword));
            ps.setString(3, displayName);
            ps.setArray(4, ps.getConnection().createArrayOf("text", roles.stream().map(Enum::name).toArray()));
        });
        audit.record("USER_CREATED", username, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return find(username).orElseThrow();
    }

    @Override
    public UserAccount update(String username, String displayName, Set<Role> roles, boolean enabled) {
        requireAdmin();
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one");
        }
        if (username.equals(CurrentUser.name()) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new IllegalArgumentException("roles: you cannot lock yourself out");
        }
        var before = find(username).orElseThrow(() -> new IllegalArgumentException("username: unknown"));
        int n = jdbc.update("update app_user set display_name = ?, roles = ?, enabled = ? where username = ?", ps -> {
            ps.setString(1, displayName);
            ps.setArray(2, ps.getConnection().createArrayOf("text", roles.stream().map(Enum::name).toArray()));
            ps.setBoolean(3, enabled);
            ps.setString(4, username);
        });
        if (n == 0) {
            throw new IllegalArgumentException("username: unknown");
        }
        audit.record("USER_UPDATED", username, roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                + (enabled ? "" : ", disabled"));
        if (before.enabled() != enabled || !before.roles().equals(roles)) {
            events.publishEvent(new UserAccountChanged(username));
        }
        return find(username).orElseThrow();
    }

    @Override
    public void resetPassword(String username, String rawPassword) {
        requireAdmin();
        PasswordPolicy.check(username, rawPassword);
        if (jdbc.update("update app_user set password_hash = ? where username = ?", encoder.encode(rawPassword), username) == 0) {
            throw new IllegalArgumentException("username: unknown");
        }
        audit.record("USER_PASSWORD_RESET", username, null);
        events.publishEvent(new UserAccountChanged(username));
    }

    private static void requireAdmin() {
        if (!CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("only administrators manage users");
        }
    }

    private static UserAccount map(ResultSet rs, int n) throws SQLException {
        var roles = Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                .collect(Collectors.toSet());
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles,
                rs.getBoolean("enabled"), rs.getString("locale"));
    }
}
