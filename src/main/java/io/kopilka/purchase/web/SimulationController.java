package io.kopilka.purchase.web;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleDocument;
import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cost of a change before it goes live: draft rules against one purchase or the last N. */
@RestController
@Tag(name = "Rules")
class SimulationController {
    private final io.kopilka.purchase.Simulations simulations;

    SimulationController(io.kopilka.purchase.Simulations simulations) {
        this.simulations = simulations;
    }

    record SimulationRequest(List<RuleDocument> rules, PurchaseOrder purchase, Integer lastPurchases) {
    }

    @PostMapping("/api/v1/rules/simulate")
    @Operation(summary = "Run draft rules against a purchase or the last N purchases, beside the live rules; writes nothing")
    SimulationJson simulate(@AuthenticationPrincipal Caller caller, @RequestBody SimulationRequest request) {
        if (request.rules() == null || request.rules().size() > 200) {
            throw ApiProblem.invalid("rules", "must list 0 to 200 draft rules");
        }
        List<Rule> drafts = new ArrayList<>();
        for (int i = 0; i < request.rules().size(); i++) {
            RuleDocument doc = request.rules().get(i);
            if (doc == null) {
                throw ApiProblem.invalid("rules[" + i + "]", "is required");
            }
            drafts.add(doc.toRule(doc.id() == null ? Ids.next() : Ids.parse(doc.id()).orElseGet(Ids::next)));
        }
        if ((request.purchase() == null) == (request.lastPurchases() == null)) {
            throw new ApiProblem(422, "validation_failed", "Simulate against a purchase or the last purchases",
                    List.of(new ApiProblem.FieldError("purchase", "give either purchase or lastPurchases")), Map.of());
        }
        if (request.purchase() != null) {
            return SimulationJson.of(simulations.onePurchase(caller.tenant(), drafts, request.purchase()));
        }
        if (request.lastPurchases() < 1 || request.lastPurchases() > io.kopilka.purchase.Simulations.MAX_PURCHASES) {
            throw ApiProblem.invalid("lastPurchases", "must be between 1 and "
                    + io.kopilka.purchase.Simulations.MAX_PURCHASES);
        }
        return SimulationJson.of(simulations.history(caller.tenant(), drafts, request.lastPurchases()));
    }
}
