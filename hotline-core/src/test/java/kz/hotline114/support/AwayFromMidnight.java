package kz.hotline114.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests about "today" (today's figures before and after a call, a case number's year): each test runs with
 * the {@link TestClock} ticking from noon in Almaty of the day the suite is at, so the day cannot change under
 * it even when the suite runs at 23:59:30 on 31 December; the suite's time comes back after each test.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AwayFromMidnight.Extension.class)
public @interface AwayFromMidnight {

    final class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            TestClock.runFrom(TestClock.now().atZone(TestClock.ALMATY).toLocalDate().atTime(12, 0)
                    .atZone(TestClock.ALMATY).toInstant());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TestClock.reset();
        }
    }
}
