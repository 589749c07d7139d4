package kz.hotline114.security;

import java.util.Set;

/** A user of the console (no password hash leaves the feature). */
public record UserAccount(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                          String locale) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
