package io.kopilka.purchase.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.ledger.Account;
import io.kopilka.member.Member;
import io.kopilka.program.Program;
import io.kopilka.purchase.PricingInput;
import io.kopilka.rules.Cart;
import io.kopilka.rules.CouponOffer;
import io.kopilka.rules.MemberSnapshot;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.Pricing;
import io.kopilka.rules.RuleSet;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prices a cart with a rule set for a member as they are before the purchase; pure but for the log. */
final class CartPricer {
    private static final Logger log = LoggerFactory.getLogger(CartPricer.class);

    private CartPricer() {
    }

    static PricedCart price(PurchaseContext c, RuleSet ruleSet, Account account, long redeem, Map<RuleId, Long> caps) {
        return price(c.tenant().id(), c.cart(), c.program(), c.member(), c.inputs(), account, redeem, ruleSet, caps);
    }

    static PricedCart price(TenantId tenant, Cart cart, Program program, Member member,
                            List<PricingInput> inputs, Account account, long redeem, RuleSet ruleSet,
                            Map<RuleId, Long> caps) {
        List<CouponOffer> coupons = new ArrayList<>();
        for (PricingInput input : inputs) {
            if (input instanceof PricingInput.Coupon coupon) {
                coupons.add(coupon.offer());
            }
        }
        PricedCart priced = Pricing.price(new Pricing.Input(cart, ruleSet.rules(), program,
                snapshot(member, inputs, account), redeem, caps, coupons));
        priced.skipped().forEach(s -> log.warn("Rule {} ({}) skipped for tenant {}: its condition failed: {}",
                s.name(), s.ruleId(), tenant, s.error()));
        return priced;
    }

    /** What the rules may know of the member: the participants' inputs, CRM attributes and history before this purchase. */
    static MemberSnapshot snapshot(Member member, List<PricingInput> inputs, Account account) {
        if (member == null) {
            return MemberSnapshot.GUEST;
        }
        String tier = null;
        String tierName = null;
        MemberSnapshot.TierBenefits benefits = null;
        for (PricingInput input : inputs) {
            switch (input) {
                case PricingInput.Level level -> {
                    tier = level.code();
                    tierName = level.name();
                    benefits = level.benefits() == null ? null : new MemberSnapshot.TierBenefits(
                            level.benefits().earnMultiplier(), level.benefits().discountPercent());
                }
                case PricingInput.Coupon coupon -> { } // priced above, not part of who the member is
            }
        }
        return new MemberSnapshot(true, tier, tierName, benefits, member.attributes(), member.createdAt(),
                member.birthDate(), account == null ? BigDecimal.ZERO : account.lifetimeSpend(),
                account == null ? 0 : account.visits(), List.of());
    }
}
