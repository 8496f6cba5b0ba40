package io.kopilka.web.till.offline;

import io.kopilka.purchase.Receipt;
import java.util.List;

/**
 * What the till shows of a purchase it sent late: the same figures on a replay, since the purchase
 * facade returns its stored receipt for an {@code externalId} it has seen.
 */
record OfflineReceipt(String id, String externalId, String payable, long pointsEarned, long pointsPending,
                      Balance balance, List<String> messages) {

    record Balance(long available, long pending) {
    }

    static OfflineReceipt of(Receipt receipt) {
        var balance = receipt.balance() == null ? null
                : new Balance(receipt.balance().available(), receipt.balance().pending());
        return new OfflineReceipt(receipt.id().toString(), receipt.externalId(), receipt.payable().plain(),
                receipt.pointsEarned(), receipt.pointsPending(), balance, receipt.messages());
    }
}
