package kz.hotline114.api;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import kz.hotline114.dashboard.Dashboard;
import kz.hotline114.dashboard.LiveBoard;

/**
 * {@code GET /api/live}: the line now, as the wall-board gets it — {@code {"callsInProgress", "queues":
 * [{"name", "waiting", "longestWaitSeconds", "available", "talking", "paused", ...}], "today": {"offered",
 * "answered", "abandoned", "wrongNumber", "noInput", "serviceLevel", ...}, ...}}; figures as defined in
 * {@link kz.hotline114.dashboard.Figure}.
 */
@RestController
class LiveApi {

    private final Dashboard dashboard;

    LiveApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/live")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    LiveBoard live() {
        return dashboard.refresh();
    }
}
