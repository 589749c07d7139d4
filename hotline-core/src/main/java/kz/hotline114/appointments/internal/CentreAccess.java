package kz.hotline114.appointments.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import kz.hotline114.security.CurrentUser;
import kz.hotline114.security.Role;

/** Who may do what at the centre: staff book and see appointments and contacts; reporters see counts and events. */
final class CentreAccess {

    static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.SPECIALIST, Role.SUPERVISOR, Role.ADMIN);

    private CentreAccess() {
    }

    static boolean staff() {
        return STAFF.stream().anyMatch(CurrentUser::has);
    }

    static void requireStaff(String what) {
        if (!staff()) {
            throw new AccessDeniedException(what + " is for operators, specialists, supervisors and admins");
        }
    }

    static void requireStaffOrReporter(String what) {
        if (!staff() && !CurrentUser.has(Role.REPORTER)) {
            throw new AccessDeniedException(what + " needs a signed-in user of the hotline");
        }
    }

    static void requireAdmin(String what) {
        if (!CurrentUser.has(Role.ADMIN) && !CurrentUser.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException(what + " is for supervisors and admins");
        }
    }
}
