package kz.hotline114.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users and their roles. */
public interface UserAccounts {

    Optional<UserAccount> find(String username);

    List<UserAccount> all();

    /** Creates a user; the password is stored as a bcrypt hash. Admins only (and the first start). */
    UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles);

    /** Changes a user's name, roles and whether they may sign in. Admins only. */
    UserAccount update(String username, String displayName, Set<Role> roles, boolean enabled);

    /** Sets a new password. Admins only. */
    void resetPassword(String username, String rawPassword);
}
