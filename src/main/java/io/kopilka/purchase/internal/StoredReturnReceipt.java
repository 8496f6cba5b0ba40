package io.kopilka.purchase.internal;

import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReturnReceipt;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

/** A return's answer as it is kept for replays: a storage format, like {@link StoredReceipt}. */
record StoredReturnReceipt(String id, String purchaseId, String externalId, String amount, long pointsReversed,
                           long pointsRefunded, Receipt.BalanceAfter balance) {

    static StoredReturnReceipt of(ReturnReceipt r) {
        return new StoredReturnReceipt(r.id().toString(), r.purchaseId().toString(), r.externalId(), r.amount().plain(),
                r.pointsReversed(), r.pointsRefunded(), r.balance());
    }

    ReturnReceipt toReceipt(Currency currency) {
        return new ReturnReceipt(new ReturnId(UUID.fromString(id)), new PurchaseId(UUID.fromString(purchaseId)),
                externalId, new Money(new BigDecimal(amount), currency), pointsReversed, pointsRefunded, balance);
    }
}
