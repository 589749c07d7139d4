package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import kz.hotline114.support.Recordings;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;

/**
 * What fits on the screens people have (issue 16 item 7): at 1440 px the call log's outcome and duration and the
 * specialists' live state and queue buttons are in sight without scrolling sideways; on a 390 px phone the header
 * still has the language and the sign-out.
 */
class ScreenWidthsBrowserIT extends BrowserIT {

    private long number(String script, Object... args) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script, args)).longValue();
    }

    private long viewportWidth() {
        return number("return window.innerWidth;");
    }

    private long rightEdge(WebElement e) {
        return number("return Math.ceil(arguments[0].getBoundingClientRect().right);", e);
    }

    /** How far a grid's table is wider than the grid (what the user would have to scroll sideways). */
    private long sidewaysOverflow(String gridId) {
        return number("const t = document.getElementById(arguments[0]).shadowRoot.querySelector('#table');"
                + " return t.scrollWidth - t.clientWidth;", gridId);
    }

    private static WebElement header(WebDriver d, String text) {
        return d.findElements(By.tagName("vaadin-grid-cell-content")).stream().filter(c -> c.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no header " + text));
    }

    @Test
    void at_1440_px_the_call_logs_outcome_and_duration_are_in_sight() throws Exception {
        play(Recordings.packets("transfer", 14));
        driver.manage().window().setSize(new Dimension(1440, 900));
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("Olga (theologian)")));
        assertThat(rightEdge(header(driver, "Нәтиже"))).isLessThanOrEqualTo(viewportWidth());
        assertThat(rightEdge(header(driver, "Ұзақтығы, с"))).isLessThanOrEqualTo(viewportWidth());
        assertThat(sidewaysOverflow("call-log")).as("nothing to scroll sideways").isLessThanOrEqualTo(1);
        Browser.screenshot(driver, "call-log-1440.png");

        driver.get(base() + "/specialists");
        wait.until(d -> !d.findElements(By.id("specialists-grid")).isEmpty());
        Thread.sleep(500); // the grid's first layout
        assertThat(sidewaysOverflow("specialists-grid")).as("live state and queue buttons without scrolling")
                .isLessThanOrEqualTo(1);
        Browser.screenshot(driver, "specialists-1440.png");
    }

    @Test
    void on_a_390_px_phone_the_header_keeps_the_language_and_the_sign_out() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("logout")).isEmpty());
        var width = viewportWidth();
        assertThat(width).isLessThanOrEqualTo(420);
        assertThat(rightEdge(driver.findElement(By.id("logout")))).isLessThanOrEqualTo(width);
        assertThat(rightEdge(driver.findElement(By.cssSelector("vaadin-select.header-language")))).isLessThanOrEqualTo(width);
        assertThat(driver.findElement(By.id("logout")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "header-390.png");
    }
}
