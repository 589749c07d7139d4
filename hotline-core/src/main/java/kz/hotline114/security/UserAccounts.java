package kz.hotline114.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users and their roles. */
public interface UserAccounts {

    Optional<UserAccount> find(String username);

    List<UserAccount> all();

    /** Creates a user; the password is stored as a bcrypt hash. */
    UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles);
}
