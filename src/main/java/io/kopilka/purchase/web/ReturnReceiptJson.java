package io.kopilka.purchase.web;

import io.kopilka.purchase.ReturnReceipt;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A return's answer as tills read it. */
@Schema(name = "ReturnReceipt")
record ReturnReceiptJson(String id, String purchaseId, String externalId,
                         @Schema(ref = "Money", description = "The money given back") String amount,
                         @Schema(description = "Earned points taken back") long pointsReversed,
                         @Schema(description = "Redeemed points given back") long pointsRefunded,
                         @Schema(description = "The member's points after the return; null for a guest purchase")
                         ReceiptJson.@Nullable BalanceAfter balance) {

    static ReturnReceiptJson of(ReturnReceipt r) {
        return new ReturnReceiptJson(r.id().toString(), r.purchaseId().toString(), r.externalId(), r.amount().plain(),
                r.pointsReversed(), r.pointsRefunded(), ReceiptJson.BalanceAfter.of(r.balance()));
    }
}
