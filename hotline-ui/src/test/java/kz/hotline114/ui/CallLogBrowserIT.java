package kz.hotline114.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import kz.hotline114.support.Recordings;

/** A real headless Chromium: sign in as admin and see a call that the PBX just sent. */
class CallLogBrowserIT extends UiIT {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium on this machine");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900", "--disable-background-networking", "--no-first-run");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
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

        driver.get("http://localhost:" + port + "/login");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
        driver.findElement(By.cssSelector("input[name=username]")).sendKeys("admin");
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("vaadin-button[slot=submit], vaadin-login-form vaadin-button")).click();

        wait.until(d -> !d.findElements(By.id("call-log")).isEmpty());
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("Nurlan (religious scholar)")));
        var cells = driver.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(c -> c.getText()).toList();
        assertThat(String.join(" ", cells)).contains(number).contains("Жауап берілді");
        assertThat(driver.findElement(By.id("pbx-state")).getText()).isEqualTo("АТС қосылған");

        var shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "call-log.png"), shot);
    }
}
