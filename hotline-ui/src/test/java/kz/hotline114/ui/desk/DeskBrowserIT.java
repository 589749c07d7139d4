package kz.hotline114.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.routing.Specialist;
import kz.hotline114.routing.SpecialistDirectory;
import kz.hotline114.security.Role;
import kz.hotline114.security.UserAccounts;
import kz.hotline114.support.Recordings;
import kz.hotline114.ui.Browser;
import kz.hotline114.ui.BrowserIT;

/** A real headless Chromium: a specialist signs in, takes a break, comes back, and a replayed call pops up on her desk. */
class DeskBrowserIT extends BrowserIT {

    @Autowired
    UserAccounts users;
    @Autowired
    SpecialistDirectory directory;
    @Autowired
    CallLog calls;

    private static int first(List<AmiPacket> packets, String event) {
        for (int i = 0; i < packets.size(); i++) {
            if (event.equals(packets.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + event);
    }

    private static AmiPacket lastPause() {
        return PBX.server().actionsReceived().stream().filter(a -> "QueuePause".equals(a.get("Action")))
                .reduce((a, b) -> b).orElse(AmiPacket.of("Action", "none"));
    }

    @Test
    void a_specialist_pauses_and_sees_the_screen_pop_of_a_replayed_call() throws Exception {
        var packets = Recordings.packets("sip-phones/pjsip-answered-psychologist", 90);
        int called = first(packets, "AgentCalled");
        var iface = packets.get(called).get("Interface");
        var linkedid = packets.get(called).get("Linkedid");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        users.create("desk-browser", "Aigerim", "desk-pass-114", EnumSet.of(Role.SPECIALIST));
        directory.save("Aigerim (psychologist)", Specialist.Kind.PSYCHOLOGIST, List.of("kk", "ru"), iface,
                List.of("psychologists"), true, "desk-browser");
        SecurityContextHolder.clearContext();
        play(List.of(AmiPacket.of("Event", "QueueMemberStatus", "Queue", "psychologists", "MemberName",
                "Aigerim (psychologist)", "Interface", iface, "Status", "1", "Paused", "0")));

        Browser.signIn(driver, "http://localhost:" + port, "desk-browser", "desk-pass-114", () -> { });
        var wait = Browser.waitUpTo(driver, 30);
        wait.until(d -> !d.findElements(By.id("call-log")).isEmpty());
        // to the desk through the side navigation, as a user would
        driver.findElement(By.cssSelector("vaadin-side-nav-item[path='desk']")).click();
        wait.until(d -> !d.findElements(By.id("desk-state")).isEmpty());
        wait.until(d -> d.findElement(By.id("desk-state")).getText().contains("Психологтар: бос"));

        driver.findElement(By.id("desk-pause-break")).click();
        wait.until(d -> iface.equals(lastPause().get("Interface")) && "break".equals(lastPause().get("Reason")));
        play(List.of(AmiPacket.of("Event", "QueueMemberPause", "Queue", "psychologists", "MemberName",
                "Aigerim (psychologist)", "Interface", iface, "Paused", "1", "PausedReason", "break")));
        wait.until(d -> d.findElement(By.id("desk-state")).getText().contains("кідіртілген (break)"));

        driver.findElement(By.id("desk-available")).click();
        wait.until(d -> iface.equals(lastPause().get("Interface")) && "false".equalsIgnoreCase(lastPause().get("Paused")));
        play(List.of(AmiPacket.of("Event", "QueueMemberPause", "Queue", "psychologists", "MemberName",
                "Aigerim (psychologist)", "Interface", iface, "Paused", "0", "PausedReason", "")));
        wait.until(d -> !d.findElement(By.id("desk-state")).getText().contains("кідіртілген"));

        // a caller presses 1 and the queue rings her phone: the pop appears without a reload
        play(packets.subList(0, called + 1));
        wait.until(d -> !d.findElements(By.id("desk-pop-heading")).isEmpty()
                && d.findElement(By.id("desk-pop-heading")).getText().contains("Кіріс қоңырау"));
        assertThat(driver.findElement(By.id("desk-pop-caller")).getText()).contains("*");
        assertThat(driver.findElement(By.id("desk-pop-choice")).getText()).isEqualTo("1");

        driver.findElement(By.cssSelector("#desk-note textarea")).sendKeys("Отбасылық мәселе, кеңес берілді");
        var save = driver.findElement(By.id("desk-note-save")); // below the risk row: scrolled to, as a user would
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        Browser.screenshot(driver, "desk-screen-pop.png");
        play(packets.subList(called + 1, packets.size()));
        // the heading is scrolled out of the view (the note was below the risk row): its text, not what is seen
        wait.until(d -> String.valueOf(d.findElement(By.id("desk-pop-heading")).getDomProperty("textContent"))
                .contains("Қоңырау аяқталды"));

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            assertThat(calls.notes(new CallKey(PBX_ID, linkedid))).singleElement().satisfies(n -> {
                assertThat(n.author()).isEqualTo("desk-browser");
                assertThat(n.text()).isEqualTo("Отбасылық мәселе, кеңес берілді");
            });
        } finally {
            SecurityContextHolder.clearContext();
        }

        // on a 390 px phone the desk's buttons wrap: nothing runs off the side of the page
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.id("desk-pause-training")).isEmpty());
        Thread.sleep(500);
        var overflow = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var e = document.scrollingElement; return e.scrollWidth - e.clientWidth;")).intValue();
        var viewport = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.clientWidth;")).intValue();
        var training = driver.findElement(By.id("desk-pause-training"));
        assertThat(training.getRect().getX() + training.getRect().getWidth()).as("the last pause button in sight")
                .isLessThanOrEqualTo(viewport);
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(1);
        Browser.screenshot(driver, "desk-390.png");
    }
}
