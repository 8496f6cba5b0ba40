package io.kopilka.web.admin.members;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.web.common.FormErrors;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.ConsoleNavigation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal no form catches (another tenant's member, a cursor that is no cursor) as a page of the
 * console with the refusal's status, not the API's problem+json: ahead of the API's advice, for these
 * pages only.
 */
@ControllerAdvice(basePackageClasses = ConsoleProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblems {
    private final Tenants tenants;

    ConsoleProblems(Tenants tenants) {
        this.tenants = tenants;
    }

    /** An exception's model has none of the layout's attributes ({@code ConsoleModel}'s): they are added here. */
    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Locale locale, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        response.setStatus(problem.status());
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        StaffMember me = signedIn != null && signedIn.getPrincipal() instanceof StaffMember staff ? staff : null;
        if (me == null) {
            return "staff/denied";
        }
        model.addAttribute("me", me);
        model.addAttribute("business", tenants.get(me.tenant()));
        model.addAttribute("nav", ConsoleNavigation.forRole(me.role()));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("problem", FormErrors.of(problem, locale));
        model.addAttribute("missing", problem.status() == 404);
        return "admin/members/problem";
    }
}
