package kz.hotline114.reports.internal;

import org.springframework.security.access.AccessDeniedException;

import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

/** Who may read and who may write reports (checked in the services, whatever screen or API calls them). */
final class ReportAccess {

    private ReportAccess() {
    }

    /** Reports hold aggregates only: reporters, supervisors and admins read them. */
    static void read() {
        if (!(CurrentUser.has(Role.REPORTER) || CurrentUser.has(Role.SUPERVISOR) || CurrentUser.has(Role.ADMIN))) {
            throw new AccessDeniedException("reports are for reporters, supervisors and admins");
        }
    }

    /** The grantee's staff and admins write projects and reports. */
    static void write() {
        if (!(CurrentUser.has(Role.REPORTER) || CurrentUser.has(Role.ADMIN))) {
            throw new AccessDeniedException("reports are written by reporters and admins");
        }
    }
}
