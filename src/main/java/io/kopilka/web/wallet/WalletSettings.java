package io.kopilka.web.wallet;

import io.kopilka.member.ConsentSource;
import io.kopilka.member.Consents;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.memberaccess.WalletAccess;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.notification.TelegramLinks;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.web.common.MemberExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The member's own settings: the language of the wallet and of every message, which channels may
 * write to them (each change recorded with where it came from), their data as a file, Telegram,
 * and leaving the program (erasure, after a confirmation typed on purpose).
 */
@Controller
@RequestMapping("/w/{slug}/settings")
class WalletSettings {
    /** The consents a member switches here; {@code telegram} comes from linking a chat, {@code marketing} is the news. */
    static final List<String> CHANNELS = List.of("sms", "email", "marketing");

    private final Members members;
    private final Consents consents;
    private final WalletAccess access;
    private final MemberExport export;
    private final TelegramLinks telegram;
    private final LocaleResolver locales;

    WalletSettings(Members members, Consents consents, WalletAccess access, MemberExport export,
                   TelegramLinks telegram, LocaleResolver locales) {
        this.members = members;
        this.consents = consents;
        this.access = access;
        this.export = export;
        this.telegram = telegram;
        this.locales = locales;
    }

    @GetMapping
    String page(@AuthenticationPrincipal WalletMember me, Model model) {
        Member member = members.byId(me.tenant(), me.member()).orElseThrow(WalletNotFound::new);
        model.addAttribute("member", member);
        model.addAttribute("channels", CHANNELS);
        return "wallet/settings";
    }

    @PostMapping("/language")
    String language(@AuthenticationPrincipal WalletMember me, @RequestParam String lang, HttpServletRequest request,
                    HttpServletResponse response) {
        Language language = Language.fromTag(lang).orElseThrow(() -> ApiProblem.invalid("lang", "must be ru, kk or en"));
        members.update(me.tenant(), me.member(), new Members.MemberChanges(Map.of("locale", language.tag())),
                source(request));
        locales.setLocale(request, response, language.locale());
        return "redirect:/w/" + me.slug() + "/settings?saved";
    }

    @PostMapping("/consents")
    String consents(@AuthenticationPrincipal WalletMember me, @RequestParam Map<String, String> form,
                    HttpServletRequest request) {
        ConsentSource source = source(request);
        for (String channel : CHANNELS) {
            consents.set(me.tenant(), me.member(), channel, "true".equals(form.get(channel)), source);
        }
        return "redirect:/w/" + me.slug() + "/settings?saved";
    }

    @PostMapping("/telegram")
    String telegram(@AuthenticationPrincipal WalletMember me, Model model) {
        try {
            return "redirect:" + telegram.create(me.tenant(), me.member()).url();
        } catch (ApiProblem notConfigured) {
            return "redirect:/w/" + me.slug() + "/settings?noTelegram";
        }
    }

    @GetMapping("/my-data")
    ResponseEntity<byte[]> myData(@AuthenticationPrincipal WalletMember me) {
        Member member = members.byId(me.tenant(), me.member()).orElseThrow(WalletNotFound::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("my-data-" + me.slug() + ".json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.of(me.tenant(), member));
    }

    @PostMapping("/leave")
    String leave(@AuthenticationPrincipal WalletMember me, @RequestParam(defaultValue = "") String confirm,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!"true".equals(confirm)) {
            response.setStatus(422);
            model.addAttribute("member", members.byId(me.tenant(), me.member()).orElseThrow(WalletNotFound::new));
            model.addAttribute("channels", CHANNELS);
            model.addAttribute("leaveError", true);
            return "wallet/settings";
        }
        // The erasure signs every device out (memberaccess listens to MemberErased); this one's cookie goes too.
        members.erase(me.tenant(), me.member());
        WalletCookie.clear(request, response, me.slug());
        return "redirect:/w/" + me.slug() + "/signin?left";
    }

    private static ConsentSource source(HttpServletRequest request) {
        return ConsentSource.wallet(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
