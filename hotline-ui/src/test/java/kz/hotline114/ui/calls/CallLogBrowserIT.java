package kz.hotline114.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import kz.hotline114.support.Recordings;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;

/** A real headless Chromium: sign in as admin and see a call that the PBX just sent. */
class CallLogBrowserIT extends BrowserIT {

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

    @Test
    void a_case_opened_from_a_call_gets_an_appointment_and_is_found_again_by_a_word_of_its_question() throws Exception {
        var packets = Recordings.packets("answered-theologian", 22);
        play(packets);
        var base = "http://localhost:" + port;
        Browser.signIn(driver, base, "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("call-log")).isEmpty());

        // the call's detail → "open a case"
        var number = fullNumber(linkedidOf(packets));
        // other tests' calls fill the log too: narrow it to this caller, as a user would
        driver.findElement(By.cssSelector("#filter-number input")).sendKeys(number.substring(number.length() - 7),
                org.openqa.selenium.Keys.ENTER);
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains(number)));
        // other tests' calls of today may push the row near the grid's lower edge: bring it to the middle first
        var row = driver.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().contains(number)).findFirst().orElseThrow();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
        row.click();
        wait.until(d -> !d.findElements(By.id("open-case")).isEmpty());
        driver.findElement(By.id("open-case")).click();

        wait.until(d -> !d.findElements(By.id("case-question")).isEmpty());
        // category: the combo box takes the typed name
        var category = driver.findElement(By.cssSelector("vaadin-combo-box input"));
        category.sendKeys("Дін туралы сұрақ");
        category.sendKeys(org.openqa.selenium.Keys.ENTER);
        driver.findElement(By.cssSelector("#case-question textarea")).sendKeys("Зекет қалай есептеледі?");
        driver.findElement(By.cssSelector("#case-answer textarea")).sendKeys("Жылдық табыстың қырықтан бірі");
        // below the fold of a 900 px window: click it as the user would after scrolling
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();",
                driver.findElement(By.id("case-save")));
        wait.until(d -> d.getCurrentUrl().matches(".*/case/114-\\d{4}-\\d{5}$"));
        var caseNumber = driver.getCurrentUrl().replaceAll(".*/case/", "");

        // from the case, book the client an appointment in the centre (issue 5)
        wait.until(d -> !d.findElements(By.id("case-book")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();",
                driver.findElement(By.id("case-book")));
        wait.until(d -> !d.findElements(By.cssSelector("#week-calendar vaadin-button.slot")).isEmpty());
        driver.findElements(By.cssSelector("#week-calendar vaadin-button.slot")).getFirst().click();
        wait.until(d -> !d.findElements(By.id("booking-save")).isEmpty());
        driver.findElement(By.id("booking-save")).click();
        // the week's first free slot may be on a day already past: the dialog asks once, a second save books it
        Thread.sleep(500);
        if (!driver.findElements(By.id("booking-save")).isEmpty()) {
            driver.findElement(By.id("booking-save")).click();
        }
        wait.until(d -> d.findElement(By.id("week-calendar")).getText().contains(caseNumber));
        assertThat(jdbc.queryForObject("select count(*) from appointment where case_number = ?", Long.class, caseNumber))
                .isEqualTo(1);

        driver.get(base + "/cases");
        wait.until(d -> !d.findElements(By.cssSelector("#cases-q input")).isEmpty());
        driver.findElement(By.cssSelector("#cases-q input")).sendKeys("зекет");
        // the unfiltered list shows it too: wait for the search's own result
        wait.until(d -> d.findElement(By.id("cases-total")).getText().equals("Табылған істер: 1"));
        wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().equals(caseNumber)));
        Browser.screenshot(driver, "cases-search.png");
    }
}
