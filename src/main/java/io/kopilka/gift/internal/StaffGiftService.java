package io.kopilka.gift.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.gift.Gift;
import io.kopilka.gift.GiftLimits;
import io.kopilka.gift.Gifts;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.program.Programs;
import io.kopilka.reward.CouponSource;
import io.kopilka.reward.Coupons;
import io.kopilka.reward.IssuedCoupon;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gifts through the ledger (points) and the reward module (coupons), each audited with its reason. */
@Service
class StaffGiftService implements Gifts {
    private final Ledger ledger;
    private final GiftLimits limits;
    private final Programs programs;
    private final Tenants tenants;
    private final AuditLog audit;
    private final Coupons coupons;

    StaffGiftService(Ledger ledger, GiftLimits limits, Programs programs, Tenants tenants, AuditLog audit,
                     Coupons coupons) {
        this.ledger = ledger;
        this.limits = limits;
        this.programs = programs;
        this.tenants = tenants;
        this.audit = audit;
        this.coupons = coupons;
    }

    @Override
    @Transactional
    public GivenPoints givePoints(Caller caller, Member member, Gift.PointsGift gift, Instant now) {
        refuseErased(member);
        limits.take(caller, gift.points(), now);
        Instant expiresAt = programs.of(caller.tenant()).expiry()
                .expiresAt(now, tenants.get(caller.tenant()).timezone()).orElse(null);
        var locked = ledger.lock(caller.tenant(), member.id(), now);
        ledger.credit(caller.tenant(), locked, Credit.gift(gift.points(), now, expiresAt, gift.reason(), gift.note(),
                caller.actor(), new Text("history.gift", Map.of("reason", gift.reason()))), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("points", gift.points());
        after.put("reason", gift.reason());
        after.put("note", gift.note());
        audit.record(caller, new Change("points.gifted", "points", member.id().toString(), null, after,
                gift.reason()));
        return new GivenPoints(gift.points(), expiresAt);
    }

    @Override
    @Transactional
    public IssuedCoupon giveCoupon(Caller caller, Member member, Gift.CouponGift gift, Instant now) {
        if (!caller.isAdmin() && !programs.of(caller.tenant()).staffGifts().allows(gift.rewardId())) {
            throw new ApiProblem(403, "gift_not_allowed", "This key may not give coupons of this reward: the "
                    + "program's staffGifts.rewardIds does not list it");
        }
        refuseErased(member);
        IssuedCoupon coupon = coupons.issue(caller.tenant(), member.id(), gift.rewardId(), CouponSource.GIFT,
                gift.note(), caller.actor(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberId", member.id().toString());
        after.put("rewardId", coupon.rewardId());
        after.put("reason", gift.reason());
        after.put("note", gift.note());
        audit.record(caller, new Change("coupon.gifted", "coupon", coupon.code(), null, after, gift.reason()));
        return coupon;
    }

    private static void refuseErased(Member member) {
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member cannot be given anything");
        }
    }
}
