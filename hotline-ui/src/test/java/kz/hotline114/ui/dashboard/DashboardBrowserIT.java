package kz.hotline114.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.dashboard.WallboardAccess;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;
import kz.hotline114.ui.LiveTraffic;

/** A real Chromium watches the dashboard and the wall-board move while a call is replayed over AMI. */
@kz.hotline114.support.AwayFromMidnight // "today" before and after a call: not across midnight
class DashboardBrowserIT extends BrowserIT {

    @Autowired
    WallboardAccess access;

    /** The number an element shows, read in one script (the views re-render: a found element may be gone a moment later); -1 when absent. */
    static long number(WebDriver d, String id) {
        var text = (String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.textContent : null;", id);
        var digits = text == null ? "" : text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    /** Callers waiting in a queue's card; a queue the PBX has not mentioned yet has no card and no callers. */
    static long waiting(WebDriver d, String id) {
        return Math.max(0, number(d, id));
    }

    @Test
    void the_dashboard_shows_a_caller_waiting_and_then_her_abandon_without_a_reload() throws Exception {
        var packets = LiveTraffic.now("abandoned-in-queue", 175);
        int joined = LiveTraffic.first(packets, "QueueCallerJoin");
        play(packets.subList(0, 1));
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("pbx-state")).isEmpty());
        driver.get(base() + "/dashboard");
        wait.until(d -> number(d, "figure-abandoned") >= 0);
        long waiting = waiting(driver, "queue-psychologists-waiting");
        long abandoned = number(driver, "figure-abandoned");

        play(packets.subList(1, joined + 1));
        Browser.waitUpTo(driver, 10).until(d -> waiting(d, "queue-psychologists-waiting") == waiting + 1);
        Browser.screenshot(driver, "dashboard-waiting.png");

        play(packets.subList(joined + 1, packets.size()));
        Browser.waitUpTo(driver, 10).until(d -> number(d, "figure-abandoned") == abandoned + 1
                && waiting(d, "queue-psychologists-waiting") == waiting);
        assertThat(driver.findElements(By.cssSelector("#dashboard-chart svg"))).isNotEmpty();
        Browser.screenshot(driver, "dashboard.png");
    }

    @Test
    void the_wall_board_follows_the_same_call_with_its_token_and_no_login() throws Exception {
        var packets = LiveTraffic.now("abandoned-in-queue", 176);
        int joined = LiveTraffic.first(packets, "QueueCallerJoin");
        play(packets.subList(0, 1));
        driver.get(base() + "/wallboard.html?token=" + access.token());
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> number(d, "abandoned") >= 0 && !d.findElement(By.id("title")).getText().isBlank());
        long waiting = waiting(driver, "wb-psychologists-waiting");
        long abandoned = number(driver, "abandoned");
        assertThat(driver.findElement(By.id("title")).getText()).contains("қабырға тақтасы");

        onlyTheRecordingsMembers("psychologists", packets); // earlier tests leave specialists of their own
        play(packets.subList(1, joined + 1));
        Browser.waitUpTo(driver, 10).until(d -> waiting(d, "wb-psychologists-waiting") == waiting + 1);
        assertThat((String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.getElementById('queue-psychologists').className;")).contains("bad");
        Browser.screenshot(driver, "wallboard-waiting.png");

        play(packets.subList(joined + 1, packets.size()));
        Browser.waitUpTo(driver, 10).until(d -> number(d, "abandoned") == abandoned + 1
                && waiting(d, "wb-psychologists-waiting") == waiting);
        Browser.screenshot(driver, "wallboard.png");
    }

    @Test
    void a_wall_board_link_with_a_wrong_token_says_so_instead_of_reconnecting_for_ever() throws Exception {
        driver.get(base() + "/wallboard.html?token=" + access.token() + "-old");
        Browser.waitUpTo(driver, 20).until(d -> d.findElement(By.id("banner")).isDisplayed()
                && d.findElement(By.id("banner")).getText().contains("кілті жарамсыз"));
        assertThat(driver.findElement(By.id("banner")).getText()).doesNotContain("қайта қосылуда");
        Browser.screenshot(driver, "wallboard-wrong-token.png");
    }
}
