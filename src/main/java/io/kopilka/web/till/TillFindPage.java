package io.kopilka.web.till;

import io.kopilka.member.ConsentSource;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.member.PhoneNumbers;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The till's first screen: one box that finds the customer, and the one-step registration of a phone
 * nobody has. Found, the cashier goes straight to the member (POST/redirect/GET, so a reload finds
 * nothing twice).
 */
@Controller
class TillFindPage {
    private final TillLookup lookup;
    private final Members members;
    private final Tenants tenants;

    TillFindPage(TillLookup lookup, Members members, Tenants tenants) {
        this.lookup = lookup;
        this.members = members;
        this.tenants = tenants;
    }

    @GetMapping({"/till", "/till/"})
    String page(Model model) {
        model.addAttribute("q", "");
        return "till/find";
    }

    @GetMapping("/till/find")
    String find(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String q, Model model,
                HttpServletResponse response) {
        Tenant tenant = tenants.get(me.tenant());
        model.addAttribute("q", q);
        return switch (lookup.find(tenant, q)) {
            case TillLookup.ByMember(Member member, String coupon) -> "redirect:" + memberPath(member, coupon);
            case TillLookup.NewPhone(String e164) -> {
                model.addAttribute("register", new Registration(e164, PhoneNumbers.readable(e164), "", false));
                model.addAttribute("errors", FormErrors.none());
                yield "till/find";
            }
            case TillLookup.Nothing() -> {
                response.setStatus(404);
                model.addAttribute("nobody", true);
                yield "till/find";
            }
        };
    }

    /** The phone from the find box, the name and the consent, and on to the member. */
    @PostMapping("/till/members")
    String register(@AuthenticationPrincipal StaffMember me, @RequestParam Map<String, String> form, Locale locale,
                    Model model, HttpServletRequest request, HttpServletResponse response) {
        String phone = form.getOrDefault("phone", "");
        String name = form.getOrDefault("name", "").strip();
        boolean consent = "on".equals(form.get("consent")) || "true".equals(form.get("consent"));
        try {
            Map<String, Object> consents = new LinkedHashMap<>();
            consents.put("sms", consent);
            Member member = members.join(me.tenant(), new Members.NewMember(phone, null, name.isEmpty() ? null : name,
                    null, null, null, consents, null), source(me, request));
            return "redirect:" + memberPath(member, null);
        } catch (ApiProblem refused) {
            response.setStatus(refused.status() == 409 ? 409 : 422);
            model.addAttribute("q", phone);
            model.addAttribute("register", new Registration(phone, PhoneNumbers.readable(phone), name, consent));
            model.addAttribute("errors", FormErrors.of(refused, locale));
            return "till/find";
        }
    }

    /** The consent's history says it was given at the till, by whom, from which device. */
    private static ConsentSource source(StaffMember me, HttpServletRequest request) {
        return ConsentSource.till(me.id(), me.name(), request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    static String memberPath(Member member, String coupon) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/till/members/{id}");
        if (coupon != null) {
            uri.queryParam("coupon", coupon);
        }
        return uri.buildAndExpand(member.id().value()).encode().toUriString();
    }

    /** @param readable the phone as people read it */
    record Registration(String phone, String readable, String name, boolean consent) {
    }
}
