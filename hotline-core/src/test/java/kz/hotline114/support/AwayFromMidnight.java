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
 * For tests about "today" (today's figures before and after a call, a case number's year): a test that would start
 * less than {@value Extension#MARGIN_MINUTES} minutes before midnight in Almaty starts just after it instead (the
 * {@link TestClock} jumps forward to 00:00:05), so the day cannot change under it even when the suite runs at
 * 23:59:30 on 31 December. Time only ever moves forward, by at most those minutes: state that lives in time (a
 * specialist's wrap-up, calls in progress) stays as it would in a real run. The clock keeps the jump afterwards.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AwayFromMidnight.Extension.class)
public @interface AwayFromMidnight {

    final class Extension implements BeforeEachCallback, AfterEachCallback {

        /** A test about "today" takes well under a minute; this leaves room for a slow machine. */
        static final int MARGIN_MINUTES = 3;

        @Override
        public void beforeEach(ExtensionContext context) {
            var now = TestClock.now().atZone(TestClock.ALMATY);
            var midnight = now.toLocalDate().plusDays(1).atStartOfDay(TestClock.ALMATY);
            if (now.plusMinutes(MARGIN_MINUTES).isAfter(midnight)) {
                TestClock.advanceTo(midnight.plusSeconds(5).toInstant());
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            // the jump stays: going back would move time backwards under the app
        }
    }
}
