package io.kopilka.web.till;

import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every till page's layout shows: who is at the till, the business, the language. */
@ControllerAdvice(basePackages = "io.kopilka.web.till")
class TillModel {
    private final Tenants tenants;
    private final TillScreen screen;

    TillModel(Tenants tenants, TillScreen screen) {
        this.tenants = tenants;
        this.screen = screen;
    }

    /** Where this till records: the account's store. */
    @ModelAttribute("store")
    String store(@AuthenticationPrincipal StaffMember staff) {
        return staff == null ? null : screen.store(staff);
    }

    @ModelAttribute("me")
    StaffMember me(@AuthenticationPrincipal StaffMember staff) {
        return staff;
    }

    @ModelAttribute("business")
    Tenant business(@AuthenticationPrincipal StaffMember staff) {
        return staff == null ? null : tenants.get(staff.tenant());
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }
}
