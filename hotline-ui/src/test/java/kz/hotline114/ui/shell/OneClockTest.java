package kz.hotline114.ui.shell;

import org.junit.jupiter.api.Test;

import kz.hotline114.support.OneClock;

/** The views and the API ask the one Clock bean for the time, as the core does (ModularityTest checks the core). */
class OneClockTest {

    @Test
    void views_and_api_ask_the_one_clock_for_the_time() {
        OneClock.RULE.check(OneClock.mainClasses());
    }
}
