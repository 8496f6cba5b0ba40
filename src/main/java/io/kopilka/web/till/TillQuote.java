package io.kopilka.web.till;

import io.kopilka.shared.Money;
import java.util.List;

/**
 * The quote the till shows under the amount.
 *
 * @param maxRedeem   the most points this check may take (the member's balance, the program's share and minimum)
 * @param redeemPoints what the check spends now: {@code maxRedeem} with "pay with points" on, else 0
 */
record TillQuote(Money subtotal, Money discount, Money payable, long pointsEarned, long maxRedeem, Money maxRedeemValue,
                 long redeemPoints, boolean needsConfirmation, List<String> messages) {
}
