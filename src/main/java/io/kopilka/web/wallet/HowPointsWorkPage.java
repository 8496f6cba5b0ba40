package io.kopilka.web.wallet;

import io.kopilka.faq.Faq;
import io.kopilka.faq.HowPointsWork;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code /w/{slug}/how}: the business's program in plain words and its questions and answers, for
 * anyone, before joining too (no sign-in). Read in the language the reader asked for ({@code ?lang=},
 * kept in the screens' cookie), else the one chosen before on this device, else the browser's if it
 * is one of ours, else the business's own.
 */
@Controller
class HowPointsWorkPage {
    /** The screens' language cookie, as {@code web.common.ScreenLocaleResolver} names it. */
    private static final String LANGUAGE_COOKIE = "kopilka_lang";

    private final Tenants tenants;
    private final HowPointsWork how;
    private final Faq faq;
    private final LocaleResolver locales;

    HowPointsWorkPage(Tenants tenants, HowPointsWork how, Faq faq, LocaleResolver locales) {
        this.tenants = tenants;
        this.how = how;
        this.faq = faq;
        this.locales = locales;
    }

    @GetMapping("/w/{slug}/how")
    String page(@PathVariable String slug, @RequestParam(required = false) String lang, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Optional<Language> asked = Language.fromTag(lang);
        asked.ifPresent(l -> locales.setLocale(request, response, l.locale()));
        Optional<Tenant> found = tenants.bySlug(slug);
        if (found.isEmpty()) {
            Language language = asked.or(() -> chosen(request)).or(() -> browser(request)).orElse(Language.RU);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("lang", language.tag());
            return "wallet/missing";
        }
        Tenant tenant = found.get();
        Language language = asked.or(() -> chosen(request)).or(() -> browser(request)).orElse(tenant.locale());
        model.addAttribute("lang", language.tag());
        model.addAttribute("languages", Arrays.asList(Language.values()));
        model.addAttribute("sentences", how.explain(tenant.id(), language.locale()).sentences());
        model.addAttribute("questions", faq.questions(tenant.id(), language).items());
        return "wallet/how";
    }

    private static Optional<Language> chosen(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(c.getName())) {
                    return Language.fromTag(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The first of the browser's languages ("kk-KZ,ru;q=0.8") that the page is written in. */
    private static Optional<Language> browser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(r -> Language.fromTag(r.getRange())).flatMap(Optional::stream).findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
