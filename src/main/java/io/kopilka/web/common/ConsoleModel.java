package io.kopilka.web.common;

import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout shows: who is signed in, the business, the sidebar, the language. */
@ControllerAdvice(basePackages = "io.kopilka.web.admin")
class ConsoleModel {
    private final Tenants tenants;

    ConsoleModel(Tenants tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute("me")
    StaffMember me(@AuthenticationPrincipal StaffMember staff) {
        return staff;
    }

    @ModelAttribute("business")
    Tenant business(@AuthenticationPrincipal StaffMember staff) {
        return staff == null ? null : tenants.get(staff.tenant());
    }

    @ModelAttribute("nav")
    List<ConsoleNavigation.Item> nav(@AuthenticationPrincipal StaffMember staff) {
        return staff == null ? List.of() : ConsoleNavigation.forRole(staff.role());
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
