package io.kopilka.web.till.offline;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The purchases a till kept in the browser while it was offline, sent when the network is back
 * ({@code till-offline.js}). A screen's endpoint, not the API's: the cashier's session and CSRF token,
 * the store their account is fixed to. It records through the same facade as
 * {@code POST /api/v1/purchases}, with the queued {@code externalId}, so a purchase sent twice (the
 * answer lost on the way, two tabs syncing) is recorded once and answered the same, with 200.
 */
@RestController
@Hidden // not part of the REST API for keys: a session and a CSRF token, like the screens' forms
class OfflinePurchaseController {
    /** The one line of a check typed as a total, as the till's own form records it. */
    static final String CHECK_SKU = "CHECK";

    private final Purchases purchases;
    private final Clock clock;

    OfflinePurchaseController(Purchases purchases, Clock clock) {
        this.purchases = purchases;
        this.clock = clock;
    }

    @PostMapping(path = "/till/offline/purchases", consumes = "application/json")
    ResponseEntity<OfflineReceipt> record(@AuthenticationPrincipal StaffMember me,
                                          @RequestBody OfflinePurchase sent) {
        var order = order(me, sent);
        var outcome = purchases.commit(me.caller(), order, null);
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(OfflineReceipt.of(outcome.body()));
    }

    private PurchaseOrder order(StaffMember me, OfflinePurchase sent) {
        if (sent.spendsSomething()) {
            throw ApiProblem.unprocessable("needs_network", "Points and coupons are spent at the moment of the "
                    + "sale, with the server: a purchase kept offline may only earn");
        }
        if (sent.card() == null || sent.card().isBlank()) {
            throw ApiProblem.invalid("card", "The member's card number is required");
        }
        if (sent.amount() == null) {
            throw ApiProblem.invalid("amount", "The check's total is required");
        }
        if (sent.amount().signum() <= 0) {
            throw ApiProblem.invalid("amount", "The check's total must be above 0");
        }
        String store = me.homeStore();
        if (store == null) {
            throw ApiProblem.unprocessable("no_home_store", "This account works at several stores or none: "
                    + "an offline purchase needs the one store the account is fixed to");
        }
        // occurredAt is when the cashier took the check, so it counts on that day (within the program's
        // maxBackdateDays, which the facade checks). A device whose clock runs ahead would have every kept
        // purchase refused as "in the future": those count as now (null, so a resend has the same request).
        OffsetDateTime at = sent.createdAt();
        if (at != null && at.toInstant().isAfter(Now.of(clock))) {
            at = null;
        }
        return new PurchaseOrder(sent.externalId(), store, null, at,
                new PurchaseOrder.MemberReference(null, null, sent.card().strip()),
                List.of(new PurchaseOrder.Item(CHECK_SKU, null, null, BigDecimal.ONE, sent.amount())), null, null);
    }
}
