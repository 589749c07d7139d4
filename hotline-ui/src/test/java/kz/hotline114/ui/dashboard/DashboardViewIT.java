package kz.hotline114.ui.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import kz.hotline114.dashboard.Figure;
import kz.hotline114.live.MemberState;
import kz.hotline114.ui.KaribuIT;
import kz.hotline114.ui.LiveTraffic;
import kz.hotline114.ui.shell.HotlineI18n;

/** The dashboard (browserless): it follows a replayed call, and every figure carries its definition. */
@kz.hotline114.support.AwayFromMidnight // "today" before and after a call: not across midnight
class DashboardViewIT extends KaribuIT {

    static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    /** Waits (with a deadline) until the pushed view shows what {@code expected} says. */
    static void await(Supplier<Boolean> expected, Supplier<String> shown) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (expected.get()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dashboard still shows " + shown.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void a_caller_waiting_with_every_psychologist_paused_raises_an_alert_and_her_abandon_is_counted() throws Exception {
        var packets = LiveTraffic.now("abandoned-in-queue", 172);
        int joined = LiveTraffic.first(packets, "QueueCallerJoin");
        play(packets.subList(0, 1));
        signIn("dash-supervisor", "SUPERVISOR");
        UI.getCurrent().navigate(DashboardView.class);
        long abandonedBefore = Long.parseLong(text("figure-abandoned"));
        long offeredBefore = Long.parseLong(text("figure-offered"));
        assertThat(text("dashboard-risk")).as("today's callers at risk, counts only").startsWith("Бүгін қауіп белгілері: ")
                .contains("расталмаған: ").contains("кері қоңырауы кешіккен: ");

        onlyTheRecordingsMembers("psychologists", packets); // earlier tests leave specialists of their own
        play(packets.subList(1, joined + 1));
        await(() -> Integer.parseInt(text("queue-psychologists-waiting")) >= 1, () -> text("queue-psychologists-waiting"));
        var alerts = _get(Div.class, spec -> spec.withId("dashboard-alerts"));
        await(() -> alerts.getElement().getTextRecursively().contains("Психологтар: бос маман жоқ"),
                () -> alerts.getElement().getTextRecursively());
        assertThat(text("queue-psychologists-available")).isEqualTo("0");

        play(packets.subList(joined + 1, packets.size()));
        await(() -> Long.parseLong(text("figure-abandoned")) == abandonedBefore + 1, () -> text("figure-abandoned"));
        assertThat(Long.parseLong(text("figure-offered"))).isEqualTo(offeredBefore + 1);
        assertThat(_get(Div.class, spec -> spec.withId("dashboard-chart")).getElement().getChildCount()).isEqualTo(1);
    }

    /** The grid's row of one specialist, by the name the PBX gives the member; null when not listed. */
    private static SpecialistsNow.Row rowOf(SpecialistsNow grid, String name) {
        for (int i = 0; i < com.github.mvysny.kaributesting.v10.GridKt._size(grid); i++) {
            var row = com.github.mvysny.kaributesting.v10.GridKt._get(grid, i);
            if (row.name().equals(name)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void the_supervisor_sees_each_specialist_talking_for_how_long_on_which_call_and_answered_today() throws Exception {
        var packets = LiveTraffic.now("answered-psychologist", 177);
        int connected = LiveTraffic.first(packets, "AgentConnect");
        var name = packets.get(connected).get("MemberName");
        signIn("dash-supervisor-grid", "SUPERVISOR");
        UI.getCurrent().navigate(DashboardView.class);
        var grid = _get(SpecialistsNow.class);
        var zone = ctx.getBean(kz.hotline114.shared.HotlineProperties.class).zone();
        var today = java.time.LocalDate.now(ctx.getBean(java.time.Clock.class).withZone(zone)).atStartOfDay(zone)
                .toInstant();
        long before = ctx.getBean(kz.hotline114.calls.CallLog.class).answeredBy(today,
                today.plus(Duration.ofDays(1))).getOrDefault(name, 0L);
        onlyTheRecordingsMembers("psychologists", packets);
        play(packets.subList(0, connected + 1));
        await(() -> {
            var row = rowOf(grid, name);
            return row != null && row.callQueue() != null && row.state().equals("сөйлесуде");
        }, () -> String.valueOf(rowOf(grid, name)));
        var talking = rowOf(grid, name);
        assertThat(talking.callQueue()).isEqualTo("psychologists");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid,
                java.util.stream.IntStream.range(0, com.github.mvysny.kaributesting.v10.GridKt._size(grid))
                        .filter(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).name().equals(name))
                        .findFirst().orElseThrow())).anySatisfy(c -> assertThat(c).startsWith("Психологтар · "));
        // the specialist's phone puts the caller on hold: the grid says so (Asterisk's Hold on the specialist's leg)
        var leg = packets.get(connected);
        play(java.util.List.of(kz.hotline114.amisim.AmiPacket.of("Event", "Hold", "Privilege", "call,all", "Channel",
                leg.get("DestChannel"), "Uniqueid", leg.get("DestUniqueid"), "Linkedid", leg.get("Linkedid"))));
        await(() -> rowOf(grid, name) != null && rowOf(grid, name).state().equals("қоңырау шалушы күтуде"),
                () -> String.valueOf(rowOf(grid, name)));

        play(packets.subList(connected + 1, packets.size()));
        var clock = ctx.getBean(java.time.Clock.class);
        var calls = ctx.getBean(kz.hotline114.calls.CallLog.class);
        await(() -> { // a view reads today's counts when it opens (and on every board change)
            UI.getCurrent().navigate(kz.hotline114.ui.calls.CallLogView.class);
            UI.getCurrent().navigate(DashboardView.class);
            var row = rowOf(_get(SpecialistsNow.class), name);
            var now = java.time.LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
            long counted = calls.answeredBy(now, now.plus(Duration.ofDays(1))).getOrDefault(name, 0L);
            // the count is today's; when midnight did not pass during the test (a run at 23:59:30 may see it) it
            // has grown by this call
            return row != null && row.callQueue() == null && row.answeredToday() == counted
                    && (!now.equals(today) || counted == before + 1);
        }, () -> String.valueOf(rowOf(_get(SpecialistsNow.class), name)));
        // the queue's card: today's service level against its target (an answered call today: a share, not "–")
        assertThat(text("queue-psychologists-serviceLevel")).endsWith("%");
    }

    @Test
    void every_figure_shows_its_definition_as_help() {
        signIn("dash-admin", "ADMIN");
        UI.getCurrent().navigate(DashboardView.class);
        var i18n = new HotlineI18n();
        for (var f : Figure.values()) {
            if (f == Figure.CALLS_PER_HOUR) {
                continue; // the chart carries it
            }
            var value = _get(Span.class, spec -> spec.withId("figure-" + f.name().toLowerCase().replace('_', '-')));
            var box = value.getParent().orElseThrow();
            var definition = i18n.getTranslation(f.messageKey() + ".help", HotlineI18n.KAZAKH, 20);
            assertThat(box.getElement().getAttribute("title")).as(f.name()).isEqualTo(definition);
        }
        assertThat(_get(Div.class, spec -> spec.withId("dashboard-chart")).getElement().getChild(0).getAttribute("title"))
                .isEqualTo(i18n.getTranslation(Figure.CALLS_PER_HOUR.messageKey() + ".help", HotlineI18n.KAZAKH));
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("dashboard-wallboard-link"))
                .getHref()).startsWith("/wallboard.html?token=");
    }

    @Test
    void two_phones_of_one_specialist_are_told_apart_by_their_phone() {
        signIn("dash-supervisor-names", "SUPERVISOR");
        UI.getCurrent().navigate(DashboardView.class);
        var grid = _get(SpecialistsNow.class);
        var at = java.time.Instant.parse("2026-12-06T09:00:00Z");
        var free = MemberState.Status.AVAILABLE;
        var snapshot = new kz.hotline114.live.LiveSnapshot(at, java.util.List.of(new kz.hotline114.live.QueueState(
                "psychologists", java.util.List.of(new MemberState("PJSIP/201", "Aigerim", free, false, null, at),
                        new MemberState("Local/psy1@agents/n", "Aigerim", free, false, null, at),
                        new MemberState("PJSIP/202", "Daniyar", free, false, null, at)), java.util.List.of())),
                java.util.List.of());
        var rows = grid.rows(snapshot, java.util.Map.of(), at);
        assertThat(rows).extracting(grid::label).containsExactlyInAnyOrder("Aigerim · 201", "Aigerim · psy1", "Daniyar");
    }
}
