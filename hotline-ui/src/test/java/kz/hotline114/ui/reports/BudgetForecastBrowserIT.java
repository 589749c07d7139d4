package kz.hotline114.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.reports.GrantProjects;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * The budget forecast in a real headless Chromium (the chart is drawn: an SVG with the spending and forecast lines),
 * and the same figures from {@code GET /api/reports/budget-forecast}; the project of {@link BudgetData}.
 */
class BudgetForecastBrowserIT extends BrowserIT {

    @Autowired
    GrantProjects projects;

    @Test
    void the_forecast_screen_draws_the_budget_and_the_api_gives_the_same_figures() throws Exception {
        long id = BudgetData.load(jdbc, projects);
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("pbx-state")).isEmpty());
        driver.get(base() + "/reports/budget?project=" + id + "&asOf=" + BudgetData.AS_OF);
        wait.until(d -> d.findElement(By.id("budget-verdict")).getText().contains("21.04.1988"));
        wait.until(d -> !d.findElements(By.cssSelector("#budget-spending-chart path")).isEmpty());
        assertThat(driver.findElement(By.id("budget-fig-runs-out")).getText()).isEqualTo("21.04.1988");
        assertThat(driver.findElement(By.id("budget-spending-chart")).getDomProperty("innerHTML"))
                .as("the legend names the three lines").contains("Жұмсалды").contains("Болжам").contains("Смета");
        Browser.screenshot(driver, "budget-forecast.png");

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/api/reports/budget-forecast?project=" + id + "&asOf=" + BudgetData.AS_OF)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonMapper.builder().build().readValue(response.body(), Map.class);
        assertThat(json).containsEntry("runsOutOn", "1988-04-21").containsEntry("lastsThePeriod", false)
                .containsEntry("calls", 2).containsEntry("wrongNumber", 1).containsEntry("minutes", 6);
        assertThat(new java.math.BigDecimal(json.get("spent").toString())).isEqualByComparingTo("90");
        assertThat(new java.math.BigDecimal(json.get("dailyRate").toString())).isEqualByComparingTo("9");
        assertThat(json.get("topNumbers").toString()).doesNotContain("+77011880001");

        var bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/api/reports/budget-forecast?project=x")).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("project");
    }
}
