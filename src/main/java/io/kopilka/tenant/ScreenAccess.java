package io.kopilka.tenant;

import java.util.List;

/**
 * Which screens a staff role opens: with the API's rules in {@code ApiSecurityConfiguration}, the
 * whole access matrix. An owner opens everything; a manager the console's dashboard and reports,
 * members (with gifts and adjustments), coupons and the campaign calendar, but not keys, staff or the
 * program's set-up; a cashier the till only. A console page not listed here is the owner's, so a new
 * page is closed to managers until someone decides otherwise.
 */
public final class ScreenAccess {
    private static final List<String> MANAGER_PAGES = List.of("/admin/members", "/admin/coupons", "/admin/reports",
            "/admin/calendar", "/admin/account", "/admin/language");

    private ScreenAccess() {
    }

    public static boolean allows(StaffRole role, String path) {
        if (path.equals("/till") || path.startsWith("/till/")) {
            return true;
        }
        if (!(path.equals("/admin") || path.startsWith("/admin/"))) {
            return false;
        }
        return switch (role) {
            case OWNER -> true;
            case MANAGER -> path.equals("/admin") || path.equals("/admin/")
                    || MANAGER_PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
            case CASHIER -> false;
        };
    }

    /** Where a role lands after signing in. */
    public static String home(StaffRole role) {
        return role == StaffRole.CASHIER ? "/till" : "/admin";
    }
}
