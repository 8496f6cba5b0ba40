package io.kopilka.wallet;

import io.kopilka.shared.Names;
import io.kopilka.shared.Points;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What a member saves for: a reward of the catalog (its name and price come from it) or a goal of
 * their own with a target ("Family surprise dinner", 15 000 points).
 *
 * @param rewardId null for a goal of the member's own
 */
public record Goal(String rewardId, Names name, long targetPoints) {

    public Goal {
        if (targetPoints <= 0) {
            throw new IllegalArgumentException("a goal's target is positive: " + targetPoints);
        }
    }

    /**
     * The goal as a request names it: exactly one of a reward and a name with a target. The reward's
     * existence is checked by whoever knows rewards; here only the shape.
     */
    public static void checkShape(String rewardId, String name, Long targetPoints) {
        boolean byReward = rewardId != null;
        boolean own = name != null || targetPoints != null;
        if (byReward == own) {
            throw new ApiProblem(422, "validation_failed", "A goal is either a reward or a name with a target",
                    List.of(new ApiProblem.FieldError("rewardId", "give either rewardId, or name and targetPoints")),
                    Map.of());
        }
        if (own) {
            List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
            if (name == null || name.isBlank() || name.length() > 200) {
                errors.add(new ApiProblem.FieldError("name", "must be 1 to 200 characters"));
            }
            if (targetPoints == null || targetPoints <= 0 || targetPoints > Points.MAX) {
                errors.add(new ApiProblem.FieldError("targetPoints", "must be a whole number of points above 0"));
            }
            if (!errors.isEmpty()) {
                throw new ApiProblem(422, "validation_failed", "The goal has invalid fields", errors, Map.of());
            }
        }
    }

    /** How far {@code available} points are along: progress from 0 to 1 (two decimals, down), and what is left. */
    public Progress progress(long available) {
        long reached = Math.max(0, Math.min(available, targetPoints));
        BigDecimal share = BigDecimal.valueOf(reached).divide(BigDecimal.valueOf(targetPoints), 2, RoundingMode.DOWN);
        return new Progress(this, share, targetPoints - reached);
    }

    /** @param remaining points still to save, 0 once reached */
    public record Progress(Goal goal, BigDecimal progress, long remaining) {
    }
}
