package io.kopilka.web.admin.members;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponStatus;
import io.kopilka.reward.Coupons;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A coupon found by its code as anyone reads it out (any case, dashes optional), and cancelled with a
 * reason: the reward facade gives back the points one bought with points, and audits it.
 */
@Controller
class CouponPages {
    static final int MAX_REASON = 200;

    private final Coupons coupons;
    private final Members members;
    private final Tenants tenants;
    private final Clock clock;

    CouponPages(Coupons coupons, Members members, Tenants tenants, Clock clock) {
        this.coupons = coupons;
        this.members = members;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping({"/admin/coupons", "/admin/coupons/"})
    String find(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String code,
                @RequestParam(required = false) String done,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                HttpServletResponse response) {
        Coupon coupon = code.isBlank() ? null : coupons.byCode(me.tenant(), code).orElse(null);
        if (!code.isBlank() && coupon == null) {
            response.setStatus(404);
        }
        fill(model, me, code.strip(), coupon, "cancelled".equals(done), FormState.fresh(), locale);
        return htmx != null ? "admin/members/coupons :: result" : "admin/members/coupons";
    }

    @PostMapping("/admin/coupons/{code}/cancel")
    String cancel(@AuthenticationPrincipal StaffMember me, @PathVariable String code,
                  @RequestParam(defaultValue = "") String reason,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                  HttpServletResponse response) {
        Coupon coupon = coupons.byCode(me.tenant(), code).orElseThrow(() -> ApiProblem.notFound("Coupon"));
        FormState state = FormState.fresh();
        try {
            String why = reason.isBlank() ? null : reason.strip();
            if (why != null && why.length() > MAX_REASON) {
                throw ApiProblem.invalid("reason", "must be at most " + MAX_REASON + " characters");
            }
            coupon = coupons.cancel(me.caller(), coupon.code(), why, Now.of(clock));
        } catch (ApiProblem problem) {
            state = new FormState("cancel", FormErrors.of(problem, locale), Map.of("reason", reason));
            response.setStatus(422);
        }
        if (state.form() == null && htmx == null) {
            return "redirect:/admin/coupons?code=" + URLEncoder.encode(coupon.displayCode(), StandardCharsets.UTF_8)
                    + "&done=cancelled";
        }
        fill(model, me, coupon.displayCode(), coupon, state.form() == null, state, locale);
        return htmx != null ? "admin/members/coupons :: result" : "admin/members/coupons";
    }

    private void fill(Model model, StaffMember me, String code, Coupon coupon, boolean cancelled, FormState state,
                      Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        Instant now = Now.of(clock);
        Member owner = coupon == null ? null : members.byId(me.tenant(), coupon.member()).orElse(null);
        model.addAttribute("code", code);
        model.addAttribute("coupon", coupon);
        model.addAttribute("status", coupon == null ? null : coupon.statusAt(now).code());
        model.addAttribute("active", coupon != null && coupon.statusAt(now) == CouponStatus.ACTIVE);
        model.addAttribute("rewardName", coupon == null ? null : coupon.terms().name().in(locale.getLanguage()));
        model.addAttribute("owner", owner);
        model.addAttribute("cancelled", cancelled);
        model.addAttribute("state", state);
        model.addAttribute("fmt", new Formats(tenant.timezone(), locale));
    }
}
