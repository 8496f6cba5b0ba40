package io.kopilka.web.till;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
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
 * A refusal no till form catches (another business's member, a purchase that is not this member's) as a
 * till page with its status, in the cashier's language, instead of the API's problem+json.
 */
@ControllerAdvice(basePackages = "io.kopilka.web.till")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TillProblemPages {
    private final Tenants tenants;

    TillProblemPages(Tenants tenants) {
        this.tenants = tenants;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Locale locale, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        response.setStatus(problem.status());
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!(signedIn != null && signedIn.getPrincipal() instanceof StaffMember me)) {
            return "staff/denied";
        }
        model.addAttribute("me", me);
        model.addAttribute("business", tenants.get(me.tenant()));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("problem", FormErrors.of(problem, locale));
        model.addAttribute("missing", problem.status() == 404);
        return "till/problem";
    }
}
