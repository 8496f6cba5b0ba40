package io.kopilka.web.till;

import io.kopilka.confirmation.RedemptionConfirmations;
import io.kopilka.member.Member;
import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.Receipt;
import io.kopilka.shared.Now;
import io.kopilka.shared.Outcome;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member at the till and their check: the quote as the cashier types or picks items (the facade
 * {@code POST /purchases/quote} calls), the commit with the page's externalId (a double tap or a retry
 * replays the first answer), and the member's confirmation above the program's threshold. Both build the
 * order from the same {@link CheckForm} against the store's list of the moment. With htmx an action
 * answers with its part of the page; without, with the whole page.
 */
@Controller
class TillMemberPage {
    private final Purchases purchases;
    private final RedemptionConfirmations confirmations;
    private final TillScreen screen;
    private final TillPricing pricing;
    private final Clock clock;

    TillMemberPage(Purchases purchases, RedemptionConfirmations confirmations, TillScreen screen, TillPricing pricing,
                   Clock clock) {
        this.purchases = purchases;
        this.confirmations = confirmations;
        this.screen = screen;
        this.pricing = pricing;
        this.clock = clock;
    }

    @GetMapping("/till/members/{id}")
    String page(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam(required = false) String coupon, @RequestParam(required = false) String done,
                Locale locale, Model model) {
        Member member = screen.member(me, id);
        screen.fill(model, me, member, CheckForm.fresh(coupon), locale);
        model.addAttribute("done", done == null || !done.matches("[a-z]{1,20}") ? null : done);
        return "till/member";
    }

    @PostMapping("/till/members/{id}/quote")
    String quote(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                 @RequestParam Map<String, String> form, @RequestParam(name = "coupon", required = false) List<String> coupons,
                 Locale locale, Model model) {
        Member member = screen.member(me, id);
        CheckForm check = CheckForm.read(form, coupons);
        TillScreen.Context c = screen.fill(model, me, member, check, locale);
        model.addAttribute("quote", c.store() == null ? null : quoteOrErrors(c, check, model, locale));
        return "till/member :: quote";
    }

    private TillQuote quoteOrErrors(TillScreen.Context c, CheckForm check, Model model, Locale locale) {
        Optional<CheckForm.Refusal> refusal = check.refusal(c.items());
        if (refusal.isPresent()) {
            // A total half typed is no news while typing; a quantity or an item gone from the list is.
            boolean quiet = refusal.get() == CheckForm.Refusal.NOTHING || refusal.get() == CheckForm.Refusal.AMOUNT;
            model.addAttribute("errors", quiet ? FormErrors.none() : TillErrors.of(refusal.get(), locale));
            return null;
        }
        try {
            return pricing.quote(c, check);
        } catch (ApiProblem refused) {
            model.addAttribute("errors", TillErrors.of(refused, locale));
            return null;
        }
    }

    @PostMapping("/till/members/{id}/purchases")
    String commit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                  @RequestParam Map<String, String> form, @RequestParam(name = "coupon", required = false) List<String> coupons,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                  HttpSession session, HttpServletResponse response) {
        Member member = screen.member(me, id);
        CheckForm check = CheckForm.read(form, coupons);
        TillScreen.Context c = screen.fill(model, me, member, check, locale);
        String answer = htmx != null ? "till/member :: check-area" : "till/member";
        try {
            if (c.store() == null) {
                throw new ApiProblem(422, "no_store", "The account has no store", List.of(), Map.of());
            }
            Optional<CheckForm.Refusal> refusal = check.refusal(c.items());
            if (refusal.isPresent()) {
                response.setStatus(422);
                model.addAttribute("errors", TillErrors.of(refusal.get(), locale));
                return answer;
            }
            Long points = check.redeem() ? pricing.redeemable(c, check) : null;
            if (points != null && c.program().needsConfirmation(points) && !TillSession.confirmed(session, check.externalId())) {
                if (check.code().isEmpty()) {
                    response.setStatus(422);
                    model.addAttribute("errors", TillErrors.confirmationNeeded(locale));
                    model.addAttribute("askCode", true);
                    return answer;
                }
                if (!confirmations.confirm(me.tenant(), member.id(), check.code(), Now.of(clock))) {
                    response.setStatus(422);
                    model.addAttribute("errors", TillErrors.wrongCode(locale));
                    model.addAttribute("askCode", true);
                    return answer;
                }
                // The code is spent: a retry of this check must not ask for another one.
                TillSession.confirm(session, check.externalId());
            }
            Outcome<Receipt> outcome = purchases.commit(me.caller(), check.order(member.id(), c.store(), points, c.items()),
                    null);
            model.addAttribute("result", screen.result(c, outcome.body(), outcome.replayed(), locale, model));
            return htmx != null ? "till/commit :: answer" : answer;
        } catch (ApiProblem refused) {
            response.setStatus(refused.status() == 409 ? 409 : 422);
            model.addAttribute("errors", TillErrors.of(refused, locale));
            return answer;
        }
    }

    /** A code sent to the member's phone or e-mail, for one without the wallet at hand. */
    @PostMapping("/till/members/{id}/code")
    String sendCode(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Locale locale, Model model,
                    HttpServletResponse response) {
        Member member = screen.member(me, id);
        try {
            confirmations.sendCode(me.caller(), member.id());
            model.addAttribute("codeSent", true);
        } catch (ApiProblem refused) {
            response.setStatus(refused.status() == 409 ? 409 : 422);
            model.addAttribute("codeSent", false);
        }
        return "till/member :: code-status";
    }
}
