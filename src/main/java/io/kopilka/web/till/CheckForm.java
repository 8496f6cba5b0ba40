package io.kopilka.web.till;

import io.kopilka.purchase.PurchaseHistory.FrequentItem;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check as the till's form sends it: the items picked from the store's frequent ones with their
 * quantities, a total typed for anything else (one line, as a till without a catalogue rings it up),
 * whether to pay with points and how many the quote offered, the coupons ticked, the member's code, and
 * the externalId the page was rendered with, so a double tap or a retry sends the same one.
 *
 * @param amountText as typed; {@code amount} is null when it is no number
 * @param redeemPoints the maximum the last quote showed; null before a quote
 * @param quantities sku → the quantity as typed ({@code item.<sku>} fields), in the form's order; only a
 *                   sku and a count come from the browser: name, category and price are the server's
 */
record CheckForm(String externalId, String amountText, BigDecimal amount, boolean redeem, Long redeemPoints,
                 List<String> coupons, String code, Map<String, String> quantities) {
    /** The one line of a check rung up as a total. */
    static final String SKU = "CHECK";
    /** The prefix of an item's quantity field: {@code item.HAIRCUT=2}. */
    static final String ITEM = "item.";
    static final int MAX_QUANTITY = 99;

    /** Why a check cannot be priced yet. */
    enum Refusal {
        /** Neither items nor a total: the amount is asked for, as on a till without items. */
        NOTHING,
        /** A total typed that is no number. */
        AMOUNT,
        /** A quantity that is no whole number from 0 to 99. */
        QUANTITY,
        /** A sku picked that the store's list no longer has (the list changed since the page was shown). */
        GONE
    }

    static CheckForm fresh(String coupon) {
        return new CheckForm("till-" + Ids.next(), "", null, false, null, coupon == null ? List.of() : List.of(coupon),
                "", Map.of());
    }

    static CheckForm read(Map<String, String> form, List<String> coupons) {
        String typed = form.getOrDefault("amount", "").strip();
        String externalId = form.getOrDefault("externalId", "").strip();
        Map<String, String> quantities = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ITEM) && name.length() > ITEM.length()) {
                quantities.put(name.substring(ITEM.length()), value == null ? "" : value.strip());
            }
        });
        return new CheckForm(externalId.isEmpty() ? "till-" + Ids.next() : externalId, typed, amount(typed),
                form.containsKey("redeem"), whole(form.get("redeemPoints")), coupons == null ? List.of() : coupons,
                form.getOrDefault("code", "").strip(), quantities);
    }

    public boolean ticked(String coupon) {
        return coupons.contains(coupon);
    }

    /** The quantity to show in the sku's field again: as typed, "0" when none. */
    public String typed(String sku) {
        String typed = quantities.get(sku);
        return typed == null || typed.isEmpty() ? "0" : typed;
    }

    /** Whether the sku's quantity is no whole number from 0 to 99. */
    public boolean badQuantity(String sku) {
        return quantities.containsKey(sku) && quantity(quantities.get(sku)) == null;
    }

    /** sku → quantity above 0, in the form's order; a bad quantity is left out (see {@link #refusal}). */
    Map<String, Integer> picked() {
        Map<String, Integer> picked = new LinkedHashMap<>();
        quantities.forEach((sku, typed) -> {
            Integer n = quantity(typed);
            if (n != null && n > 0) {
                picked.put(sku, n);
            }
        });
        return picked;
    }

    public boolean hasItems() {
        return !picked().isEmpty();
    }

    /** What stops this check from being priced against the store's list {@code offered}; empty when nothing. */
    Optional<Refusal> refusal(List<FrequentItem> offered) {
        if (quantities.keySet().stream().anyMatch(this::badQuantity)) {
            return Optional.of(Refusal.QUANTITY);
        }
        if (!picked().keySet().stream().allMatch(sku -> offered.stream().anyMatch(i -> i.sku().equals(sku)))) {
            return Optional.of(Refusal.GONE);
        }
        if (!amountText.isEmpty() && amount == null) {
            return Optional.of(Refusal.AMOUNT);
        }
        return amount == null && picked().isEmpty() ? Optional.of(Refusal.NOTHING) : Optional.empty();
    }

    /**
     * The check's lines: each sku picked as the store's list has it (its name, category and latest price),
     * then the typed total as the line {@link #SKU}, when there is one (a 0 beside items is no line).
     */
    List<PurchaseOrder.Item> lines(List<FrequentItem> offered) {
        List<PurchaseOrder.Item> lines = new ArrayList<>();
        picked().forEach((sku, n) -> offered.stream().filter(i -> i.sku().equals(sku)).findFirst().ifPresent(i ->
                lines.add(new PurchaseOrder.Item(i.sku(), i.name(), i.category(), BigDecimal.valueOf(n), i.unitPrice()))));
        if (amount != null && (amount.signum() > 0 || lines.isEmpty())) {
            lines.add(new PurchaseOrder.Item(SKU, null, null, BigDecimal.ONE, amount));
        }
        return lines;
    }

    /** The order to quote or commit from the store's list {@code offered}, spending {@code points} (null: none). */
    PurchaseOrder order(MemberId member, String store, Long points, List<FrequentItem> offered) {
        return new PurchaseOrder(externalId, store, "till", null,
                new PurchaseOrder.MemberReference(member.value().toString(), null, null), lines(offered),
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

    /** A whole number of items from 0 to 99 ("" is 0: a field left empty); null for anything else. */
    static Integer quantity(String typed) {
        if (typed == null || typed.isBlank()) {
            return 0;
        }
        return typed.strip().matches("[0-9]{1,2}") ? Integer.parseInt(typed.strip()) : null;
    }

    private static Long whole(String text) {
        return text != null && text.matches("[0-9]{1,12}") ? Long.parseLong(text) : null;
    }
}
