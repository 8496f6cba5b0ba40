package io.kopilka.reward.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.reward.Redemptions;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A member buys a reward for points, at the till or from a screen. */
@RestController
@Tag(name = "Rewards")
class RedemptionController {
    private final Redemptions redemptions;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    RedemptionController(Redemptions redemptions, Members members, Tenants tenants, Idempotency idempotency,
                         Clock clock) {
        this.redemptions = redemptions;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record RedemptionRequest(String rewardId,
                             @Nullable @Schema(description = "For the staff, up to 1000 characters (an experience's "
                                     + "wishes)") String note) {
    }

    record RedemptionBalance(long available, long pending) {
    }

    record RedemptionDone(CouponView coupon, long pointsSpent, RedemptionBalance balance) {
    }

    @PostMapping("/api/v1/members/{id}/redemptions")
    @Operation(operationId = "redeemReward", summary = "Buy a reward for points: a coupon, the points spent and one "
            + "taken from the stock, at once or not at all")
    @ApiResponse(responseCode = "201", description = "The coupon, the points it cost and the balance after")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "404", description = "`not_found`: no member, or no reward with `rewardId`, in the "
            + "tenant")
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED + "\n`out_of_stock`: none left\n"
            + "`insufficient_points`: the member has fewer points available than it costs (the number is in "
            + "`available`)")
    @ApiResponse(responseCode = "422", description = "`reward_not_available`: it cannot be bought now; `reason` says "
            + "why: archived, not_for_sale, not_started, ended, tier_not_allowed, limit_reached\n"
            + "`validation_failed`: `rewardId` is missing or `note` too long")
    ResponseEntity<RedemptionDone> redeem(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                          @RequestBody RedemptionRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = members.get(caller.tenant(), id);
        if (request.rewardId() == null || request.rewardId().isBlank()) {
            throw ApiProblem.invalid("rewardId", "is required");
        }
        Tenant tenant = tenants.get(caller.tenant());
        var outcome = idempotency.run(caller.tenant(), "redemption:" + member.id(), key, request,
                RedemptionDone.class, () -> {
                    Instant now = Now.of(clock);
                    var done = redemptions.redeem(caller, member, request.rewardId(), request.note(), now);
                    return new RedemptionDone(CouponView.of(done.coupon(), tenant.timezone(), tenant.currency(),
                            member.locale().tag(), now), done.pointsSpent(),
                            new RedemptionBalance(done.available(), done.pending()));
                });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }
}
