package io.kopilka.web.till.offline;

import io.kopilka.purchase.Purchases;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.Problems;
import io.kopilka.tenant.StaffMember;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    private final Purchases purchases;
    private final Clock clock;

    OfflinePurchaseController(Purchases purchases, Clock clock) {
        this.purchases = purchases;
        this.clock = clock;
    }

    @PostMapping(path = "/till/offline/purchases", consumes = "application/json")
    ResponseEntity<OfflineReceipt> record(@AuthenticationPrincipal StaffMember me,
                                          @RequestBody OfflinePurchase sent) {
        var order = sent.order(me.homeStore(), Now.of(clock));
        var outcome = purchases.commit(me.caller(), order, null);
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(OfflineReceipt.of(outcome.body()));
    }

    /**
     * The till's script reads the refusal, so it is problem+json as in the API, not the till's error page
     * that the screens' advice for this package renders (a controller's own handler comes first).
     */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
        return Problems.response(problem);
    }
}
