package io.kopilka.wallet.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.wallet.Goals;
import io.kopilka.wallet.Wallets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A member's goal: what their balance shows progress towards (docs/api.md, "Causes, goals"). */
@RestController
@Tag(name = "Points")
class GoalController {
    private final Goals goals;
    private final Wallets wallets;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    GoalController(Goals goals, Wallets wallets, Members members, Tenants tenants, Idempotency idempotency,
                   Clock clock) {
        this.goals = goals;
        this.wallets = wallets;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record GoalRequest(@Nullable @Schema(description = "A reward of the catalog, for sale for points") String rewardId,
                       @Nullable @Schema(description = "A goal of the member's own, up to 200 characters",
                               example = "Family surprise dinner") String name,
                       @Nullable @Schema(description = "With name: the points to save") Long targetPoints) {
    }

    @PutMapping("/api/v1/members/{id}/goal")
    @Operation(operationId = "setGoal", summary = "Set what the member saves for: a reward, or a name with a target; "
            + "the balance then shows the progress")
    @ApiResponse(responseCode = "200", description = "The balance with the goal's progress")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND + " or reward")
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: neither or both forms, or a field out of "
            + "range\n`reward_not_available`: the reward is archived or not for sale for points")
    BalanceView set(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody GoalRequest request,
                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = members.get(caller.tenant(), id);
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member has no goals");
        }
        return idempotency.run(caller.tenant(), "goal:" + member.id(), key, request, BalanceView.class, () -> {
            goals.set(caller.tenant(), member.id(), request.rewardId(), request.name(), request.targetPoints());
            return BalanceView.of(wallets.balance(caller.tenant(), member.id(), Now.of(clock)),
                    tenants.get(caller.tenant()).timezone(), member.locale().tag());
        }).body();
    }

    @DeleteMapping("/api/v1/members/{id}/goal")
    @Operation(operationId = "clearGoal", summary = "Clear the member's goal")
    @ApiResponse(responseCode = "204", description = "Cleared (also when there was none)")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    ResponseEntity<Void> clear(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = members.get(caller.tenant(), id);
        goals.clear(caller.tenant(), member.id());
        return ResponseEntity.noContent().build();
    }
}
