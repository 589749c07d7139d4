package kz.hotline114.ui.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.calls.CallLog;
import kz.hotline114.charts.ChartData;
import kz.hotline114.charts.ChartKind;
import kz.hotline114.charts.Charts;
import kz.hotline114.dashboard.Alert;
import kz.hotline114.dashboard.DailyFigures;
import kz.hotline114.dashboard.Dashboard;
import kz.hotline114.dashboard.DashboardProperties;
import kz.hotline114.dashboard.DayFigures;
import kz.hotline114.dashboard.Figure;
import kz.hotline114.dashboard.LiveBoard;
import kz.hotline114.dashboard.WallboardAccess;
import kz.hotline114.live.LiveCall;
import kz.hotline114.live.LiveModel;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;

/**
 * The supervisor's dashboard: alerts, queues now, calls in progress, today's figures (each with its
 * definition as help) and calls per hour. Pushed on every board change; durations tick every second.
 */
@Route("dashboard")
@Menu(title = "nav.dashboard", order = 20, icon = "vaadin:dashboard")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private final Dashboard dashboard;
    private final LiveModel live;
    private final BoardUpdates updates;
    private final Div alerts = new Div();
    private final Div queues = new Div();
    private final Div figures = new Div();
    private final Div chart = new Div();
    private final Grid<LiveCall> calls = new Grid<>();
    private final Span noCalls = new Span();
    /** Queue name → its "longest wait" value, rewritten every second. */
    private final Map<String, Span> waitLabels = new HashMap<>();
    private LiveBoard board;
    /** The PBX whose part of the line is shown (several PBXs); null = the whole line. */
    private @org.jspecify.annotations.Nullable String pbx;
    private @Nullable List<Long> chartedHours;
    private @Nullable Registration registration;
    private @Nullable Thread ticker;

    private final Clock clock;

    private final CallLog callLog;
    private final HotlineProperties props;
    private final SpecialistsNow specialists = new SpecialistsNow(this::queueName);
    private Map<String, Long> answeredToday = Map.of();

    private final DailyFigures dailyFigures;
    private final DashboardProperties dashboardProps;
    private List<DailyFigures.QueueLevel> levels = List.of();

    private final RiskFlags risk;
    /** Today's callers at risk: how many flagged (urgent), not yet seen by a supervisor, follow-ups overdue. */
    final Span riskLine = new Span();
    private java.time.@org.jspecify.annotations.Nullable Instant riskRenderedAt;

    DashboardView(Dashboard dashboard, LiveModel live, BoardUpdates updates, WallboardAccess wallboard, Clock clock,
                  CallLog callLog, HotlineProperties props, DailyFigures dailyFigures, DashboardProperties dashboardProps,
                  RiskFlags risk, kz.hotline114.pbx.Pbxs pbxs) {
        this.risk = risk;
        this.dailyFigures = dailyFigures;
        this.dashboardProps = dashboardProps;
        this.clock = clock;
        this.callLog = callLog;
        this.props = props;
        this.dashboard = dashboard;
        this.live = live;
        this.updates = updates;
        addClassName("dashboard");
        add(new H2(getTranslation("dashboard.title")));
        if (pbxs.ids().size() > 1) { // several PBXs: the whole line (their sum) or one PBX's part
            var picker = new com.vaadin.flow.component.select.Select<String>();
            picker.setLabel(getTranslation("dashboard.pbx"));
            var items = new ArrayList<String>();
            items.add("");
            items.addAll(pbxs.ids());
            picker.setItems(items);
            picker.setItemLabelGenerator(id -> id.isEmpty() ? getTranslation("dashboard.pbx.all") : id);
            picker.setValue("");
            picker.setId("dashboard-pbx");
            picker.addValueChangeListener(e -> {
                pbx = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
                render(dashboard.refresh());
            });
            add(picker);
        }
        alerts.setId("dashboard-alerts");
        alerts.addClassName("dash-alerts");
        queues.setId("dashboard-queues");
        queues.addClassName("dash-cards");
        figures.setId("dashboard-figures");
        figures.addClassName("dash-figures");
        chart.setId("dashboard-chart");
        chart.addClassName("dash-chart");
        calls.setId("dashboard-calls");
        calls.setAllRowsVisible(true);
        calls.addColumn(c -> getTranslation("dashboard.stage." + c.stage().name()))
                .setHeader(getTranslation("dashboard.calls.stage"));
        calls.addColumn(c -> c.queue() == null ? getTranslation("dashboard.none") : queueName(c.queue()))
                .setHeader(getTranslation("dashboard.calls.queue"));
        calls.addColumn(c -> clock(Duration.between(c.startedAt(), clock.instant())))
                .setHeader(getTranslation("dashboard.calls.duration"));
        noCalls.setText(getTranslation("dashboard.calls.none"));
        noCalls.addClassName("muted");
        noCalls.setId("dashboard-no-calls");

        riskLine.setId("dashboard-risk");
        var riskRow = new Div(riskLine, new com.vaadin.flow.router.RouterLink(getTranslation("risk.menu"),
                kz.hotline114.ui.risk.RiskView.class));
        riskRow.addClassName("dash-risk");
        add(alerts, riskRow, new H3(getTranslation("dashboard.queues")), queues,
                new H3(getTranslation("dashboard.specialists")), specialists,
                new H3(getTranslation("dashboard.calls")), noCalls,
                calls, new H3(getTranslation("dashboard.today")), figures, chart);
        if (CurrentUser.has(Role.ADMIN)) {
            var link = new Anchor("/wallboard.html?token=" + wallboard.token(), getTranslation("dashboard.wallboard"));
            link.setTarget("_blank");
            link.setId("dashboard-wallboard-link");
            Tooltip.forComponent(link).setText(getTranslation("dashboard.wallboard.help"));
            add(link);
        }
        board = dashboard.refresh();
        render(board);
    }

    private void render(LiveBoard whole) {
        var b = pbx == null ? whole : dashboard.board(pbx);
        this.board = b;
        levels = dailyFigures.queuesToday();
        renderQueues(b);
        renderFigures(pbx == null ? dashboard.today()
                : dailyFigures.of(LocalDate.now(clock.withZone(props.zone())), pbx));
        var today = LocalDate.now(clock.withZone(props.zone())).atStartOfDay(props.zone()).toInstant();
        answeredToday = callLog.answeredBy(today, today.plus(Duration.ofDays(1)));
        renderRisk(today);
        tick();
    }

    /**
     * Today's risk line: three queries, so at most every 5 s — the view renders on every live change, many a second
     * in a burst; a flag reaches the supervisor at once by its own pop-up anyway.
     */
    private void renderRisk(java.time.Instant today) {
        var now = clock.instant();
        if (riskRenderedAt != null && Duration.between(riskRenderedAt, now).compareTo(Duration.ofSeconds(5)) < 0) {
            return;
        }
        riskRenderedAt = now;
        var f = risk.figures(today, today.plus(Duration.ofDays(1)));
        String ack = f.ackSecondsP50() == null ? getTranslation("dashboard.none")
                : getTranslation("dashboard.risk.ack", Math.round(f.ackSecondsP50()), Math.round(f.ackSecondsP95()));
        riskLine.setText(getTranslation("dashboard.risk", f.flags(), f.byLevel().getOrDefault(RiskFlags.Level.URGENT, 0L),
                risk.waitingCount(), risk.overdueCount(), ack) + " · ");
    }

    /** Every second: call durations, waits and the alerts that depend on them. */
    private void tick() {
        var now = clock.instant();
        var snapshot = pbx == null ? live.snapshot() : live.snapshot(pbx);
        var list = new ArrayList<>(snapshot.calls());
        calls.setItems(list);
        calls.setVisible(!list.isEmpty());
        noCalls.setVisible(list.isEmpty());
        for (var q : snapshot.queues()) {
            var wait = waitLabels.get(q.name());
            if (wait != null) {
                var longest = q.longestWait(now);
                wait.setText(getTranslation("dashboard.seconds", Math.max(0, longest.toSeconds())));
                var t = dashboardProps.target(q.name());
                wait.setClassName("tone-warn", longest.compareTo(t.waitWarn()) >= 0 && longest.compareTo(t.waitAlert()) < 0);
                wait.setClassName("tone-bad", longest.compareTo(t.waitAlert()) >= 0);
            }
        }
        renderAlerts(dashboard.alerts(snapshot, board.pbxConnected(), now));
        specialists.show(snapshot, answeredToday, now);
    }

    private void renderAlerts(List<Alert> list) {
        alerts.removeAll();
        if (list.isEmpty()) {
            var none = new Span(getTranslation("dashboard.alerts.none"));
            none.addClassName("dash-ok");
            alerts.add(none);
            return;
        }
        for (var a : list) {
            var text = switch (a.kind()) {
                case LONG_WAIT -> getTranslation("dashboard.alert.LONG_WAIT", queueName(a.queue()), a.seconds());
                case NO_SPECIALIST -> getTranslation("dashboard.alert.NO_SPECIALIST", queueName(a.queue()));
                case PBX_DOWN -> getTranslation("dashboard.alert.PBX_DOWN");
            };
            var s = new Span(text);
            s.addClassName("dash-alert");
            s.addClassName("dash-alert-" + a.kind().name());
            alerts.add(s);
        }
    }

    private void renderQueues(LiveBoard b) {
        queues.removeAll();
        waitLabels.clear();
        for (var q : b.queues()) {
            var card = new Div();
            card.addClassName("dash-card");
            card.setId("queue-" + q.name());
            var title = new Span(queueName(q.name()));
            title.addClassName("dash-card-title");
            card.add(title);
            card.add(number(q.name(), "waiting", q.waiting(), q.waiting() > 0 ? "warn" : ""));
            card.add(number(q.name(), "available", q.available(), q.available() == 0 ? "bad" : "good"));
            card.add(number(q.name(), "talking", q.talking(), ""));
            card.add(number(q.name(), "paused", q.paused(), ""));
            card.add(number(q.name(), "wrapUp", q.wrapUp(), ""));
            var wait = new Span(getTranslation("dashboard.seconds", q.longestWaitSeconds()));
            wait.setId("queue-" + q.name() + "-longestWait");
            waitLabels.put(q.name(), wait);
            var row = new Div(new Span(getTranslation("dashboard.queue.longestWait")), wait);
            row.addClassName("dash-row");
            card.add(row);
            card.add(serviceLevel(q.name()));
            queues.add(card);
        }
    }

    /** Today's service level of a queue against its own target: green on target, red below it. */
    private Div serviceLevel(String queue) {
        var level = levels.stream().filter(l -> l.queue().equals(queue)).findFirst().orElse(null);
        var target = dashboardProps.target(queue);
        var value = new Span(level == null || level.level() == null ? "–" : Math.round(level.level() * 100) + " %");
        value.setId("queue-" + queue + "-serviceLevel");
        value.addClassNames("dash-value", level == null || level.level() == null ? "tone-muted"
                : level.onTarget() ? "tone-good" : "tone-bad");
        var label = new Span(getTranslation("dashboard.queue.serviceLevel", target.serviceLevelSeconds(),
                target.targetPercent()));
        var row = new Div(label, value);
        row.addClassName("dash-row");
        return row;
    }

    private Div number(String queue, String what, long value, String tone) {
        var v = new Span(String.valueOf(value));
        v.setId("queue-" + queue + "-" + what);
        v.addClassName("dash-value");
        if (!tone.isEmpty()) {
            v.addClassName("tone-" + tone);
        }
        var row = new Div(new Span(getTranslation("dashboard.queue." + what)), v);
        row.addClassName("dash-row");
        return row;
    }

    private void renderFigures(DayFigures f) {
        figures.removeAll();
        figure(Figure.OFFERED, String.valueOf(f.offered()));
        figure(Figure.ANSWERED, String.valueOf(f.answered()));
        figure(Figure.ABANDONED, String.valueOf(f.abandoned()));
        figure(Figure.ABANDONED_SHORT, String.valueOf(f.abandonedShort()));
        figure(Figure.UNANSWERED, String.valueOf(f.unanswered()));
        figure(Figure.WRONG_NUMBER, String.valueOf(f.wrongNumber()));
        figure(Figure.WRONG_NUMBER_DECLARED, String.valueOf(f.wrongNumberDeclared()));
        figure(Figure.WRONG_NUMBER_SHORT, String.valueOf(f.wrongNumberShort()));
        figure(Figure.NO_INPUT, String.valueOf(f.noInput()));
        figure(Figure.SERVICE_LEVEL, f.serviceLevel() == null ? getTranslation("dashboard.none")
                : String.format(Locale.ROOT, "%.0f%%", f.serviceLevel() * 100));
        figure(Figure.AVERAGE_WAIT, f.averageWaitSeconds() == null ? getTranslation("dashboard.none")
                : getTranslation("dashboard.seconds", Math.round(f.averageWaitSeconds())));
        figure(Figure.AVERAGE_TALK, f.averageTalkSeconds() == null ? getTranslation("dashboard.none")
                : getTranslation("dashboard.seconds", Math.round(f.averageTalkSeconds())));
        var busiest = f.busiestHour();
        figure(Figure.BUSIEST_HOUR, busiest.isEmpty() ? getTranslation("dashboard.none")
                : getTranslation("dashboard.hour", String.format(Locale.ROOT, "%02d", busiest.getAsInt())));
        if (!f.callsPerHour().equals(chartedHours)) {
            renderChart(f);
        }
    }

    private void figure(Figure figure, String value) {
        var label = new Span(getTranslation(figure.messageKey()));
        label.addClassName("dash-figure-label");
        var v = new Span(value);
        v.addClassName("dash-figure-value");
        v.setId("figure-" + figure.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        var help = new Span("?");
        help.addClassName("dash-help");
        var definition = definition(figure);
        help.getElement().setAttribute("aria-label", getTranslation("dashboard.help") + ": " + definition);
        Tooltip.forComponent(help).setText(definition);
        var box = new Div(label, help, v);
        box.addClassName("dash-figure");
        box.getElement().setAttribute("title", definition);
        figures.add(box);
    }

    private String definition(Figure figure) {
        return figure == Figure.SERVICE_LEVEL
                ? getTranslation(figure.messageKey() + ".help", board.today().serviceLevelSeconds())
                : getTranslation(figure.messageKey() + ".help");
    }

    private void renderChart(DayFigures f) {
        chartedHours = f.callsPerHour();
        var hours = new ArrayList<String>();
        for (int h = 0; h < 24; h++) {
            hours.add(String.format(Locale.ROOT, "%02d", h));
        }
        var data = new ChartData(getTranslation("dashboard.chart.title"), getTranslation("dashboard.chart.hour"),
                getTranslation("dashboard.chart.calls"), hours, List.of(
                new ChartData.Series(getTranslation("dashboard.chart.today"), f.callsPerHour()),
                new ChartData.Series(getTranslation("dashboard.chart.weekAgo"), f.callsPerHourWeekAgo())));
        chart.removeAll();
        var svg = new Svg(Charts.svg(ChartKind.BAR, data, 900, 300));
        svg.setId("dashboard-chart-svg");
        svg.getElement().setAttribute("title", definition(Figure.CALLS_PER_HOUR));
        chart.add(svg);
    }

    private String queueName(@Nullable String queue) {
        if (queue == null) {
            return getTranslation("dashboard.none");
        }
        var t = getTranslation("queue." + queue);
        return t.startsWith("!") ? queue : t;
    }

    private static String clock(Duration d) {
        return SpecialistsNow.clock(d);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        var ui = event.getUI();
        registration = updates.register(b -> ui.access(() -> render(b)));
        ticker = Thread.ofVirtual().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1_000);
                    ui.access(this::tick);
                }
            } catch (InterruptedException | UIDetachedException e) {
                // view closed
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (registration != null) {
            registration.remove();
        }
        if (ticker != null) {
            ticker.interrupt();
        }
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · " + getTranslation("app.title");
    }
}
