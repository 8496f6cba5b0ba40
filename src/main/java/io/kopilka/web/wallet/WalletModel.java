package io.kopilka.web.wallet;

import io.kopilka.memberaccess.WalletMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every wallet page's frame shows: the business (by the address's slug), the member signed in
 * (or null), the language; and the page for an address that names nothing.
 */
@ControllerAdvice(basePackages = "io.kopilka.web.wallet")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WalletModel {
    private final Tenants tenants;

    WalletModel(Tenants tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute("me")
    WalletMember me(@AuthenticationPrincipal WalletMember member) {
        return member;
    }

    @ModelAttribute("slug")
    String slug(HttpServletRequest request) {
        return WalletCookie.slugOf(request.getRequestURI()).orElse("");
    }

    @ModelAttribute("business")
    Tenant business(HttpServletRequest request) {
        return WalletCookie.slugOf(request.getRequestURI()).flatMap(tenants::bySlug).orElse(null);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ExceptionHandler(WalletNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model, Locale locale) {
        model.addAttribute("lang", locale.getLanguage());
        return "wallet/missing";
    }
}
