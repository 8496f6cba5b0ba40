package io.kopilka.web.till;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The check as the till's form sends it: the total alone (one line, as a till without a catalogue rings
 * it up), whether to pay with points and how many the quote offered, the coupons ticked, the member's
 * code, and the externalId the page was rendered with, so a double tap or a retry sends the same one.
 *
 * @param amountText as typed; {@code amount} is null when it is no number
 * @param redeemPoints the maximum the last quote showed; null before a quote
 */
record CheckForm(String externalId, String amountText, BigDecimal amount, boolean redeem, Long redeemPoints,
                 List<String> coupons, String code) {
    /** The one line of a check rung up as a total. */
    static final String SKU = "CHECK";

    static CheckForm fresh(String coupon) {
        return new CheckForm("till-" + Ids.next(), "", null, false, null, coupon == null ? List.of() : List.of(coupon),
                "");
    }

    static CheckForm read(Map<String, String> form, List<String> coupons) {
        String typed = form.getOrDefault("amount", "").strip();
        String externalId = form.getOrDefault("externalId", "").strip();
        return new CheckForm(externalId.isEmpty() ? "till-" + Ids.next() : externalId, typed, amount(typed),
                form.containsKey("redeem"), whole(form.get("redeemPoints")), coupons == null ? List.of() : coupons,
                form.getOrDefault("code", "").strip());
    }

    public boolean ticked(String coupon) {
        return coupons.contains(coupon);
    }

    /** The order to quote or commit, spending {@code points} (null: none). */
    PurchaseOrder order(MemberId member, String store, Long points) {
        return new PurchaseOrder(externalId, store, "till", null,
                new PurchaseOrder.MemberReference(member.value().toString(), null, null),
                List.of(new PurchaseOrder.Item(SKU, null, null, BigDecimal.ONE, amount)),
                points == null || points <= 0 ? null : points, coupons.isEmpty() ? null : coupons);
    }

    /** "4500", "4 500", "4500,50" and "4500.50" alike; null for anything else. */
    static BigDecimal amount(String typed) {
        String plain = typed.replaceAll("[\\s\u00A0\u202F]", "").replace(',', '.');
        if (!plain.matches("[0-9]{1,12}(\\.[0-9]{1,3})?")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    private static Long whole(String text) {
        return text != null && text.matches("[0-9]{1,12}") ? Long.parseLong(text) : null;
    }
}
