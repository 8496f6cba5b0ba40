package io.kopilka.web.admin;

import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The signed-in person's own choices: the screens' language, and ending their sessions everywhere. */
@Controller
class AccountPages {
    private final StaffAccounts staff;
    private final LocaleResolver locales;

    AccountPages(StaffAccounts staff, LocaleResolver locales) {
        this.staff = staff;
        this.locales = locales;
    }

    /** Remembered on this device (a cookie) and for the account, so the next sign-in elsewhere reads the same. */
    @PostMapping("/admin/language")
    String language(@AuthenticationPrincipal StaffMember me, @RequestParam String lang,
                    @RequestParam(defaultValue = "/admin") String back, HttpServletRequest request,
                    HttpServletResponse response) {
        Language.fromTag(lang).ifPresent(l -> {
            locales.setLocale(request, response, l.locale());
            staff.chooseLanguage(me.tenant(), me.id(), l);
        });
        return "redirect:" + (safe(back) ? back : "/admin");
    }

    @PostMapping("/admin/account/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal StaffMember me) {
        staff.signOutEverywhere(me.tenant(), me.id());
        return "redirect:/login?signedOut";
    }

    /** Back to a console page only: never to another site. */
    private static boolean safe(String path) {
        return (path.equals("/admin") || path.startsWith("/admin/")) && !path.contains("//") && !path.contains("\\")
                && path.chars().allMatch(c -> c > 32 && c < 127);
    }
}
