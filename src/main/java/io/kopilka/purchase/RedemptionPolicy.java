package io.kopilka.purchase;

import io.kopilka.program.Program;
import io.kopilka.rules.PricedCart;
import io.kopilka.shared.error.ApiProblem;
import java.util.List;
import java.util.Map;

/** What a redemption must satisfy: the member has the points, and the program's minimum is met. */
public final class RedemptionPolicy {
    private RedemptionPolicy() {
    }

    /** Before pricing: the points asked for, against what the member has and the program's minimum. */
    public static void checkRequested(long redeem, long available, Program program) {
        if (redeem <= 0) {
            return;
        }
        if (redeem > available) {
            throw new ApiProblem(409, "insufficient_points", "The member has " + Math.max(0, available)
                    + " points available, " + redeem + " requested", List.of(), Map.of("available", available));
        }
        if (redeem < program.minRedeemPoints()) {
            throw new ApiProblem(422, "below_min_redeem", "At least " + program.minRedeemPoints()
                    + " points must be redeemed at once", List.of(new ApiProblem.FieldError("redeemPoints",
                    "below minRedeemPoints " + program.minRedeemPoints())), Map.of());
        }
    }

    /**
     * After pricing: the share cap may lower a redemption below the program's minimum. A check too
     * small to take the minimum is refused rather than quietly redeeming fewer points than the
     * program allows.
     */
    public static void checkRedeemed(PricedCart priced, Program program) {
        if (priced.pointsRedeemed() > 0 && priced.pointsRedeemed() < program.minRedeemPoints()) {
            throw new ApiProblem(422, "below_min_redeem", "This check allows at most " + priced.pointsRedeemed()
                    + " points to be redeemed (maxRedeemShare), below the minimum of " + program.minRedeemPoints(),
                    List.of(new ApiProblem.FieldError("redeemPoints", "the check is too small to redeem the minimum")),
                    Map.of("maxRedeemable", priced.pointsRedeemed()));
        }
    }
}
