package kz.hotline114.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole app on a random port with a real headless Chromium per test (skipped without Chromium). */
abstract class BrowserIT extends UiIT {

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start(downloads());
    }

    /** Where the browser saves downloads; null = it does not download. */
    java.nio.file.@org.jspecify.annotations.Nullable Path downloads() {
        return null;
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }
}
