package io.kopilka.purchase.web;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.shared.Ids;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Purchases")
class PurchaseController {
    private final Purchases purchases;

    PurchaseController(Purchases purchases) {
        this.purchases = purchases;
    }

    @PostMapping("/api/v1/purchases/quote")
    @Operation(summary = "Price a purchase as it would be committed; writes nothing")
    ReceiptJson quote(@AuthenticationPrincipal Caller caller, @RequestBody PurchaseOrder order) {
        return ReceiptJson.of(purchases.quote(caller, order));
    }

    @PostMapping("/api/v1/purchases")
    @Operation(summary = "Record a purchase: redeem, then earn on what is paid. Idempotent by externalId, "
            + "and by Idempotency-Key when one is sent")
    ResponseEntity<ReceiptJson> commit(@AuthenticationPrincipal Caller caller, @RequestBody PurchaseOrder order,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var outcome = purchases.commit(caller, order, key);
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(ReceiptJson.of(outcome.body()));
    }

    @PostMapping("/api/v1/purchases/{id}/returns")
    @Operation(summary = "Return goods by items or amount: earned points taken back, redeemed points given back. "
            + "Idempotent by externalId, and by Idempotency-Key when one is sent")
    ResponseEntity<ReturnReceiptJson> returnGoods(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                                  @RequestBody ReturnOrder order,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var purchaseId = Ids.parse(id).map(PurchaseId::new).orElseThrow(() -> ApiProblem.notFound("Purchase"));
        var outcome = purchases.returnGoods(caller, purchaseId, order, key);
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(ReturnReceiptJson.of(outcome.body()));
    }
}
