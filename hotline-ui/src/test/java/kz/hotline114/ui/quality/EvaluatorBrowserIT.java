package kz.hotline114.ui.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.quality.Evaluations;
import kz.hotline114.security.Role;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;

/**
 * An outside expert in a real headless Chromium: signs in, opens the call assigned to them, the browser loads its
 * recording through the API (the player knows its length: 65 s), scores every criterion and submits.
 */
class EvaluatorBrowserIT extends BrowserIT {

    @Autowired
    UserAccounts users;
    @Autowired
    Evaluations evaluations;
    @Autowired
    HotlineProperties props;
    @Autowired
    Clock clock;

    @Test
    void an_evaluator_plays_the_assigned_call_and_submits_the_form() throws Exception {
        var call = kz.hotline114.ui.RecordedCall.make(jdbc, props.dataDir(), "q-br-", clock.instant().minusSeconds(900),
                "psychologists", "Aigerim", 65);
        String expert = "br-eval-" + call.linkedid().substring(5, 11);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            users.create(expert, "Сарапшы", "Strong-pass-2026", EnumSet.of(Role.EVALUATOR));
            evaluations.assign(call, expert);
        } finally {
            SecurityContextHolder.clearContext();
        }

        Browser.signIn(driver, base(), expert, "Strong-pass-2026", () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> d.getCurrentUrl().contains("/quality") || !d.findElements(By.id("quality-list")).isEmpty());
        driver.get(base() + "/quality");
        wait.until(d -> !d.findElements(By.cssSelector("#quality-list vaadin-grid-cell-content")).isEmpty());
        wait.until(d -> d.findElements(By.cssSelector("#quality-list vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals("Aigerim")));
        driver.findElements(By.cssSelector("#quality-list vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals("Aigerim")).findFirst().orElseThrow().click();
        wait.until(d -> !d.findElements(By.id("quality-audio")).isEmpty());

        var js = (JavascriptExecutor) driver;
        js.executeScript("var a = document.getElementById('quality-audio'); a.preload = 'metadata'; a.load();");
        wait.until(d -> ((Number) js.executeScript("var a = document.getElementById('quality-audio');"
                + " return isNaN(a.duration) ? 0 : a.duration;")).doubleValue() > 0);
        double seconds = ((Number) js.executeScript("return document.getElementById('quality-audio').duration;"))
                .doubleValue();
        assertThat(seconds).as("the recording as the browser's player loaded it").isCloseTo(65.0,
                org.assertj.core.data.Offset.offset(0.5));

        for (var group : driver.findElements(By.cssSelector("vaadin-radio-group[id^='quality-points-']"))) {
            var options = group.findElements(By.tagName("vaadin-radio-button"));
            // the most points, "pass" for a critical criterion (scrolled to first: the form is long)
            js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", options.getLast());
        }
        driver.findElement(By.cssSelector("#quality-conclusion textarea")).sendKeys("Браузерден бағаланды");
        js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                driver.findElement(By.id("quality-submit")));
        wait.until(d -> d.findElement(By.id("quality-total")).getText().equals("Нәтиже: 100,0 %"));
        Browser.screenshot(driver, "evaluator-submitted.png");
        assertThat(jdbc.queryForObject("select status from evaluation where pbx_id = ? and linkedid = ?", String.class,
                call.pbxId(), call.linkedid())).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'RECORDING_PLAYED' and username = ?",
                Long.class, expert)).as("the browser's load, audited").isPositive();
    }
}
