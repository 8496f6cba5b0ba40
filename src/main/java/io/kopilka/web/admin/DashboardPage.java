package io.kopilka.web.admin;

import io.kopilka.analytics.Analytics;
import io.kopilka.analytics.Summary;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's first page: today and the last 30 days, in one summary of the analytics module
 * (today is its last day), with the points the program owes and those about to expire.
 */
@Controller
class DashboardPage {
    static final int DAYS = 30;

    private final Analytics analytics;
    private final Tenants tenants;
    private final Stores stores;
    private final Clock clock;

    DashboardPage(Analytics analytics, Tenants tenants, Stores stores, Clock clock) {
        this.analytics = analytics;
        this.tenants = tenants;
        this.stores = stores;
        this.clock = clock;
    }

    @GetMapping({"/admin", "/admin/"})
    String dashboard(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String store,
                     Model model, Locale locale) {
        Tenant business = tenants.get(me.tenant());
        LocalDate today = LocalDate.now(clock.withZone(business.timezone()));
        String storeCode = store == null || store.isBlank() ? null : store;
        Summary summary;
        try {
            summary = analytics.summary(me.tenant(), today.minusDays(DAYS - 1), today, storeCode);
        } catch (ApiProblem unknownStore) {
            storeCode = null;
            summary = analytics.summary(me.tenant(), today.minusDays(DAYS - 1), today, null);
        }
        model.addAttribute("dash", DashboardView.of(summary, business, locale));
        model.addAttribute("stores", stores.page(me.tenant(), null, 200));
        model.addAttribute("store", storeCode);
        return "admin/dashboard";
    }
}
