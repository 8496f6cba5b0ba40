package io.kopilka.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's program settings: what a point is worth, how much of a check points may pay, when points
 * become available and when they expire, and the bonuses for joining.
 *
 * @param version increases with every change; a purchase records the version that priced it
 */
public record Program(long version, BigDecimal pointValue, BigDecimal maxRedeemShare, long minRedeemPoints,
                      int pendingDays, ExpiryPolicy expiry, List<Integer> expiryReminderDays, long welcomePoints,
                      long birthdayPoints, Referral referral, int maxBackdateDays) {

    public static Program defaults() {
        return new Program(0, new BigDecimal("1.00"), new BigDecimal("0.30"), 0, 0, ExpiryPolicy.NONE,
                List.of(30, 7), 0, 0, new Referral(0, 0, new BigDecimal("0.00")), 30);
    }

    public record Referral(long referrerPoints, long refereePoints, BigDecimal qualifyingSpend) {
    }
}
