package io.kopilka.purchase;

/** The answer to a return: what was taken back and given back, and the balance after. */
public record ReturnReceipt(String id, String purchaseId, String externalId, String amount, long pointsReversed,
                            long pointsRefunded, Receipt.BalanceAfter balance) {
}
