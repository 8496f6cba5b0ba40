package io.kopilka.web.till;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.gift.Gift;
import io.kopilka.gift.Gifts;
import io.kopilka.member.Member;
import io.kopilka.purchase.PurchaseHistory;
import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.purchase.ReturnReceipt;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Undo, returns and gifts at the till. Each form carries the externalId it was rendered with, so a
 * second tap records nothing twice; each answers with a redirect back to the member (POST/redirect/GET)
 * or the page with the refusal at its form.
 */
@Controller
class TillReturnsAndGifts {
    private final Purchases purchases;
    private final PurchaseHistory history;
    private final Gifts gifts;
    private final AuditLog audit;
    private final TillScreen screen;
    private final TransactionTemplate tx;
    private final Clock clock;

    TillReturnsAndGifts(Purchases purchases, PurchaseHistory history, Gifts gifts, AuditLog audit, TillScreen screen,
                        TransactionTemplate tx, Clock clock) {
        this.purchases = purchases;
        this.history = history;
        this.gifts = gifts;
        this.audit = audit;
        this.screen = screen;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the audit log keeps of an undo. */
    record Undone(String purchaseId, String returnId, String amount, long pointsReversed, long pointsRefunded) {
    }

    /** The whole purchase back, within {@link TillUndo#WINDOW} of its recording, audited with the cashier. */
    @PostMapping("/till/members/{id}/purchases/{purchase}/undo")
    String undo(@AuthenticationPrincipal StaffMember me, @PathVariable String id, @PathVariable String purchase,
                Locale locale, Model model, HttpServletResponse response) {
        Member member = screen.member(me, id);
        Instant now = Now.of(clock);
        PurchaseHistory.PastPurchase past = recent(me, member, purchase, now);
        try {
            if (!TillUndo.allows(past, now)) {
                throw new ApiProblem(422, "undo_window_over", "A purchase may be undone for "
                        + TillUndo.WINDOW.toMinutes() + " minutes", List.of(), Map.of());
            }
            ReturnOrder whole = new ReturnOrder("till-undo-" + past.id().value(), left(past), null);
            tx.executeWithoutResult(s -> {
                ReturnReceipt receipt = purchases.returnGoods(me.caller(), past.id(), whole, null).body();
                audit.record(me.caller(), new Change("purchase.undone", "purchase", past.id().value().toString(), null,
                        new Undone(past.id().value().toString(), receipt.id().value().toString(),
                                receipt.amount().plain(), receipt.pointsReversed(), receipt.pointsRefunded()),
                        "undone at the till"));
            });
            return "redirect:/till/members/" + member.id().value() + "?done=undone";
        } catch (ApiProblem refused) {
            return refusedAt(me, member, "returns", refused, locale, model, response);
        }
    }

    /** Goods brought back: the quantities typed per item (blank: none), or every item left when none is typed. */
    @PostMapping("/till/members/{id}/purchases/{purchase}/return")
    String returnGoods(@AuthenticationPrincipal StaffMember me, @PathVariable String id, @PathVariable String purchase,
                       @RequestParam Map<String, String> form, Locale locale, Model model,
                       HttpServletResponse response) {
        Member member = screen.member(me, id);
        PurchaseHistory.PastPurchase past = recent(me, member, purchase, Now.of(clock));
        try {
            Map<String, BigDecimal> chosen = new LinkedHashMap<>();
            for (var line : past.lines()) {
                String typed = form.getOrDefault("qty." + line.sku(), "").strip().replace(',', '.');
                if (!typed.isEmpty()) {
                    if (!typed.matches("[0-9]{1,9}(\\.[0-9]{1,3})?")) {
                        throw ApiProblem.invalid("items", "must be a number");
                    }
                    chosen.merge(line.sku(), new BigDecimal(typed), BigDecimal::add);
                }
            }
            String externalId = form.getOrDefault("externalId", "").strip();
            if (externalId.isEmpty()) {
                throw ApiProblem.invalid("externalId", "is required");
            }
            List<ReturnOrder.ReturnedItem> items = chosen.isEmpty() ? left(past)
                    : chosen.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                    .map(e -> new ReturnOrder.ReturnedItem(e.getKey(), e.getValue())).toList();
            purchases.returnGoods(me.caller(), past.id(), new ReturnOrder(externalId, items, null), null);
            return "redirect:/till/members/" + member.id().value() + "?done=returned";
        } catch (ApiProblem refused) {
            return refusedAt(me, member, "returns", refused, locale, model, response);
        }
    }

    /** Points given by hand with a reason, within the cashier's own daily limit. */
    @PostMapping("/till/members/{id}/gift")
    String gift(@AuthenticationPrincipal StaffMember me, @PathVariable String id, @RequestParam Map<String, String> form,
                Locale locale, Model model, HttpServletResponse response) {
        Member member = screen.member(me, id);
        try {
            String points = form.getOrDefault("points", "").strip();
            if (!points.matches("[0-9]{1,10}")) {
                throw ApiProblem.invalid("points", "must be a whole number");
            }
            String reason = form.getOrDefault("reason", "").strip();
            Gift gift = Gift.of(Long.parseLong(points), null, reason.isEmpty() ? null : reason, null);
            gifts.givePoints(me.caller(), member, (Gift.PointsGift) gift, Now.of(clock));
            return "redirect:/till/members/" + member.id().value() + "?done=gift";
        } catch (ApiProblem refused) {
            model.addAttribute("giftForm", form);
            return refusedAt(me, member, "gift", refused, locale, model, response);
        }
    }

    /** The member's recent purchase at this store; 404 for any other (another member's, store's or business's). */
    private PurchaseHistory.PastPurchase recent(StaffMember me, Member member, String purchase, Instant now) {
        return history.ofMember(me.tenant(), member.id(), screen.store(me), now.minus(TillMemberView.RECENT),
                        PurchaseHistory.MAX_LIMIT).stream()
                .filter(p -> p.id().value().toString().equals(purchase)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Purchase"));
    }

    /** Every item with what is left of it, one row per sku. */
    private static List<ReturnOrder.ReturnedItem> left(PurchaseHistory.PastPurchase past) {
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        past.lines().forEach(l -> left.merge(l.sku(), l.left(), BigDecimal::add));
        List<ReturnOrder.ReturnedItem> items = new ArrayList<>();
        left.forEach((sku, qty) -> {
            if (qty.signum() > 0) {
                items.add(new ReturnOrder.ReturnedItem(sku, qty));
            }
        });
        return items;
    }

    private String refusedAt(StaffMember me, Member member, String form, ApiProblem refused, Locale locale, Model model,
                             HttpServletResponse response) {
        screen.fill(model, me, member, CheckForm.fresh(null), locale);
        response.setStatus(refused.status() == 404 ? 404 : refused.status() == 409 ? 409 : 422);
        model.addAttribute(form + "Errors", TillErrors.of(refused, locale));
        return "till/member";
    }
}
