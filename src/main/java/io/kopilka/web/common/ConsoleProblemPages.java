package io.kopilka.web.common;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
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
 * A refusal that no form of the console catches (another business's id, a link that is out of date)
 * as a console page with the refusal's status, in the reader's language, instead of the API's
 * problem+json: ahead of the API's advice, for the console's pages only. An area may say it in its
 * own words with an advice of its own, ordered before this one.
 */
@ControllerAdvice(basePackages = "io.kopilka.web.admin")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConsoleProblemPages {
    private final Tenants tenants;

    ConsoleProblemPages(Tenants tenants) {
        this.tenants = tenants;
    }

    /** An exception's model has none of the layout's attributes ({@link ConsoleModel}'s): they are added here. */
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
        model.addAttribute("nav", ConsoleNavigation.forRole(me.role()));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("problem", FormErrors.of(problem, locale));
        model.addAttribute("missing", problem.status() == 404);
        return "admin/problem";
    }
}
