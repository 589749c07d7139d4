package kz.hotline114.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.reports.Seed004Data;
import kz.hotline114.reports.Statistic;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;
import java.io.IOException;

/**
 * A grantee in a real headless Chromium: picks a project, writes an activity's narrative, saves the draft,
 * previews the report (figures from the seed-004-shaped data) and downloads the DOCX and the PDF, which are
 * read back: the narrative and the figures are in them.
 */
class ReportBrowserIT extends BrowserIT {

    static final String PROJECT = "Браузер сынағының жобасы";
    private final Path downloads = Path.of("target/browser-downloads").toAbsolutePath();

    @Autowired
    GrantProjects projects;

    @Override
    protected Path downloads() {
        return downloads;
    }

    @BeforeEach
    void project() throws Exception {
        Seed004Data.load(jdbc);
        Files.createDirectories(downloads);
        try (var files = Files.list(downloads)) {
            for (var f : files.toList()) {
                Files.delete(f);
            }
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            if (projects.list().stream().noneMatch(p -> p.name().equals(PROJECT))) {
                projects.save(new GrantProject(0, PROJECT, "«Сынақ» қоры", "№ 1-B", LocalDate.of(2019, 5, 20),
                        new BigDecimal("1000000"), LocalDate.of(2019, 6, 1), LocalDate.of(2019, 12, 31),
                        List.of(new GrantProject.Task(0, 1, "Желінің жұмысын қамтамасыз ету", List.of(
                                new GrantProject.Activity(0, 1, "114 желісі арқылы кеңес беру", List.of(
                                        new GrantProject.Indicator(0, "Қоңыраулар", "қоңырау", new BigDecimal("1500"),
                                                Statistic.CALLS_TOTAL, null, null)))))),
                        List.of(new GrantProject.ReportingPeriod("1 аралық есеп", LocalDate.of(2019, 6, 1),
                                LocalDate.of(2019, 8, 31)))));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_grantee_builds_previews_and_downloads_the_interim_report() throws Exception {
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("pbx-state")).isEmpty());
        driver.get(base() + "/reports");
        wait.until(d -> !d.findElements(By.id("report-project")).isEmpty());

        driver.findElement(By.id("report-project")).click();
        wait.until(d -> d.findElements(By.tagName("vaadin-select-item")).stream()
                .anyMatch(i -> i.getText().equals(PROJECT)));
        driver.findElements(By.tagName("vaadin-select-item")).stream().filter(i -> i.getText().equals(PROJECT))
                .findFirst().orElseThrow().click();
        // the project's reporting period fills the dates, and the editor shows its activity
        wait.until(d -> !d.findElements(By.cssSelector("#narrative-1-1 textarea")).isEmpty());
        var narrative = "Маусым–тамыз айларында желі тәулік бойы жұмыс істеді.";
        driver.findElement(By.cssSelector("#narrative-1-1 textarea")).sendKeys(narrative);
        driver.findElement(By.id("report-save")).click();
        wait.until(d -> d.findElement(By.id("report-status")).getText().matches(".*\\d+.*"));
        String status = driver.findElement(By.id("report-status")).getText();

        driver.findElement(By.id("report-preview-button")).click();
        wait.until(d -> d.findElement(By.id("report-preview")).getText().contains("АРАЛЫҚ БАҒДАРЛАМАЛЫҚ ЕСЕП"));
        String preview = driver.findElement(By.id("report-preview")).getText();
        assertThat(preview).contains(narrative).contains(PROJECT);
        assertThat(preview.replaceAll("[\\s\\u00a0\\u202f]", "")).contains("1927");
        Browser.screenshot(driver, "report-preview.png");

        driver.findElement(By.id("report-docx-kk")).click();
        var docx = awaitDownload(driver, ".docx");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)))) {
            var text = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(text.getFirst()).isEqualTo("АРАЛЫҚ БАҒДАРЛАМАЛЫҚ ЕСЕП");
            assertThat(text).contains(narrative);
            assertThat(text).anySatisfy(t -> assertThat(t).contains("барлығы 1\u00a0927 қоңырау келіп түсті"));
        }
        driver.findElement(By.id("report-pdf-ru")).click();
        var pdf = awaitDownload(driver, ".pdf");
        try (var doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            var text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("ПРОМЕЖУТОЧНЫЙ").contains("тәулік бойы");
        }
        assertThat(status).isNotBlank();
    }

    /** Date fields rejected 31.12.2026 — the format every table shows — as "must be filled". */
    @Test
    void dates_are_typed_as_every_table_shows_them_and_a_bad_one_is_said_under_its_own_field() throws Exception {
        Browser.signIn(driver, base(), "admin", ADMIN_PASSWORD, () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("pbx-state")).isEmpty());
        driver.get(base() + "/reports");
        wait.until(d -> !d.findElements(By.cssSelector("#report-to input")).isEmpty());

        type("#report-from input", "01.06.2019");
        type("#report-to input", "31.08.2019");
        wait.until(d -> "31.08.2019".equals(d.findElement(By.cssSelector("#report-to input")).getDomProperty("value")));
        assertThat(driver.findElement(By.id("report-to")).getDomAttribute("invalid")).as("31.08.2019 is a date").isNull();
        assertThat(driver.findElement(By.id("report-from")).getDomAttribute("invalid")).isNull();

        var bad = driver.findElement(By.cssSelector("#report-to input"));
        bad.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        bad.sendKeys("ертең", Keys.ENTER); // Enter commits the text (Tab alone leaves the last good date in place)
        wait.until(d -> d.findElement(By.id("report-to")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.id("report-to")).getDomProperty("errorMessage"))
                .isEqualTo("Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз, мысалы 31.12.2026");
        assertThat(driver.findElement(By.id("report-from")).getDomAttribute("invalid")).as("the other field").isNull();
        Browser.screenshot(driver, "report-bad-date.png");
    }

    private void type(String css, String text) {
        var input = driver.findElement(By.cssSelector(css));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.TAB);
    }

    private Path awaitDownload(WebDriver driver, String suffix) {
        return Browser.waitUpTo(driver, 60).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
