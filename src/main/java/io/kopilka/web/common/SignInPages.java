package io.kopilka.web.common;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.ScreenAccess;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The pages before the console: sign-in (the form is Spring Security's to check), the one-time
 * link that sets a password, and the page that says a role may not open something.
 */
@Controller
class SignInPages {
    private final StaffAccounts staff;
    private final Tenants tenants;
    private final LocaleResolver locales;

    SignInPages(StaffAccounts staff, Tenants tenants, LocaleResolver locales) {
        this.staff = staff;
        this.tenants = tenants;
        this.locales = locales;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String lang, HttpServletRequest request,
                  HttpServletResponse response, Model model, @AuthenticationPrincipal StaffMember me) {
        if (me != null && request.getParameterMap().isEmpty()) {
            return "redirect:" + ScreenAccess.home(me.role());
        }
        Language.fromTag(lang).ifPresent(l -> locales.setLocale(request, response, l.locale()));
        model.addAttribute("lang", locales.resolveLocale(request).getLanguage());
        return "staff/login";
    }

    @GetMapping("/staff/password/{token}")
    String passwordForm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
        return passwordPage(token, null, request, response, model);
    }

    @PostMapping("/staff/password/{token}")
    String setPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            StaffMember set = staff.setPassword(token, password);
            if (set.language() != null) {
                locales.setLocale(request, response, set.language().locale());
            }
            return "redirect:/login?passwordSet";
        } catch (ApiProblem problem) {
            if (problem.status() == 422 && !problem.errors().isEmpty()) {
                response.setStatus(422);
                return passwordPage(token, "staff." + problem.errors().getFirst().message(), request, response, model);
            }
            return passwordPage(token, null, request, response, model);
        }
    }

    /** Also the target of a refused POST (no CSRF token), forwarded as it came. */
    @RequestMapping("/staff/denied")
    String denied(@AuthenticationPrincipal StaffMember me, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("home", me == null ? null : ScreenAccess.home(me.role()));
        model.addAttribute("lang", locales.resolveLocale(request).getLanguage());
        return "staff/denied";
    }

    private String passwordPage(String token, String problem, HttpServletRequest request, HttpServletResponse response,
                                Model model) {
        Optional<StaffMember> holder = staff.linkHolder(token);
        if (holder.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        // The invitation is read in the language the owner chose for the person, before any cookie says otherwise.
        holder.map(StaffMember::language).ifPresent(l -> request.setAttribute(ScreenLocaleResolver.COOKIE, l));
        model.addAttribute("lang", locales.resolveLocale(request).getLanguage());
        model.addAttribute("holder", holder.orElse(null));
        model.addAttribute("business", holder.map(h -> tenants.get(h.tenant()).name()).orElse(""));
        model.addAttribute("token", token);
        model.addAttribute("problem", problem);
        return "staff/password";
    }
}
