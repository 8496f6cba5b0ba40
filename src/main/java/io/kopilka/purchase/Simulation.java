package io.kopilka.purchase;

import io.kopilka.shared.Money;
import java.util.List;

/**
 * What draft rules would have done against the live ones: on one purchase (both receipts), or on the
 * tenant's last purchases (totals, and the purchases that would change).
 */
public record Simulation(Receipt draft, Receipt live, Totals totals, List<Changed> changed) {

    /**
     * @param pointsValue what the points are worth at the program's point value
     * @param membersAffected members whose points or discount would differ
     */
    public record Totals(int purchases, Figures live, Figures draft, Figures difference, int membersAffected) {
    }

    public record Figures(long points, Money discount, Money pointsValue) {
    }

    public record Changed(String purchaseId, String memberId, long livePoints, long draftPoints, Money liveDiscount,
                          Money draftDiscount) {
    }
}
