package kz.hotline114.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Repeated failed logins are throttled: after {@value #MAX_FAILURES} wrong passwords for one user name
 * within {@link #WINDOW}, the account is locked for {@link #WINDOW} (for the console and the API alike).
 * In memory, per application node: a restart or another node resets it (acceptable for a throttle).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent e) {
        var user = e.getAuthentication().getName();
        if (user == null || user.isBlank()) {
            return;
        }
        var q = failures.computeIfAbsent(user, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.instant());
            prune(q);
            if (q.size() == MAX_FAILURES) {
                log.warn("{} wrong passwords for '{}' within {}: locked for {}", MAX_FAILURES, user, WINDOW, WINDOW);
            }
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        failures.remove(e.getAuthentication().getName());
    }

    /** True while the user name has had too many recent failures. */
    boolean locked(String user) {
        var q = failures.get(user);
        if (q == null) {
            return false;
        }
        synchronized (q) {
            prune(q);
            return q.size() >= MAX_FAILURES;
        }
    }

    private void prune(Deque<Instant> q) {
        var oldest = clock.instant().minus(WINDOW);
        while (!q.isEmpty() && q.peekFirst().isBefore(oldest)) {
            q.pollFirst();
        }
    }
}
