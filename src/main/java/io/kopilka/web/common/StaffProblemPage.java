package io.kopilka.web.common;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A refusal no form catches (another business's id, a link out of date) shown as a page of the staff's
 * screens with the refusal's status, in the reader's language. An exception's model has none of the
 * frame's attributes (the areas' model advices are not called for it), so they are added here; each
 * area's advice only names its page.
 */
@Component
public class StaffProblemPage {
    private final Tenants tenants;

    StaffProblemPage(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The view to render: {@code page} for someone signed in, else the page that says they may not. */
    public String render(String page, ApiProblem problem, Locale locale, Model model, HttpServletRequest request,
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
        return page;
    }
}
