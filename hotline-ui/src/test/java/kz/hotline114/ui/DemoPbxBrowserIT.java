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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import kz.hotline114.HotlineApplication;
import kz.hotline114.support.TestDatabase;

/**
 * The app as a newcomer starts it: no PBX configured, so the built-in demo PBX replays recorded
 * calls; the console says so, and calls arrive on their own.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPbxBrowserIT {

    /** All test contexts share one database, so one admin password. */
    static final String PASSWORD = UiIT.ADMIN_PASSWORD;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("hotline.ami.host", () -> "");
        registry.add("hotline.ami.pbx-id", () -> "demo-it");
        registry.add("hotline.ami.demo.speed", () -> "3");
        registry.add("hotline.ami.demo.pause-between", () -> "500ms");
        registry.add("hotline.admin-password", () -> PASSWORD);
    }

    @LocalServerPort
    int port;

    private WebDriver driver;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium on this machine");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900", "--disable-background-networking", "--no-first-run", "--lang=kk");
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void without_a_pbx_the_console_is_fed_by_the_labelled_demo_pbx() throws Exception {
        driver.get("http://localhost:" + port + "/login");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
        assertThat(driver.findElement(By.className("demo-badge")).getText()).contains("demo PBX");
        driver.findElement(By.cssSelector("input[name=username]")).sendKeys("admin");
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(d -> !d.findElements(By.id("demo-pbx-badge")).isEmpty());
        assertThat(driver.findElement(By.id("demo-pbx-badge")).getText()).isEqualTo("Демо АТС (demo PBX)");
        // calls arrive without a refresh (server push)
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().matches("\\+7 ?\\d.*")));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "demo-call-log.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
