package kz.hotline114.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The login throttle alone, on a clock the test moves: waits grow, fade, stay bounded, and never lock a user out. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-06T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void waits_begin_after_five_failures_double_with_each_more_and_fade() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("aigerim", "203.0.113.7");
        }
        assertThat(throttle.wait("aigerim", "203.0.113.7")).isEmpty();
        throttle.failed("aigerim", "203.0.113.7");
        assertThat(throttle.wait("Aigerim", "203.0.113.7")).contains(LoginThrottle.FIRST_WAIT);
        throttle.failed("aigerim", "203.0.113.7");
        assertThat(throttle.wait("aigerim", "203.0.113.7")).contains(LoginThrottle.FIRST_WAIT.multipliedBy(2));
        for (int i = 0; i < 20; i++) {
            throttle.failed("aigerim", "203.0.113.7");
        }
        assertThat(throttle.wait("aigerim", "203.0.113.7")).contains(LoginThrottle.LONGEST_WAIT);

        now = now.plus(LoginThrottle.LONGEST_WAIT).plusSeconds(1);
        assertThat(throttle.wait("aigerim", "203.0.113.7")).as("the wait is over").isEmpty();
        now = now.plus(LoginThrottle.WINDOW);
        throttle.failed("aigerim", "203.0.113.7");
        assertThat(throttle.wait("aigerim", "203.0.113.7")).as("the count faded: one failure is not five").isEmpty();
    }

    @Test
    void a_user_signing_in_from_a_known_address_is_never_held_by_failures_elsewhere() {
        throttle.succeeded("admin", "10.0.0.5");
        for (int i = 0; i < 200; i++) {
            throttle.failed("admin", "198.51.100." + (i % 250));
        }
        assertThat(throttle.wait("admin", "10.0.0.5")).isEmpty();
        assertThat(throttle.wait("admin", "192.0.2.1")).as("a stranger's address waits").isPresent();
    }

    @Test
    void one_address_guessing_many_user_names_waits_and_memory_stays_bounded() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS * 2; i++) {
            throttle.failed("user" + i, "203.0.113." + (i % 200));
        }
        assertThat(throttle.wait("someone-else", "203.0.113.9")).as("the address guessed too often").isPresent();
        assertThat(throttle.keys()).isLessThanOrEqualTo(4 * LoginThrottle.MAX_KEYS);
    }

    @Test
    void an_administrator_sees_who_is_held_back_until_when_and_can_let_them_try_again() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("Dana", "203.0.113.9");
        }
        throttle.failed("dana", "198.51.100.1");
        assertThat(throttle.held()).containsOnlyKeys("dana")
                .containsEntry("dana", now.plus(LoginThrottle.FIRST_WAIT.multipliedBy(2)));
        throttle.release("DANA");
        assertThat(throttle.held()).isEmpty();
        assertThat(throttle.wait("dana", "203.0.113.9")).isEmpty();
        for (int i = 0; i < 5; i++) {
            throttle.failed("dana", "203.0.113.9");
        }
        assertThat(throttle.wait("dana", "203.0.113.9")).as("counting starts again from nothing").contains(
                LoginThrottle.FIRST_WAIT);
    }
}
