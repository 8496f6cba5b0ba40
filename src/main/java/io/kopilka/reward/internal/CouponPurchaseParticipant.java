package io.kopilka.reward.internal;

import io.kopilka.purchase.PricingInput;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponCodes;
import io.kopilka.reward.CouponRefusals;
import io.kopilka.rules.PricedCart;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Coupons in purchases. Before pricing, the codes the till sent are read in one statement and
 * each must be the member's and active, or the purchase is refused with the reason and nothing is
 * written. In the purchase's transaction each coupon used moves from active to used by a
 * conditional statement: of two purchases racing for one coupon, the second finds it used and
 * rolls back whole (409 {@code coupon_used}). The coupons the purchase's rules give are issued
 * there too. A whole return gives the used coupons back and cancels the given ones still unused.
 */
@Component
@Order(200)
class CouponPurchaseParticipant implements PurchaseParticipant {
    private static final Logger log = LoggerFactory.getLogger(CouponPurchaseParticipant.class);

    private final CouponStore coupons;
    private final CouponService service;
    private final RewardStore rewards;
    private final Tenants tenants;
    private final Clock clock;

    CouponPurchaseParticipant(CouponStore coupons, CouponService service, RewardStore rewards, Tenants tenants,
                              Clock clock) {
        this.coupons = coupons;
        this.service = service;
        this.rewards = rewards;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public Contribution beforePricing(TenantId tenant, MemberId member, List<String> couponCodes) {
        if (couponCodes.isEmpty()) {
            return Contribution.NONE;
        }
        List<Optional<String>> canonical = couponCodes.stream().map(CouponCodes::canonical).toList();
        Set<String> seen = new HashSet<>();
        for (Optional<String> code : canonical) {
            if (code.isPresent() && !seen.add(code.get())) {
                throw ApiProblem.invalid("couponCodes", "the coupon " + CouponCodes.display(code.get())
                        + " is sent twice");
            }
        }
        Map<String, Coupon> found = coupons.byCodes(tenant, List.copyOf(seen)).stream()
                .collect(Collectors.toMap(Coupon::code, Function.identity()));
        Instant now = Now.of(clock);
        List<PricingInput> inputs = new ArrayList<>(couponCodes.size());
        for (int i = 0; i < couponCodes.size(); i++) {
            String sent = couponCodes.get(i);
            Coupon coupon = canonical.get(i).map(found::get).orElse(null);
            if (coupon == null) {
                throw CouponRefusals.invalid(sent, "not_found");
            }
            coupon.refusalFor(member, now).ifPresent(reason -> {
                throw CouponRefusals.invalid(sent, reason);
            });
            inputs.add(new PricingInput.Coupon(coupon.offer()));
        }
        return new Contribution(List.copyOf(inputs), List.of());
    }

    @Override
    public List<ReceiptPart> recorded(RecordedPurchase p) {
        for (PricedCart.AppliedCoupon used : p.coupons()) {
            if (!service.markUsed(p.tenant(), p.member(), UUID.fromString(used.couponId()), used.code(),
                    UUID.fromString(used.rewardId()), p.purchase(), p.recordedAt())) {
                throw CouponRefusals.used(used.code());
            }
        }
        List<ReceiptPart> parts = new ArrayList<>();
        ZoneId zone = null;
        for (PricedCart.Effect effect : p.effects()) {
            if (!(effect instanceof PricedCart.IssueCoupon issue)) {
                continue;
            }
            Optional<Coupon> coupon = service.issueForPurchase(p.tenant(), p.member(), issue.rewardId(), p.purchase(),
                    p.recordedAt());
            if (coupon.isEmpty()) {
                log.warn("Rule {} ({}) of tenant {} did not issue a coupon of reward {}: archived, out of its dates "
                        + "or out of stock", issue.ruleId(), issue.ruleName(), p.tenant(), issue.rewardId());
                continue;
            }
            zone = zone == null ? tenants.get(p.tenant()).timezone() : zone;
            Instant expiresAt = coupon.get().expiresAt();
            parts.add(new ReceiptPart.CouponIssued(coupon.get().displayCode(), issue.rewardId(),
                    expiresAt == null ? null : expiresAt.atZone(zone).toOffsetDateTime()));
        }
        return parts;
    }

    @Override
    public void returned(RecordedReturn r) {
        if (!r.returnsWhole()) {
            return;
        }
        coupons.giveBackUsedIn(r.tenant(), r.purchase(), r.recordedAt());
        coupons.cancelIssuedBy(r.tenant(), r.purchase(), r.recordedAt()).forEach(reward -> rewards.giveBack(r.tenant(), reward));
    }
}
