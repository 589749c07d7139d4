package kz.hotline114.ui.admin;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.security.AuditLog;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.security.UserAccount;
import kz.hotline114.security.UserAccounts;

/**
 * Users provisioned without the console, as directories and scripts do it (ADMIN only, every call audited):
 * {@code GET /api/admin/users}; {@code POST /api/admin/users {"username", "displayName", "password", "roles"}} → 201
 * (a weak password → 400); {@code PUT /api/admin/users/{username} {"enabled"?, "roles"?, "password"?,
 * "displayName"?}} — disabling, new roles or a new password end that user's open sessions.
 */
@RestController
@RequestMapping("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
class UsersApi {

    private final UserAccounts users;
    private final AuditLog audit;

    UsersApi(UserAccounts users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    record NewUser(@Nullable String username, @Nullable String displayName, @Nullable String password,
                   @Nullable List<String> roles) {
    }

    record Change(@Nullable Boolean enabled, @Nullable List<String> roles, @Nullable String password,
                  @Nullable String displayName) {
    }

    /** A user as the API shows it (never a password or its hash). */
    record User(String username, String displayName, Set<Role> roles, boolean enabled) {
        static User of(UserAccount a) {
            return new User(a.username(), a.displayName(), a.roles(), a.enabled());
        }
    }

    @GetMapping
    List<User> list() {
        var all = users.all();
        audit.record("USERS_LISTED", null, all.size() + " users");
        return all.stream().map(User::of).toList();
    }

    @PostMapping
    ResponseEntity<User> create(@RequestBody NewUser body) {
        if (body.username() == null || body.username().isBlank()) {
            throw new IllegalArgumentException("username: required");
        }
        if (body.password() == null) {
            throw new IllegalArgumentException("password: required");
        }
        var name = body.displayName() == null || body.displayName().isBlank() ? body.username() : body.displayName().strip();
        var created = users.create(body.username().strip(), name, body.password(), roles(body.roles()));
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(User.of(created));
    }

    @PutMapping("/{username}")
    User change(@PathVariable String username, @RequestBody Change body) {
        var current = users.find(username).orElseThrow(() -> new IllegalArgumentException("username: unknown"));
        if (body.password() != null) {
            users.resetPassword(username, body.password());
        }
        if (body.enabled() != null || body.roles() != null || body.displayName() != null) {
            users.update(username, body.displayName() == null || body.displayName().isBlank() ? current.displayName()
                            : body.displayName().strip(), body.roles() == null ? current.roles() : roles(body.roles()),
                    body.enabled() == null ? current.enabled() : body.enabled());
        }
        return User.of(users.find(username).orElseThrow());
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of " + List.of(Role.values()));
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var n : names) {
            try {
                roles.add(Role.valueOf(n.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("roles: unknown role '" + n + "', one of " + List.of(Role.values()));
            }
        }
        return roles;
    }
}
