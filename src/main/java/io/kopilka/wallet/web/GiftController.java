package io.kopilka.wallet.web;

import io.kopilka.gift.Gift;
import io.kopilka.gift.Gifts;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.reward.IssuedCoupon;
import io.kopilka.shared.Now;
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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff gifts: points or a coupon given by hand, with a reason. Served here, as the adjustments are,
 * because the answer shows the member's wallet after it; the gift itself is {@link Gifts}'.
 */
@RestController
@Tag(name = "Points")
class GiftController {
    private final Gifts gifts;
    private final Wallets wallets;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    GiftController(Gifts gifts, Wallets wallets, Members members, Tenants tenants, Idempotency idempotency,
                   Clock clock) {
        this.gifts = gifts;
        this.wallets = wallets;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The request as sent, which is also what a retry's fingerprint is taken of. */
    record GiftRequest(@Nullable @Schema(description = "Points to give, 1 or more; or send rewardId") Long points,
                       @Nullable @Schema(description = "A reward whose coupon to give; or send points") String rewardId,
                       @Schema(description = "Why, 1 to 200 characters; the member reads it in the history",
                               example = "долгое ожидание") String reason,
                       @Nullable @Schema(description = "For the staff, up to 1000 characters") String note) {
    }

    record GiftDone(String memberId, String reason, @Nullable String note,
                    @Nullable @Schema(description = "The points given; null for a coupon") GivenEntry entry,
                    @Nullable @Schema(description = "The coupon given; null for points") GivenCoupon coupon,
                    BalanceView balance) {
    }

    /** @param expiresAt null: the points do not expire */
    record GivenEntry(@Schema(allowableValues = "gift") String type, long points,
                      @Nullable OffsetDateTime expiresAt) {
    }

    record GivenCoupon(String id, String code, String rewardId, @Nullable OffsetDateTime expiresAt) {
    }

    @PostMapping("/api/v1/members/{id}/gifts")
    @Operation(operationId = "giveGift", summary = "Give a member points or a reward's coupon by hand, with a "
            + "reason (pos within its key's daily limit, admin)")
    @ApiResponse(responseCode = "201", description = "Given, with the balance after")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = "`gift_limit_exceeded`: a pos key's gifts and adjustments of "
            + "today would pass `staffGifts.pointsPerKeyPerDay` (what is left is in `remaining`)\n"
            + "`gift_not_allowed`: a pos key may give coupons only of the rewards in `staffGifts.rewardIds`")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND + "\n`not_found`: no such reward")
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED + "\n`out_of_stock`: the reward has "
            + "no coupons left")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: neither or both of `points` and "
            + "`rewardId`, `points` out of range, `reason` missing or too long, `note` too long\n"
            + "`reward_not_available`: the reward is archived or outside its dates")
    ResponseEntity<GiftDone> give(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                  @RequestBody GiftRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = members.get(caller.tenant(), id);
        Gift gift = Gift.of(request.points(), request.rewardId(), request.reason(), request.note());
        var outcome = idempotency.run(caller.tenant(), "gift:" + member.id(), key, request, GiftDone.class, () -> {
            Instant now = Now.of(clock);
            ZoneId zone = tenants.get(caller.tenant()).timezone();
            GivenEntry entry = null;
            GivenCoupon coupon = null;
            switch (gift) {
                case Gift.PointsGift points -> {
                    Gifts.GivenPoints given = gifts.givePoints(caller, member, points, now);
                    entry = new GivenEntry("gift", given.points(), at(given.expiresAt(), zone));
                }
                case Gift.CouponGift reward -> {
                    IssuedCoupon issued = gifts.giveCoupon(caller, member, reward, now);
                    coupon = new GivenCoupon(issued.id(), issued.code(), issued.rewardId(),
                            at(issued.expiresAt(), zone));
                }
            }
            return new GiftDone(member.id().toString(), gift.reason(), gift.note(), entry, coupon,
                    BalanceView.of(wallets.balance(caller.tenant(), member.id(), now), zone,
                            member.locale().tag()));
        });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
