package kz.hotline114.ui.shell;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import kz.hotline114.security.LogSafe;
import kz.hotline114.security.UserAccountChanged;

/**
 * The console's open sessions, so that a user who is disabled, given other roles or a new password is signed out at
 * once everywhere (their next click lands on the sign-in page), not when their session would have timed out.
 * Sessions are the container's own objects (the id changes at sign-in; the object does not).
 */
@Component
class SessionsOfUsers implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfUsers.class);

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        sessions.add(se.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        sessions.remove(se.getSession());
    }

    @EventListener
    void on(UserAccountChanged changed) {
        int ended = 0;
        for (var session : Set.copyOf(sessions)) {
            try {
                if (changed.username().equals(userOf(session))) {
                    session.invalidate();
                    ended++;
                }
            } catch (IllegalStateException alreadyInvalid) {
                sessions.remove(session);
            }
        }
        if (ended > 0) {
            log.info("Account of '{}' changed: {} open session(s) ended", LogSafe.of(changed.username()), ended);
        }
    }

    int open() {
        return sessions.size();
    }

    private static String userOf(HttpSession session) {
        var context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext c && c.getAuthentication() != null) {
            return c.getAuthentication().getName();
        }
        return "";
    }
}
