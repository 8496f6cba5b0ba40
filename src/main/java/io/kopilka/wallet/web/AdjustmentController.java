package io.kopilka.wallet.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.gift.GiftLimits;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.wallet.Wallets;
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

/**
 * Points given or taken by hand. Served here, not in {@code ledger}, because the answer shows the
 * member's wallet balance after it (the points' value and the tier progress), which the ledger does
 * not know. The write itself is {@link Ledger#adjust}; the idempotency stays here, since what it
 * keeps and replays is this HTTP answer. A pos key may give points within its daily gift limit
 * ({@link GiftLimits}), which its gifts share, and may not take any.
 */
@RestController
@Tag(name = "Points")
class AdjustmentController {
    private final Ledger ledger;
    private final Wallets wallets;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final GiftLimits giftLimits;
    private final Clock clock;
    private final AuditLog audit;

    AdjustmentController(Ledger ledger, Wallets wallets, Members members, Tenants tenants, Idempotency idempotency,
                         GiftLimits giftLimits, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.ledger = ledger;
        this.giftLimits = giftLimits;
        this.wallets = wallets;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The request as sent, which is also what a retry's fingerprint is taken of. */
    record Adjustment(@Schema(description = "Points to give (positive) or take (negative); not 0") Long points,
                      @Schema(description = "Why, up to 200 characters", example = "compensation") String reason,
                      @Nullable @Schema(description = "Up to 1000 characters") String note) {
    }

    record AdjustmentDone(String memberId, long points, String reason, @Nullable String note, BalanceView balance) {
    }

    @PostMapping("/api/v1/members/{id}/adjustments")
    @Operation(operationId = "adjustPoints",
            summary = "Give or take points by hand (admin; pos may give within its key's daily gift limit); the "
                    + "reason and who did it are kept")
    @ApiResponse(responseCode = "201", description = "Done, with the balance after")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = "`forbidden`: a pos key may not take points\n"
            + "`gift_limit_exceeded`: a pos key's gifts and adjustments of today would pass "
            + "`staffGifts.pointsPerKeyPerDay` (what is left is in `remaining`)")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED + "\n`insufficient_points`: the member "
            + "has fewer points available than are taken (the number is in `available`)")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `points` is 0, missing or out of range, "
            + "or `reason` or `note` is missing or too long")
    ResponseEntity<AdjustmentDone> adjust(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                          @RequestBody Adjustment request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (!caller.isAdmin() && request.points() != null && request.points() < 0) {
            throw new ApiProblem(403, "forbidden", "A pos key may give points within its daily limit, not take them");
        }
        Member member = members.get(caller.tenant(), id);
        var adjustment = io.kopilka.ledger.Adjustment.of(request.points(), request.reason(), request.note());
        var outcome = idempotency.run(caller.tenant(), "adjustment:" + member.id(), key, request, AdjustmentDone.class,
                () -> {
                    Instant now = Now.of(clock);
                    if (!caller.isAdmin()) {
                        giftLimits.take(caller, adjustment.points(), now);
                    }
                    ledger.adjust(caller.tenant(), member, adjustment, caller.actor(), now);
                    audit.record(caller, new Change("points.adjusted", "points", member.id().toString(), null,
                            new Adjustment(adjustment.points(), adjustment.reason(), adjustment.note()),
                            adjustment.reason()));
                    return new AdjustmentDone(member.id().toString(), adjustment.points(), adjustment.reason(),
                            adjustment.note(), BalanceView.of(wallets.balance(caller.tenant(), member.id(), now),
                            tenants.get(caller.tenant()).timezone(), member.locale().tag()));
                });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }
}
