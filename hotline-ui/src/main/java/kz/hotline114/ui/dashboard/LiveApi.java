package kz.hotline114.ui.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.annotation.security.RolesAllowed;

import kz.hotline114.dashboard.Dashboard;
import kz.hotline114.dashboard.LiveBoard;
import kz.hotline114.security.Roles;

/**
 * {@code GET /api/live}: the line now, as the wall-board gets it — {@code {"callsInProgress", "queues":
 * [{"name", "waiting", "longestWaitSeconds", "available", "talking", "paused", ...}], "today": {"offered",
 * "answered", "abandoned", "wrongNumber", "noInput", "serviceLevel", ...}, ...}}; figures as defined in
 * {@link kz.hotline114.dashboard.Figure}; {@code ?pbx=} for one PBX's (404 for a PBX this node does not know).
 */
@RestController
class LiveApi {

    private final Dashboard dashboard;

    LiveApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /** The whole line, or one PBX's part of it ({@code ?pbx=}; several PBXs). */
    @GetMapping("/api/live")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    LiveBoard live(@org.springframework.web.bind.annotation.RequestParam(required = false)
                   @org.jspecify.annotations.Nullable String pbx) {
        return pbx == null || pbx.isBlank() ? dashboard.refresh() : dashboard.board(pbx.strip());
    }
}
