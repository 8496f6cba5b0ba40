package io.kopilka.web.wallet;

import io.kopilka.member.ConsentSource;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.memberaccess.WalletAccess;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * The way into a wallet: join in one form (and be signed in at once), or sign in again with the
 * phone and a one-time code; a one-time link signs in too; sign-out ends this device's session.
 */
@Controller
@RequestMapping("/w/{slug}")
class WalletEntrance {
    private final WalletBusinesses businesses;
    private final Members members;
    private final WalletAccess access;
    private final LocaleResolver locales;

    WalletEntrance(WalletBusinesses businesses, Members members, WalletAccess access, LocaleResolver locales) {
        this.businesses = businesses;
        this.members = members;
        this.access = access;
        this.locales = locales;
    }

    @GetMapping("/join")
    String joinForm(@PathVariable String slug, @RequestParam(required = false) String ref,
                    @RequestParam(required = false) String lang, @AuthenticationPrincipal WalletMember me,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Tenant business = businesses.bySlug(slug);
        chooseLanguage(lang, request, response, model);
        if (me != null) {
            return "redirect:/w/" + business.slug();
        }
        model.addAttribute("form", new JoinForm("", "", "", ref == null ? "" : ref.strip(), false, false));
        model.addAttribute("errors", Map.of());
        return "wallet/join";
    }

    @PostMapping("/join")
    String join(@PathVariable String slug, JoinForm form, HttpServletRequest request, HttpServletResponse response,
                Model model, Locale locale) {
        Tenant business = businesses.bySlug(slug);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!form.agree()) {
            errors.put("agree", "wallet.join.error.agree");
        }
        Optional<Member> existing = Optional.empty();
        try {
            existing = blank(form.phone()) ? Optional.empty() : members.byPhone(business.id(), form.phone());
        } catch (ApiProblem notAPhone) {
            errors.put("phone", "wallet.join.error.phone");
        }
        if (existing.isPresent()) {
            // Already a member: no second card. A code is sent, as at a sign-in, and the form says so.
            model.addAttribute("phone", form.phone());
            model.addAttribute("request", access.requestCode(business.id(), form.phone(), request.getRemoteAddr()));
            model.addAttribute("known", true);
            return "wallet/code";
        }
        if (errors.isEmpty()) {
            try {
                Map<String, Object> consents = new LinkedHashMap<>();
                consents.put("sms", true);
                consents.put("email", true);
                consents.put("marketing", form.news());
                Member joined = members.join(business.id(), new Members.NewMember(form.phone(), null,
                        form.name().strip(), blank(form.birthDate()) ? null : form.birthDate(),
                        Language.fromTag(locale.getLanguage()).orElse(business.locale()).tag(),
                        blank(form.referralCode()) ? null : form.referralCode(), consents, null),
                        source(request));
                WalletCookie.set(request, response, business.slug(), access.startSession(business.id(), joined.id()));
                return "redirect:/w/" + business.slug() + "?welcome";
            } catch (ApiProblem problem) {
                problem.errors().forEach(e -> errors.putIfAbsent(e.field(), "wallet.join.error." + e.field()));
                if (problem.errors().isEmpty()) {
                    errors.put("phone", "wallet.join.error.phone");
                }
            }
        }
        response.setStatus(422);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "wallet/join";
    }

    @GetMapping("/signin")
    String signInForm(@PathVariable String slug, @RequestParam(required = false) String lang,
                      @AuthenticationPrincipal WalletMember me, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        Tenant business = businesses.bySlug(slug);
        chooseLanguage(lang, request, response, model);
        if (me != null) {
            return "redirect:/w/" + business.slug();
        }
        return "wallet/signin";
    }

    @PostMapping("/signin")
    String sendCode(@PathVariable String slug, @RequestParam(defaultValue = "") String phone,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Tenant business = businesses.bySlug(slug);
        try {
            model.addAttribute("request", access.requestCode(business.id(), phone, request.getRemoteAddr()));
        } catch (ApiProblem notAPhone) {
            response.setStatus(422);
            model.addAttribute("phone", phone);
            model.addAttribute("error", "wallet.join.error.phone");
            return "wallet/signin";
        }
        model.addAttribute("phone", phone);
        return "wallet/code";
    }

    @PostMapping("/signin/code")
    String checkCode(@PathVariable String slug, @RequestParam(defaultValue = "") String phone,
                     @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        Tenant business = businesses.bySlug(slug);
        Optional<String> session;
        try {
            session = access.signIn(business.id(), phone, code);
        } catch (ApiProblem notAPhone) {
            session = Optional.empty();
        }
        if (session.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("phone", phone);
            model.addAttribute("error", "wallet.signin.wrongCode");
            return "wallet/code";
        }
        WalletCookie.set(request, response, business.slug(), session.get());
        members.byPhone(business.id(), phone).ifPresent(m -> locales.setLocale(request, response, m.locale().locale()));
        return "redirect:/w/" + business.slug();
    }

    @GetMapping("/signin/link/{token}")
    String link(@PathVariable String slug, @PathVariable String token, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Tenant business = businesses.bySlug(slug);
        Optional<String> session = access.useLink(business.id(), token);
        if (session.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("error", "wallet.signin.linkUsed");
            return "wallet/signin";
        }
        WalletCookie.set(request, response, business.slug(), session.get());
        return "redirect:/w/" + business.slug();
    }

    @PostMapping("/signout")
    String signOut(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        Tenant business = businesses.bySlug(slug);
        WalletCookie.read(request).ifPresent(token -> access.signOut(business.id(), token));
        WalletCookie.clear(request, response, business.slug());
        return "redirect:/w/" + business.slug() + "/signin?signedOut";
    }

    /** A form sent without its CSRF token (an old tab, cookies wiped): the security chain forwards here, with 403. */
    @RequestMapping("/expired")
    String expired(@PathVariable String slug) {
        businesses.bySlug(slug);
        return "wallet/expired";
    }

    private void chooseLanguage(String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        Language.fromTag(lang).ifPresent(l -> {
            locales.setLocale(request, response, l.locale());
            model.addAttribute("lang", l.tag());
        });
    }

    private static ConsentSource source(HttpServletRequest request) {
        return ConsentSource.wallet(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The join form as sent; the consent to the program's messages is required, news and offers are not. */
    record JoinForm(String phone, String name, String birthDate, String referralCode, Boolean agree, Boolean news) {
        JoinForm {
            agree = Boolean.TRUE.equals(agree);
            news = Boolean.TRUE.equals(news);
            phone = phone == null ? "" : phone;
            name = name == null ? "" : name;
            birthDate = birthDate == null ? "" : birthDate;
            referralCode = referralCode == null ? "" : referralCode;
        }
    }
}
