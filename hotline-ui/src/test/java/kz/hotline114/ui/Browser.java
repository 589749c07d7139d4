package kz.hotline114.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium through Debian's chromedriver (never a downloaded driver); skipped where absent. */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} without asking (when not null). */
    public static WebDriver start(@org.jspecify.annotations.Nullable Path downloads) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium on this machine");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,900", "--disable-background-networking", "--no-first-run");
        if (downloads != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                    downloads.toAbsolutePath().toString(), "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
        }
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    public static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Opens the login page, and (after {@code onLoginPage}) signs in. */
    public static void signIn(WebDriver driver, String baseUrl, String user, String password, Runnable onLoginPage) {
        driver.get(baseUrl + "/login");
        waitUpTo(driver, 60).until(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
        onLoginPage.run();
        driver.findElement(By.cssSelector("input[name=username]")).sendKeys(user);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    public static void screenshot(WebDriver driver, String name) throws java.io.IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
