package io.kopilka.purchase;

import io.kopilka.shared.Allocation;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a return takes back and gives back, line by line.
 *
 * <p>Each line keeps running totals: the value returned so far, and the points reversed and refunded
 * so far. After a return the totals are recomputed from the share of the line now returned:
 * reversed = floor(earned × share), refunded = ceil(redeemed × share). Rounding therefore always
 * favours the customer by less than one point, and because the totals are recomputed (not the
 * increments rounded), any series of partial returns ends exactly at the whole: a fully returned
 * line has reversed all it earned and refunded all it redeemed.
 */
public final class ReturnCalculation {
    private ReturnCalculation() {
    }

    /** A purchase line with what has been returned of it so far. */
    public record Line(String sku, BigDecimal quantity, BigDecimal paid, long earned, long redeemed,
                       BigDecimal returnedQuantity, BigDecimal returnedValue, long reversed, long refunded) {
    }

    public record Result(List<Line> lines, BigDecimal amount, long pointsReversed, long pointsRefunded) {
    }

    public static Result of(List<Line> lines, ReturnOrder order, int scale) {
        List<BigDecimal> returnQty = new ArrayList<>();
        List<BigDecimal> returnValue = new ArrayList<>();
        lines.forEach(l -> {
            returnQty.add(BigDecimal.ZERO);
            returnValue.add(BigDecimal.ZERO);
        });
        if (order.items() != null && !order.items().isEmpty()) {
            byItems(lines, order.items(), scale, returnQty, returnValue);
        } else {
            byAmount(lines, order.amount().setScale(scale, RoundingMode.UNNECESSARY), scale, returnValue);
        }
        List<Line> updated = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        long reversed = 0;
        long refunded = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            BigDecimal qty = l.returnedQuantity().add(returnQty.get(i));
            BigDecimal value = l.returnedValue().add(returnValue.get(i));
            BigDecimal share = share(l, qty, value);
            long newReversed = BigDecimal.valueOf(l.earned()).multiply(share).setScale(0, RoundingMode.FLOOR).longValueExact();
            long newRefunded = BigDecimal.valueOf(l.redeemed()).multiply(share).setScale(0, RoundingMode.CEILING).longValueExact();
            newReversed = Math.max(newReversed, l.reversed());
            newRefunded = Math.max(newRefunded, l.refunded());
            amount = amount.add(returnValue.get(i));
            reversed += newReversed - l.reversed();
            refunded += newRefunded - l.refunded();
            updated.add(new Line(l.sku(), l.quantity(), l.paid(), l.earned(), l.redeemed(), qty, value, newReversed,
                    newRefunded));
        }
        // Goods paid with points return no money but give points back, and a free item may come back
        // for the stock's sake: only a return of nothing at all is refused.
        if (amount.signum() == 0 && returnQty.stream().allMatch(q -> q.signum() == 0)) {
            throw ApiProblem.unprocessable("nothing_to_return", "Nothing of this purchase is left to return");
        }
        return new Result(updated, amount, reversed, refunded);
    }

    private static BigDecimal share(Line l, BigDecimal qty, BigDecimal value) {
        if (value.compareTo(l.paid()) >= 0 && l.paid().signum() > 0 || qty.compareTo(l.quantity()) >= 0) {
            return BigDecimal.ONE;
        }
        if (l.paid().signum() == 0) {
            return qty.divide(l.quantity(), 12, RoundingMode.DOWN);
        }
        return value.divide(l.paid(), 12, RoundingMode.DOWN);
    }

    private static void byItems(List<Line> lines, List<ReturnOrder.ReturnedItem> items, int scale, List<BigDecimal> returnQty,
                                List<BigDecimal> returnValue) {
        for (ReturnOrder.ReturnedItem item : items) {
            BigDecimal wanted = item.quantity();
            boolean known = false;
            for (int i = 0; i < lines.size() && wanted.signum() > 0; i++) {
                Line l = lines.get(i);
                if (!l.sku().equals(item.sku())) {
                    continue;
                }
                known = true;
                // A line whose paid value was refunded in full by amount has nothing left to bring back.
                boolean refunded = l.paid().signum() > 0 && l.returnedValue().compareTo(l.paid()) >= 0;
                BigDecimal left = refunded ? BigDecimal.ZERO
                        : l.quantity().subtract(l.returnedQuantity()).subtract(returnQty.get(i));
                BigDecimal take = wanted.min(left);
                if (take.signum() <= 0) {
                    continue;
                }
                wanted = wanted.subtract(take);
                BigDecimal qtyAfter = l.returnedQuantity().add(returnQty.get(i)).add(take);
                BigDecimal valueLeft = l.paid().subtract(l.returnedValue()).subtract(returnValue.get(i));
                BigDecimal value = qtyAfter.compareTo(l.quantity()) == 0 ? valueLeft
                        : l.paid().multiply(take).divide(l.quantity(), scale, RoundingMode.HALF_UP).min(valueLeft);
                returnQty.set(i, returnQty.get(i).add(take));
                returnValue.set(i, returnValue.get(i).add(value));
            }
            if (!known) {
                throw new ApiProblem(422, "unknown_item", "The purchase has no item with sku '" + item.sku() + "'",
                        List.of(new ApiProblem.FieldError("items", "unknown sku " + item.sku())), java.util.Map.of());
            }
            if (wanted.signum() > 0) {
                throw ApiProblem.unprocessable("over_return",
                        "More of '" + item.sku() + "' would be returned than was bought");
            }
        }
    }

    private static void byAmount(List<Line> lines, BigDecimal amount, int scale, List<BigDecimal> returnValue) {
        List<BigDecimal> left = lines.stream().map(l -> l.paid().subtract(l.returnedValue())).toList();
        BigDecimal totalLeft = left.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.compareTo(totalLeft) > 0) {
            throw ApiProblem.unprocessable("over_return",
                    "The amount is more than is left to return of this purchase (" + totalLeft.toPlainString() + ")");
        }
        BigDecimal[] parts = Allocation.money(amount, left, scale);
        for (int i = 0; i < parts.length; i++) {
            returnValue.set(i, parts[i]);
        }
    }
}
