package io.kopilka.web.common;

import io.kopilka.tenant.ScreenAccess;
import io.kopilka.tenant.StaffRole;
import java.util.List;

/** The console's sidebar: every section, and the ones a role may open ({@link ScreenAccess} decides). */
public final class ConsoleNavigation {
    /** A section: its path, and its name's message key. */
    public record Item(String path, String label, String group) {
        public boolean current(String requestPath) {
            return path.equals("/admin") ? requestPath.equals("/admin") || requestPath.equals("/admin/")
                    : requestPath.equals(path) || requestPath.startsWith(path + "/");
        }
    }

    private static final List<Item> ITEMS = List.of(
            new Item("/admin", "console.nav.dashboard", "daily"),
            new Item("/admin/members", "console.nav.members", "daily"),
            new Item("/admin/coupons", "console.nav.coupons", "daily"),
            new Item("/admin/calendar", "console.nav.calendar", "daily"),
            new Item("/admin/program", "console.nav.program", "program"),
            new Item("/admin/rules", "console.nav.rules", "program"),
            new Item("/admin/tiers", "console.nav.tiers", "program"),
            new Item("/admin/rewards", "console.nav.rewards", "program"),
            new Item("/admin/challenges", "console.nav.challenges", "program"),
            new Item("/admin/causes", "console.nav.causes", "program"),
            new Item("/admin/notifications", "console.nav.notifications", "program"),
            new Item("/admin/faq", "console.nav.faq", "program"),
            new Item("/admin/webhooks", "console.nav.webhooks", "business"),
            new Item("/admin/stores", "console.nav.stores", "business"),
            new Item("/admin/api-keys", "console.nav.keys", "business"),
            new Item("/admin/staff", "console.nav.staff", "business"),
            new Item("/admin/audit", "console.nav.audit", "business"));

    private ConsoleNavigation() {
    }

    public static List<Item> forRole(StaffRole role) {
        return ITEMS.stream().filter(i -> ScreenAccess.allows(role, i.path())).toList();
    }

    public static List<Item> all() {
        return ITEMS;
    }
}
