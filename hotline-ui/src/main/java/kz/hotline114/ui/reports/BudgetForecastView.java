package kz.hotline114.ui.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.charts.ChartData;
import kz.hotline114.charts.ChartKind;
import kz.hotline114.charts.Charts;
import kz.hotline114.reports.BudgetForecasts;
import kz.hotline114.reports.BudgetForecasts.Forecast;
import kz.hotline114.reports.BudgetForecasts.Share;
import kz.hotline114.reports.GrantProject;
import kz.hotline114.reports.GrantProjects;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * The communication budget's forecast for supervisors and reporters (issue 17): what the free line's minutes have cost
 * a grant project so far, how much of it went on wrong numbers (by day, hour, operator and region; the numbers that
 * call wrong most, masked), what the filter of known misdialers saved, and — at the last 30 days' rate — the day the
 * budget runs out, drawn against the budget.
 */
@Route("reports/budget")
@Menu(title = "budget.menu", order = 125, icon = "vaadin:money")
@RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
public class BudgetForecastView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** At most this many days on the spending chart's axis (a year is drawn week by week). */
    static final int CHART_POINTS = 40;

    private final BudgetForecasts forecasts;
    final ComboBox<GrantProject> project = new ComboBox<>();
    final DateField asOf = new DateField();
    final Paragraph verdict = new Paragraph();
    final Div figures = new Div();
    final Div spendingChart = new Div();
    final Div hourChart = new Div();
    final Grid<Row> byOperator = shareGrid("budget-by-operator");
    final Grid<Row> byRegion = shareGrid("budget-by-region");
    final Grid<Row> byDay = shareGrid("budget-by-day");
    final Grid<BudgetForecasts.TopNumber> top = new Grid<>();
    @Nullable Forecast shown;

    /** A line of a breakdown: the name shown and its calls. */
    record Row(String name, Share share) {
    }

    BudgetForecastView(BudgetForecasts forecasts, GrantProjects projects, Clock clock, HotlineProperties hotline) {
        this.forecasts = forecasts;
        setMaxWidth("90em");
        project.setId("budget-project");
        project.setLabel(getTranslation("budget.project"));
        project.setItemLabelGenerator(GrantProject::name);
        project.setWidth("28em");
        project.setItems(projects.list());
        asOf.setId("budget-as-of");
        asOf.setLabel(getTranslation("budget.asOf"));
        asOf.setValue(LocalDate.now(clock.withZone(hotline.zone())));
        var controls = new HorizontalLayout(project, asOf);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        verdict.setId("budget-verdict");
        figures.addClassName("dash-figures");
        figures.setId("budget-figures");
        spendingChart.addClassName("dash-chart");
        hourChart.addClassName("dash-chart");
        configureTop();
        add(new H2(getTranslation("budget.title")), new Paragraph(getTranslation("budget.intro")), controls, verdict,
                figures, spendingChart, hourChart, section("budget.byOperator", byOperator),
                section("budget.byRegion", byRegion), section("budget.top", top), section("budget.byDay", byDay));
        project.addValueChangeListener(e -> show());
        asOf.addValueChangeListener(e -> show());
        projects.list().stream().findFirst().ifPresent(project::setValue);
    }

    /** {@code ?project=<id>&asOf=<yyyy-MM-dd>}: a forecast to bookmark or send; anything unreadable is ignored. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        query.getSingleParameter("project").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong)
                .flatMap(id -> project.getListDataView().getItems().filter(p -> p.id() == id).findFirst())
                .ifPresent(project::setValue);
        query.getSingleParameter("asOf").flatMap(BudgetForecastView::day).ifPresent(asOf::setValue);
    }

    private static java.util.Optional<LocalDate> day(String value) {
        try {
            return java.util.Optional.of(LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private Div section(String title, Grid<?> grid) {
        var box = new Div(new H3(getTranslation(title)), grid);
        box.setWidthFull();
        return box;
    }

    private Grid<Row> shareGrid(String id) {
        var grid = new Grid<Row>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Row::name).setHeader(getTranslation("budget.col.name")).setFlexGrow(1);
        grid.addColumn(r -> r.share().calls()).setHeader(getTranslation("budget.col.calls")).setAutoWidth(true);
        grid.addColumn(r -> r.share().wrongNumber()).setHeader(getTranslation("budget.col.wrong")).setAutoWidth(true);
        grid.addColumn(r -> percent(r.share().share())).setHeader(getTranslation("budget.col.share")).setAutoWidth(true);
        return grid;
    }

    private void configureTop() {
        top.setId("budget-top");
        top.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        top.setAllRowsVisible(true);
        top.setEmptyStateText(getTranslation("budget.topNone"));
        top.addColumn(BudgetForecasts.TopNumber::number).setHeader(getTranslation("budget.col.number")).setFlexGrow(1);
        top.addColumn(BudgetForecasts.TopNumber::calls).setHeader(getTranslation("budget.col.wrong")).setAutoWidth(true);
        top.addColumn(BudgetForecasts.TopNumber::minutes).setHeader(getTranslation("budget.col.minutes"))
                .setAutoWidth(true);
    }

    void show() {
        var p = project.getValue();
        figures.removeAll();
        spendingChart.removeAll();
        hourChart.removeAll();
        if (p == null || asOf.getValue() == null) {
            shown = null;
            verdict.setText(getTranslation("budget.choose"));
            return;
        }
        var f = forecasts.forecast(p.id(), asOf.getValue());
        shown = f;
        verdict.setText(verdict(f));
        figures(f);
        spendingChart.add(svg("budget-spending-chart", Charts.svg(ChartKind.LINE, spending(f), 1000, 340)));
        hourChart.add(svg("budget-hour-chart", Charts.svg(ChartKind.BAR, hours(f), 1000, 280)));
        byOperator.setItems(rows(f.byOperator(), "budget.operator."));
        byRegion.setItems(rows(f.byRegion(), "budget.region."));
        byDay.setItems(f.byDay().entrySet().stream().sorted(Map.Entry.<LocalDate, Share>comparingByKey().reversed())
                .map(e -> new Row(Formats.DATE.format(e.getKey()), e.getValue())).toList());
        top.setItems(f.topNumbers());
    }

    private String verdict(Forecast f) {
        if (f.budget() == null) {
            return getTranslation("budget.noBudget");
        }
        var runsOut = f.runsOutOn();
        if (runsOut != null && !runsOut.isAfter(f.asOf())) {
            return getTranslation("budget.verdict.spent", Formats.DATE.format(runsOut));
        }
        if (runsOut == null) {
            return getTranslation("budget.verdict.noSpending");
        }
        return f.lastsThePeriod()
                ? getTranslation("budget.verdict.lasts", Formats.DATE.format(runsOut), Formats.DATE.format(f.periodTo()))
                : getTranslation("budget.verdict.runsOut", Formats.DATE.format(runsOut),
                        ChronoUnit.DAYS.between(runsOut, f.periodTo()), Formats.DATE.format(f.periodTo()));
    }

    private void figures(Forecast f) {
        figure("budget", getTranslation("budget.fig.budget"), f.budget() == null ? "—" : money(f.budget()));
        figure("spent", getTranslation("budget.fig.spent"), money(f.spent()));
        figure("wrong-spent", getTranslation("budget.fig.wrongSpent"), money(f.wrongNumberSpent()));
        figure("left", getTranslation("budget.fig.left"), f.left() == null ? "—" : money(f.left()));
        figure("rate", getTranslation("budget.fig.rate", BudgetForecasts.RATE_DAYS), money(f.dailyRate()));
        figure("runs-out", getTranslation("budget.fig.runsOut"),
                f.runsOutOn() == null ? "—" : Formats.DATE.format(f.runsOutOn()));
        figure("share", getTranslation("budget.fig.share"), percent(f.total().share()) + " ("
                + f.total().wrongNumber() + " / " + f.total().calls() + ")");
        figure("filtered", getTranslation("budget.fig.filtered"), String.valueOf(f.filtered()));
        figure("saved", getTranslation("budget.fig.saved"),
                getTranslation("budget.minutes", f.minutesSaved()) + " · " + money(f.moneySaved()));
    }

    private void figure(String id, String label, String value) {
        var l = new Span(label);
        l.addClassName("dash-figure-label");
        var v = new Span(value);
        v.addClassName("dash-figure-value");
        v.setId("budget-fig-" + id);
        var box = new Div(l, v);
        box.addClassName("dash-figure");
        figures.add(box);
    }

    /** Spent so far, the forecast at the current rate and the budget, on one axis of (sampled) days. */
    private ChartData spending(Forecast f) {
        var days = chartDays(f.from(), f.asOf(), f.periodTo());
        var spent = new ArrayList<@Nullable Number>();
        var forecast = new ArrayList<@Nullable Number>();
        var budget = new ArrayList<@Nullable Number>();
        var labels = new ArrayList<String>();
        for (var d : days) {
            labels.add(Formats.DAY_MONTH.format(d));
            spent.add(d.isAfter(f.asOf()) ? null : f.spending().get((int) ChronoUnit.DAYS.between(f.from(), d)).spent());
            forecast.add(d.isBefore(f.asOf()) ? null
                    : f.projection().get((int) ChronoUnit.DAYS.between(f.asOf(), d)).spent());
            budget.add(f.budget());
        }
        var series = new ArrayList<ChartData.Series>(List.of(
                new ChartData.Series(getTranslation("budget.chart.spent"), spent),
                new ChartData.Series(getTranslation("budget.chart.forecast"), forecast)));
        if (f.budget() != null) {
            series.add(new ChartData.Series(getTranslation("budget.chart.budget"), budget));
        }
        return new ChartData(getTranslation("budget.chart.title"), "", getTranslation("budget.chart.tenge"), labels,
                series);
    }

    /** Every day of the project, or every n-th (with {@code asOf} and the last day always on it). */
    static List<LocalDate> chartDays(LocalDate from, LocalDate asOf, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        long step = Math.max(1, (span + CHART_POINTS - 1) / CHART_POINTS);
        var days = new ArrayList<LocalDate>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
            if (d.isAfter(asOf) && (days.isEmpty() || days.getLast().isBefore(asOf))) {
                days.add(asOf);
            }
            days.add(d);
        }
        if (days.getLast().isBefore(asOf)) {
            days.add(asOf);
        }
        if (days.getLast().isBefore(to)) {
            days.add(to);
        }
        return days;
    }

    private ChartData hours(Forecast f) {
        var labels = new ArrayList<String>();
        var calls = new ArrayList<Long>();
        var wrong = new ArrayList<Long>();
        for (int h = 0; h < 24; h++) {
            labels.add(String.format(Locale.ROOT, "%02d", h));
            var s = f.byHour().getOrDefault(h, new Share(0, 0));
            calls.add(s.calls());
            wrong.add(s.wrongNumber());
        }
        return new ChartData(getTranslation("budget.hours.title"), getTranslation("budget.hours.hour"),
                getTranslation("budget.col.calls"), labels, List.of(
                new ChartData.Series(getTranslation("budget.col.calls"), calls),
                new ChartData.Series(getTranslation("budget.col.wrong"), wrong)));
    }

    private List<Row> rows(Map<String, Share> shares, String keyPrefix) {
        return shares.entrySet().stream().map(e -> new Row(name(keyPrefix, e.getKey()), e.getValue())).toList();
    }

    /** MOBILE, LANDLINE, UNKNOWN are translated; operators and regions are names already. */
    private String name(String keyPrefix, String key) {
        return switch (key) {
            case "MOBILE", "LANDLINE", "UNKNOWN" -> getTranslation(keyPrefix + key);
            default -> key;
        };
    }

    private static Svg svg(String id, String svg) {
        var s = new Svg(svg);
        s.setId(id);
        return s;
    }

    private String money(BigDecimal amount) {
        return getTranslation("budget.tenge", String.format(Locale.ROOT, "%,.0f", amount).replace(',', '\u00a0'));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.title") + " · " + getTranslation("app.title");
    }
}
