package kz.hotline114.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account out: wrong passwords are counted per
 * (user name, address), per address, and per user name from addresses that user has never signed in from; past a
 * threshold each further failure doubles a wait (from {@link #FIRST_WAIT} up to {@link #LONGEST_WAIT}) during which
 * that key's attempts are refused before any password is checked (no bcrypt work for an attacker's requests).
 * A user signing in from an address they used before is never held back by failures from other addresses — so
 * nobody outside can lock the admin out. Counts fade after {@link #WINDOW} without failures; memory is bounded
 * ({@value #MAX_KEYS} keys per table, the least recently used dropped). In memory, per node: a restart resets it.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Wrong passwords for one user from one address before waits begin. */
    static final int PER_USER_AND_ADDRESS = 5;
    /** Wrong passwords from one address (any user names) before waits begin. */
    static final int PER_ADDRESS = 20;
    /** Wrong passwords for one user from addresses it never signed in from before waits begin for those addresses. */
    static final int PER_USER_FROM_UNKNOWN = 50;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Lru<Counter> byUserAndAddress = new Lru<>();
    private final Lru<Counter> byAddress = new Lru<>();
    private final Lru<Counter> byUser = new Lru<>();
    private final Lru<Instant> knownAddresses = new Lru<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this sign-in attempt must wait before it is even checked; empty = check it now. */
    public Optional<Duration> wait(String username, String address) {
        var now = clock.instant();
        var user = normal(username);
        Duration longest = Duration.ZERO;
        longest = max(longest, byUserAndAddress.waitOf(user + "@" + address, PER_USER_AND_ADDRESS, now));
        longest = max(longest, byAddress.waitOf(address, PER_ADDRESS, now));
        if (!known(user, address)) {
            longest = max(longest, byUser.waitOf(user, PER_USER_FROM_UNKNOWN, now));
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** A wrong password (or an unknown user name) from this address. */
    public void failed(String username, String address) {
        var now = clock.instant();
        var user = normal(username);
        int n = byUserAndAddress.fail(user + "@" + address, now);
        byAddress.fail(address, now);
        if (!known(user, address)) {
            byUser.fail(user, now);
        }
        if (n == PER_USER_AND_ADDRESS) {
            log.warn("{} wrong passwords for '{}' from {}: further attempts from there wait, from {} doubling",
                    n, LogSafe.of(user), LogSafe.of(address), FIRST_WAIT);
        }
    }

    /** A successful sign-in: that user's failures from this address are forgotten and the address is known. */
    public void succeeded(String username, String address) {
        var user = normal(username);
        byUserAndAddress.remove(user + "@" + address);
        knownAddresses.put(user + "@" + address, clock.instant());
    }

    /**
     * The user names held back now (from some address, or from every address they never used), each with the end of
     * its wait: what an administrator sees in the users list.
     */
    public Map<String, Instant> held() {
        var now = clock.instant();
        var held = new TreeMap<String, Instant>();
        byUserAndAddress.waits(PER_USER_AND_ADDRESS, now).forEach((key, until) ->
                held.merge(key.substring(0, key.lastIndexOf('@')), until, LoginThrottle::later));
        byUser.waits(PER_USER_FROM_UNKNOWN, now).forEach((user, until) -> held.merge(user, until, LoginThrottle::later));
        return held;
    }

    /**
     * An administrator lets a user try again at once (they called to say they mistyped): that user's failures are
     * forgotten, from every address. Failures counted per address stay — they are about the address, not the user.
     */
    public void release(String username) {
        var user = normal(username);
        byUserAndAddress.removeIf(key -> key.substring(0, key.lastIndexOf('@')).equals(user));
        byUser.remove(user);
        log.info("sign-in wait of '{}' lifted by an administrator", LogSafe.of(user));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent e) {
        var user = e.getAuthentication().getName();
        var address = address(e.getAuthentication().getDetails());
        if (user != null && !user.isBlank() && address != null) {
            failed(user, address);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        var address = address(e.getAuthentication().getDetails());
        if (address != null) {
            succeeded(e.getAuthentication().getName(), address);
        }
    }

    /** Keys held in all tables (bounded: at most four times {@value #MAX_KEYS}). */
    int keys() {
        return byUserAndAddress.size() + byAddress.size() + byUser.size() + knownAddresses.size();
    }

    private boolean known(String user, String address) {
        var at = knownAddresses.get(user + "@" + address);
        return at != null && at.isAfter(clock.instant().minus(Duration.ofDays(30)));
    }

    private static @Nullable String address(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }

    private static String normal(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Failures of one key: how many since the count last faded, and when the latest was. */
    private static final class Counter {
        int failures;
        Instant last = Instant.EPOCH;
    }

    /** A bounded map, least recently used first out. */
    private static final class Lru<V> {
        private final Map<String, V> map = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEYS;
            }
        };

        synchronized @Nullable V get(String key) {
            return map.get(key);
        }

        synchronized void put(String key, V value) {
            map.put(key, value);
        }

        synchronized int size() {
            return map.size();
        }

        synchronized void remove(String key) {
            map.remove(key);
        }

        @SuppressWarnings("unchecked")
        synchronized int fail(String key, Instant now) {
            var c = (Counter) map.computeIfAbsent(key, k -> (V) new Counter());
            if (c.last.plus(WINDOW).isBefore(now)) {
                c.failures = 0;
            }
            c.failures++;
            c.last = now;
            return c.failures;
        }

        synchronized void removeIf(Predicate<String> key) {
            map.keySet().removeIf(key);
        }

        /** Every key waiting now, with the end of its wait. */
        synchronized Map<String, Instant> waits(int threshold, Instant now) {
            var waits = new LinkedHashMap<String, Instant>();
            for (var e : List.copyOf(map.entrySet())) {
                var wait = waitOf((Counter) e.getValue(), threshold, now);
                if (!wait.isZero()) {
                    waits.put(e.getKey(), now.plus(wait));
                }
            }
            return waits;
        }

        synchronized Duration waitOf(String key, int threshold, Instant now) {
            return waitOf((Counter) map.get(key), threshold, now);
        }

        private static Duration waitOf(@Nullable Counter c, int threshold, Instant now) {
            if (c == null || c.failures < threshold || c.last.plus(WINDOW).isBefore(now)) {
                return Duration.ZERO;
            }
            int doublings = Math.min(c.failures - threshold, 10);
            var wait = FIRST_WAIT.multipliedBy(1L << doublings);
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                wait = LONGEST_WAIT;
            }
            var until = c.last.plus(wait);
            return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        }
    }
}
