package kz.hotline114.ui.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.reports.BudgetForecasts;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.shell.RequestDays;
import kz.hotline114.shared.HotlineProperties;

/**
 * The communication budget's forecast (issue 17): {@code GET /api/reports/budget-forecast?project=&asOf=} (asOf:
 * today by default) → {@code {"budget", "spent", "wrongNumberSpent", "left", "dailyRate", "runsOutOn",
 * "lastsThePeriod", "calls", "wrongNumber", "wrongNumberShare", "filtered", "minutesSaved", "moneySaved", "byHour",
 * "byOperator", "byRegion", "byDay", "topNumbers"}}; numbers masked.
 */
@RestController
@RequestMapping("/api/reports")
class BudgetForecastApi {

    private final BudgetForecasts forecasts;
    private final Clock clock;
    private final HotlineProperties hotline;

    BudgetForecastApi(BudgetForecasts forecasts, Clock clock, HotlineProperties hotline) {
        this.forecasts = forecasts;
        this.clock = clock;
        this.hotline = hotline;
    }

    @GetMapping("/budget-forecast")
    @RolesAllowed({Roles.REPORTER, Roles.SUPERVISOR, Roles.ADMIN})
    Map<String, Object> forecast(@RequestParam(required = false) @Nullable String project,
                                 @RequestParam(required = false) @Nullable String asOf) {
        if (project == null || !project.strip().matches("\\d{1,18}")) {
            throw new IllegalArgumentException("'project' is required: a grant project's id");
        }
        LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now(clock.withZone(hotline.zone()))
                : RequestDays.day("asOf", asOf);
        var f = forecasts.forecast(Long.parseLong(project.strip()), day);
        var body = new LinkedHashMap<String, Object>();
        body.put("project", f.projectId());
        body.put("from", f.from().toString());
        body.put("asOf", f.asOf().toString());
        body.put("periodTo", f.periodTo().toString());
        body.put("budget", f.budget());
        body.put("spent", f.spent());
        body.put("wrongNumberSpent", f.wrongNumberSpent());
        body.put("left", f.left());
        body.put("dailyRate", f.dailyRate());
        body.put("runsOutOn", f.runsOutOn() == null ? null : f.runsOutOn().toString());
        body.put("lastsThePeriod", f.lastsThePeriod());
        body.put("calls", f.total().calls());
        body.put("wrongNumber", f.total().wrongNumber());
        body.put("wrongNumberShare", f.total().share());
        body.put("minutes", f.minutes());
        body.put("wrongNumberMinutes", f.wrongNumberMinutes());
        body.put("filtered", f.filtered());
        body.put("minutesSaved", f.minutesSaved());
        body.put("moneySaved", f.moneySaved());
        body.put("byHour", shares(f.byHour()));
        body.put("byOperator", shares(f.byOperator()));
        body.put("byRegion", shares(f.byRegion()));
        body.put("byDay", shares(f.byDay()));
        body.put("topNumbers", f.topNumbers());
        return body;
    }

    private static Map<String, Object> shares(Map<?, BudgetForecasts.Share> m) {
        var out = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> out.put(String.valueOf(k), Map.of("calls", v.calls(), "wrongNumber", v.wrongNumber(),
                "share", v.share())));
        return out;
    }
}
