package io.kopilka.wallet;

import io.kopilka.ledger.Balance;
import io.kopilka.shared.Money;
import io.kopilka.tier.TierProgress;
import java.util.List;

/**
 * A member's balance as they see it: points spendable now and on the way, what they are worth, what
 * expires next, and how far the next level is.
 *
 * @param value what the available points are worth at the program's point value, rounded down
 * @param tier  the member's level and progress; null when the tenant has no tiers
 * @param goal  how far the available points are along the member's goal; null without one
 */
public record WalletBalance(long available, long pending, Money value, List<Balance.Expiring> expiring,
                            TierProgress tier, Goal.Progress goal) {
}
