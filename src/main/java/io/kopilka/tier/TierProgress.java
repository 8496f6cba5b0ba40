package io.kopilka.tier;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a member sees about their level: where they are, the next level, and how far away it is.
 * This is the {@code tier} object of the balance and of {@code GET /members/{id}/tier}.
 *
 * @param nextTier  the code of the next automatic level; null at the top and on a manual level
 * @param progress  the qualifying value as a share of the next level's threshold, "0.00" to "1.00"
 * @param remaining what is left to reach the next level: money for spend ("3600.00"), a whole number
 *                  for points and visits ("12"); never below zero
 */
public record TierProgress(String code, String name,
                           @Nullable @Schema(description = "The next automatic level's code; null at the top and on a "
                                   + "manual level") String nextTier,
                           @Nullable @Schema(ref = "Decimal", description = "The share of the next level's threshold "
                                   + "reached, \"0.00\" to \"1.00\"") String progress,
                           @Nullable @Schema(ref = "Decimal", description = "What is left to reach the next level: "
                                   + "money for spend (\"3600.00\"), a whole number for points and visits (\"12\")")
                           String remaining) {

    /**
     * Progress is measured from zero, not from the current level's threshold: "0.64" reads as "64% of
     * the way to Gold", which is what a bar from empty to full shows. It is rounded down, so it says
     * "1.00" only once the threshold is reached; money left is rounded up, so spending exactly that
     * much does reach it.
     */
    public static TierProgress of(Ladder ladder, Level current, BigDecimal value, int moneyScale) {
        Optional<Level> next = ladder.above(current);
        if (next.isEmpty()) {
            return new TierProgress(current.code(), current.name(), null, null, null);
        }
        BigDecimal target = next.get().threshold();
        BigDecimal reached = value.max(BigDecimal.ZERO);
        BigDecimal share = reached.divide(target, 2, RoundingMode.DOWN).min(BigDecimal.ONE.setScale(2));
        int scale = ladder.metric() == Metric.SPEND ? moneyScale : 0;
        BigDecimal left = target.subtract(reached).max(BigDecimal.ZERO).setScale(scale, RoundingMode.UP);
        return new TierProgress(current.code(), current.name(), next.get().code(), share.toPlainString(),
                left.toPlainString());
    }
}
