package kz.hotline114.security.internal;

import java.security.SecureRandom;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import kz.hotline114.security.Role;

/**
 * At first start (no {@code admin} user yet) creates {@code admin} with the password from
 * {@code HOTLINE_ADMIN_PASSWORD}, or a random one printed once in the log.
 */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final JdbcUserAccounts users;
    private final String password;

    FirstAdmin(JdbcUserAccounts users, @Value("${hotline.admin-password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @EventListener(ApplicationStartedEvent.class)
    void createAdminOnFirstStart() {
        if (users.find("admin").isPresent()) {
            return;
        }
        var pw = password;
        boolean generated = pw == null || pw.isBlank();
        if (generated) {
            var chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            var rnd = new SecureRandom();
            var sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(chars.charAt(rnd.nextInt(chars.length())));
            }
            pw = sb.toString();
        }
        if (!generated && pw.length() < 8) {
            log.warn("HOTLINE_ADMIN_PASSWORD is shorter than 8 characters: change it after the first sign-in");
        }
        users.createFirstAdmin(pw, EnumSet.of(Role.ADMIN, Role.SUPERVISOR));
        if (generated) {
            log.warn("""

                    ==========================================================
                     First start: created user 'admin' with password {}
                     (set HOTLINE_ADMIN_PASSWORD to choose it). Shown once.
                    ==========================================================""", pw);
        } else {
            log.info("First start: created user 'admin' with the password from HOTLINE_ADMIN_PASSWORD");
        }
    }
}
