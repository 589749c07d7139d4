package kz.hotline114.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import kz.hotline114.support.Recordings;

/** A real headless Chromium: sign in as admin and see a call that the PBX just sent. */
class CallLogBrowserIT extends UiIT {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void an_admin_signs_in_and_sees_a_call_the_pbx_just_logged() throws Exception {
        var packets = Recordings.packets("sip-phones/pjsip-agent-hangup", 21);
        play(packets);
        var number = fullNumber(linkedidOf(packets));

        Browser.signIn(driver, "http://localhost:" + port, "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);

        wait.until(d -> !d.findElements(By.id("call-log")).isEmpty());
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("Nurlan (religious scholar)")));
        var cells = driver.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(c -> c.getText()).toList();
        assertThat(String.join(" ", cells)).contains(number).contains("Жауап берілді");
        assertThat(driver.findElement(By.id("pbx-state")).getText()).isEqualTo("АТС қосылған");

        Browser.screenshot(driver, "call-log.png");
    }
}
