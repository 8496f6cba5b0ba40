package io.kopilka.purchase;

import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem.FieldError;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a till's request before anything is read or written, reporting every bad field at once. */
public final class OrderValidation {
    /** More coupons than a check has lines is a till's bug, not a customer's luck. */
    static final int MAX_COUPONS = 20;
    static final int MAX_ITEMS = 500;
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");
    /**
     * What one purchase may total (10^11 in the currency): far past any real check, and far inside
     * what the money columns hold (10^15), also summed into a member's lifetime spend.
     */
    static final BigDecimal MAX_SUBTOTAL = new BigDecimal("100000000000");
    /** Tills' clocks drift; a purchase a few minutes "in the future" is still today's purchase. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private OrderValidation() {
    }

    public static void check(PurchaseOrder order, Instant now, int maxBackdateDays, int scale) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "externalId", order.externalId(), 200, true);
        text(errors, "storeCode", order.storeCode(), 64, true);
        text(errors, "channel", order.channel(), 40, false);
        if (order.occurredAt() != null) {
            Instant at = order.occurredAt().toInstant();
            if (at.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new FieldError("occurredAt", "is in the future"));
            } else if (at.isBefore(now.minus(Duration.ofDays(maxBackdateDays)))) {
                errors.add(new FieldError("occurredAt", "is more than " + maxBackdateDays + " days ago"));
            }
        }
        if (order.items() == null || order.items().isEmpty()) {
            errors.add(new FieldError("items", "must list at least one item"));
        } else if (order.items().size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "must list at most " + MAX_ITEMS + " items"));
        } else {
            for (int i = 0; i < order.items().size(); i++) {
                item(errors, "items[" + i + "]", order.items().get(i), scale);
            }
            if (errors.isEmpty() && subtotal(order.items()).compareTo(MAX_SUBTOTAL) > 0) {
                errors.add(new FieldError("items", "must total at most " + MAX_SUBTOTAL.toPlainString()));
            }
        }
        long redeem = order.redeemPoints() == null ? 0 : order.redeemPoints();
        if (redeem < 0 || redeem > Points.MAX) {
            errors.add(new FieldError("redeemPoints", "must be between 0 and " + Points.MAX));
        } else if (redeem > 0 && order.member() == null) {
            errors.add(new FieldError("redeemPoints", "a guest purchase cannot spend points: name the member"));
        }
        List<String> codes = order.couponCodes() == null ? List.of() : order.couponCodes();
        if (codes.size() > MAX_COUPONS || codes.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 40)) {
            errors.add(new FieldError("couponCodes", "must be at most " + MAX_COUPONS + " codes of 1 to 40 characters"));
        } else if (!codes.isEmpty() && order.member() == null) {
            errors.add(new FieldError("couponCodes", "a guest purchase cannot use coupons: name the member"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The purchase has invalid fields", errors, Map.of());
        }
    }

    public static void check(ReturnOrder order, int scale) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "externalId", order.externalId(), 200, true);
        boolean byItems = order.items() != null && !order.items().isEmpty();
        boolean byAmount = order.amount() != null;
        if (byItems == byAmount) {
            errors.add(new FieldError("items", "return either items or an amount"));
        }
        if (byAmount && (order.amount().signum() <= 0 || order.amount().compareTo(MAX_PRICE) > 0
                || order.amount().stripTrailingZeros().scale() > scale)) {
            errors.add(new FieldError("amount", "must be above 0 with at most " + scale + " decimals"));
        }
        if (byItems && order.items().size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "must list at most " + MAX_ITEMS + " items"));
        } else if (byItems) {
            for (int i = 0; i < order.items().size(); i++) {
                ReturnOrder.ReturnedItem item = order.items().get(i);
                if (item == null || item.sku() == null || item.sku().isBlank()) {
                    errors.add(new FieldError("items[" + i + "].sku", "is required"));
                }
                quantity(errors, "items[" + i + "].quantity", item == null ? null : item.quantity());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The return has invalid fields", errors, Map.of());
        }
    }

    private static BigDecimal subtotal(List<PurchaseOrder.Item> items) {
        return items.stream().map(i -> i.quantity().multiply(i.unitPrice())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A quantity bought or brought back: above 0, at most 10^6, with at most 3 decimals (weighed goods). */
    private static void quantity(List<FieldError> errors, String field, BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0
                || quantity.stripTrailingZeros().scale() > 3) {
            errors.add(new FieldError(field, "must be above 0, at most " + MAX_QUANTITY.toPlainString()
                    + ", with at most 3 decimals"));
        }
    }

    private static void item(List<FieldError> errors, String path, PurchaseOrder.Item item, int scale) {
        if (item == null) {
            errors.add(new FieldError(path, "is required"));
            return;
        }
        text(errors, path + ".sku", item.sku(), 100, true);
        text(errors, path + ".name", item.name(), 200, false);
        text(errors, path + ".category", item.category(), 100, false);
        quantity(errors, path + ".quantity", item.quantity());
        if (item.unitPrice() == null || item.unitPrice().signum() < 0 || item.unitPrice().compareTo(MAX_PRICE) > 0
                || item.unitPrice().stripTrailingZeros().scale() > Math.max(scale, 2)) {
            errors.add(new FieldError(path + ".unitPrice", "must be 0 or more, at most 1000000000, with at most "
                    + Math.max(scale, 2) + " decimals"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
