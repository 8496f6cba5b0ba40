package io.kopilka.purchase.web;

import io.kopilka.shared.RuleId;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleDocument;
import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    @Schema(description = "Draft rules, and either one purchase or how many of the last purchases to run them on")
    record SimulationRequest(@Schema(description = "0 to 200 draft rules; a draft with a live rule's id stands in "
                                     + "for it") List<RuleDocument> rules,
                             @Nullable PurchaseOrder purchase,
                             @Nullable @Schema(description = "1 to " + io.kopilka.purchase.Simulations.MAX_PURCHASES)
                             Integer lastPurchases) {
    }

    @PostMapping("/api/v1/rules/simulate")
    @Operation(operationId = "simulateRules",
            summary = "Run draft rules against a purchase or the last N purchases, beside the live rules; "
                    + "writes nothing")
    @ApiResponse(responseCode = "200", description = "The draft and live receipts, or the totals and the purchases "
            + "that would change")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`not_found`: nobody has the purchase's member id, phone or card")
    @ApiResponse(responseCode = "409", description = "`insufficient_points`: the purchase redeems more points than "
            + "its member has")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: no rules list, neither or both of "
            + "`purchase` and `lastPurchases`, or a field of a rule or the purchase invalid, each named in `errors`\n"
            + "`invalid_condition`: a rule's condition does not compile (`line` and `column` say where)\n"
            + "`unknown_target`: an `issue_coupon` rule names no active reward of the tenant (a `cause_contribution` "
            + "rule, no cause of it)\n"
            + "`unsupported_rule_field`: a `segment`, not available yet\n"
            + "`unknown_store`: no store has the purchase's `storeCode`\n"
            + "`below_min_redeem`: the purchase redeems fewer points than the program's minimum\n"
            + "`points_limit_exceeded`: the rules would give more points than one purchase may earn")
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
            drafts.add(doc.toRule(doc.id() == null ? RuleId.next()
                    : Ids.parse(doc.id()).map(RuleId::new).orElseGet(RuleId::next)));
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
