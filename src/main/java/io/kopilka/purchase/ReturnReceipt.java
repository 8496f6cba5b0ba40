package io.kopilka.purchase;

import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;

/**
 * What a return came to: the money back, the points taken back and given back, and the balance
 * after (null for a guest's purchase).
 */
public record ReturnReceipt(ReturnId id, PurchaseId purchaseId, String externalId, Money amount, long pointsReversed,
                            long pointsRefunded, Receipt.BalanceAfter balance) {
}
