package kz.hotline114.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole app on a random port with a real headless Chromium per test (skipped without Chromium). */
public abstract class BrowserIT extends UiIT {

    @LocalServerPort
    protected int port;

    protected WebDriver driver;

    @BeforeEach
    protected void startBrowser() {
        driver = Browser.start(downloads());
    }

    /** Where the browser saves downloads; null = it does not download. */
    protected java.nio.file.@org.jspecify.annotations.Nullable Path downloads() {
        return null;
    }

    @AfterEach
    protected void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }
}
