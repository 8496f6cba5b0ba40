package io.kopilka.purchase.web;

import io.kopilka.purchase.ReturnReceipt;
import io.swagger.v3.oas.annotations.media.Schema;

/** A return's answer as tills read it. */
@Schema(name = "ReturnReceipt")
record ReturnReceiptJson(String id, String purchaseId, String externalId, String amount, long pointsReversed,
                         long pointsRefunded, ReceiptJson.BalanceAfter balance) {

    static ReturnReceiptJson of(ReturnReceipt r) {
        return new ReturnReceiptJson(r.id().toString(), r.purchaseId().toString(), r.externalId(), r.amount().plain(),
                r.pointsReversed(), r.pointsRefunded(), ReceiptJson.BalanceAfter.of(r.balance()));
    }
}
