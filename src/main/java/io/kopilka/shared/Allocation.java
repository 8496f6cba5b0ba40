package io.kopilka.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number of units (points, or money in its smallest unit) in proportion to weights,
 * so that the parts add up exactly to the whole: each part is floored, and the units left over go
 * to the largest remainders (ties to the earliest). No unit is lost or made up by rounding.
 */
public final class Allocation {
    private Allocation() {
    }

    public static long[] largestRemainder(long total, List<BigDecimal> weights) {
        long[] parts = new long[weights.size()];
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total == 0 || weights.isEmpty()) {
            return parts;
        }
        if (sum.signum() == 0) {
            parts[0] = total;
            return parts;
        }
        List<Integer> order = new ArrayList<>();
        BigDecimal[] remainders = new BigDecimal[weights.size()];
        long given = 0;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(total).multiply(weights.get(i)).divide(sum, 12, RoundingMode.DOWN);
            parts[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            remainders[i] = exact.subtract(BigDecimal.valueOf(parts[i]));
            given += parts[i];
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < total; k = (k + 1) % order.size()) {
            parts[order.get(k)]++;
            given++;
        }
        return parts;
    }

    /** Splits an amount of money with {@code scale} decimals in proportion to weights, exactly. */
    public static BigDecimal[] money(BigDecimal total, List<BigDecimal> weights, int scale) {
        long units = total.movePointRight(scale).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        long[] parts = largestRemainder(units, weights);
        BigDecimal[] result = new BigDecimal[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = BigDecimal.valueOf(parts[i]).movePointLeft(scale).setScale(scale, RoundingMode.UNNECESSARY);
        }
        return result;
    }
}
