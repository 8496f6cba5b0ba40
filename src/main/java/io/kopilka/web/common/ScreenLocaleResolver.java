package io.kopilka.web.common;

import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The screens' language: the one picked on this device (a cookie), else the signed-in staff
 * member's, else the business's, else the browser's if it is one of ours, else Russian.
 */
@Component("localeResolver")
class ScreenLocaleResolver implements LocaleResolver {
    static final String COOKIE = "kopilka_lang";

    private final Tenants tenants;

    ScreenLocaleResolver(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosen(request).or(() -> staff().map(s -> s.language() != null ? s.language()
                        : tenants.get(s.tenant()).locale()))
                .or(() -> Language.fromTag(request.getHeader("Accept-Language")))
                .orElse(Language.RU).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Language language = Language.fromTag(locale == null ? null : locale.getLanguage()).orElse(Language.RU);
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(COOKIE, language);
    }

    private static Optional<Language> chosen(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof Language set) {
            return Optional.of(set);
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    return Language.fromTag(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StaffMember> staff() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof StaffMember s ? Optional.of(s) : Optional.empty();
    }
}
