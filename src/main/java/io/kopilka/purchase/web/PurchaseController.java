package io.kopilka.purchase.web;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.shared.Ids;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private static final String STORE_NOT_ALLOWED = "`store_not_allowed`: this key belongs to another store's till";
    private static final String MEMBER_NOT_FOUND = "`not_found`: nobody has this id, phone or card (an erased "
            + "member is not found by them)";
    private static final String CANNOT_REDEEM = "`insufficient_points`: the member has fewer points available than "
            + "`redeemPoints` (the number is in `available`)";
    private static final String UNPRICEABLE = "`validation_failed`: a field is invalid, each named in `errors`\n"
            + "`unknown_store`: no store has the `storeCode`\n"
            + "`below_min_redeem`: fewer points than the program's minimum, or a check too small for it\n"
            + "`points_limit_exceeded`: the rules would give more points than one purchase may earn\n"
            + "`amount_out_of_range`: a sum is larger than Kopilka can store\n"
            + "`coupon_invalid`: a coupon of `couponCodes` cannot be used; `reason` says why (not_found, not_yours, "
            + "used, expired, cancelled, wrong_store, min_spend, no_matching_items) and `couponCode` which";
    private static final String REPLAYED = "A retry with the same `externalId` (or `Idempotency-Key`): the first "
            + "answer, unchanged; nothing was done again";

    private final Purchases purchases;

    PurchaseController(Purchases purchases) {
        this.purchases = purchases;
    }

    @PostMapping("/api/v1/purchases/quote")
    @Operation(operationId = "quotePurchase", summary = "Price a purchase as it would be committed; writes nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "purchase", value = PurchaseExamples.ORDER))))
    @ApiResponse(responseCode = "200", description = "The receipt the purchase would get, without an id",
            content = @Content(schema = @Schema(implementation = ReceiptJson.class),
                    examples = @ExampleObject(name = "receipt", value = PurchaseExamples.QUOTE)))
    @ApiResponse(responseCode = "403", description = STORE_NOT_ALLOWED)
    @ApiResponse(responseCode = "404", description = MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CANNOT_REDEEM)
    @ApiResponse(responseCode = "422", description = UNPRICEABLE)
    ReceiptJson quote(@AuthenticationPrincipal Caller caller, @RequestBody PurchaseOrder order) {
        return ReceiptJson.of(purchases.quote(caller, order));
    }

    @PostMapping("/api/v1/purchases")
    @Operation(operationId = "recordPurchase", summary = "Record a purchase: redeem, then earn on what is paid. "
            + "Idempotent by externalId, and by Idempotency-Key when one is sent",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "purchase", value = PurchaseExamples.ORDER))))
    @ApiResponse(responseCode = "201", description = "The receipt",
            content = @Content(schema = @Schema(implementation = ReceiptJson.class),
                    examples = @ExampleObject(name = "receipt", value = PurchaseExamples.RECEIPT)))
    @ApiResponse(responseCode = "200", description = REPLAYED)
    @ApiResponse(responseCode = "403", description = STORE_NOT_ALLOWED)
    @ApiResponse(responseCode = "404", description = MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = CANNOT_REDEEM + "\n`coupon_used`: another purchase used one of "
            + "the coupons at the same moment\n`idempotency_conflict`: this `externalId` "
            + "(or `Idempotency-Key`) was used with a different request")
    @ApiResponse(responseCode = "422", description = UNPRICEABLE)
    ResponseEntity<ReceiptJson> commit(@AuthenticationPrincipal Caller caller, @RequestBody PurchaseOrder order,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var outcome = purchases.commit(caller, order, key);
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(ReceiptJson.of(outcome.body()));
    }

    @PostMapping("/api/v1/purchases/{id}/returns")
    @Operation(operationId = "returnGoods", summary = "Return goods by items or amount: earned points taken back, "
            + "redeemed points given back. Idempotent by externalId, and by Idempotency-Key when one is sent",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "items", value = PurchaseExamples.RETURN_BY_ITEMS),
                    @ExampleObject(name = "amount", value = PurchaseExamples.RETURN_BY_AMOUNT)})))
    @ApiResponse(responseCode = "201", description = "What was taken back and given back",
            content = @Content(schema = @Schema(implementation = ReturnReceiptJson.class),
                    examples = @ExampleObject(name = "return", value = PurchaseExamples.RETURN_RECEIPT)))
    @ApiResponse(responseCode = "200", description = REPLAYED)
    @ApiResponse(responseCode = "403", description = STORE_NOT_ALLOWED)
    @ApiResponse(responseCode = "404", description = "`not_found`: no purchase with this id in the tenant")
    @ApiResponse(responseCode = "409", description = "`idempotency_conflict`: this `externalId` (or "
            + "`Idempotency-Key`) was used with a different request")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: neither or both of `items` and "
            + "`amount`, or a field invalid, each named in `errors`\n"
            + "`unknown_item`: the purchase has no item with this `sku`\n"
            + "`over_return`: more than is left of the purchase (or of an item) to return\n"
            + "`nothing_to_return`: all of the purchase was returned already")
    ResponseEntity<ReturnReceiptJson> returnGoods(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                                  @RequestBody ReturnOrder order,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var purchaseId = Ids.parse(id).map(PurchaseId::new).orElseThrow(() -> ApiProblem.notFound("Purchase"));
        var outcome = purchases.returnGoods(caller, purchaseId, order, key);
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(ReturnReceiptJson.of(outcome.body()));
    }
}
