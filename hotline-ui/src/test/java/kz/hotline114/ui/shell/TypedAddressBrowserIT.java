package kz.hotline114.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;

/**
 * An address typed or bookmarked that is no page (issue 16 item 1): a real browser got a bare "HTTP ERROR 403 — Access
 * to localhost was denied" in English, because the security chain refused what was not a route before Vaadin could
 * answer. It now shows the layout with "this page does not exist or is not yours"; signed out, it asks to sign in.
 */
class TypedAddressBrowserIT extends BrowserIT {

    @Test
    void a_typed_address_that_is_no_page_shows_the_message_in_the_layout() throws Exception {
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("logout")).isEmpty());
        for (var path : new String[] {"/users", "/calls/no-such-page"}) {
            driver.get(base() + path);
            wait.until(d -> d.getPageSource().contains("Бұл бет жоқ немесе сізге ашық емес"));
            assertThat(driver.findElements(By.id("logout"))).as("inside the layout, with the menu").isNotEmpty();
            assertThat(driver.getPageSource()).doesNotContain("HTTP ERROR 403");
        }
        Browser.screenshot(driver, "typed-address.png");
    }

    @Test
    void signed_out_an_address_that_is_no_page_asks_to_sign_in() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/users")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
