package io.kopilka.reward;

import io.kopilka.rules.CouponOffer;
import io.kopilka.rules.Rule;
import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A reward of the catalog, validated ({@link RewardValidation}).
 *
 * @param description     null: none
 * @param costPoints      null: not for sale for points (issued only by rules, challenges, gifts, jobs)
 * @param tiers           the level codes that may buy it; null or empty: every member
 * @param stock           how many coupons may ever be issued; null: unlimited
 * @param perMemberLimit  how many one member may buy; null: no limit
 * @param couponValidDays how long a coupon is valid from its issue; null: it does not expire
 * @param refundOnExpiry  whether a coupon bought with points that expires unused gives its points back
 */
public record Reward(UUID id, Names name, Names description, CouponOffer.Kind kind, Long costPoints,
                     BigDecimal percent, BigDecimal amount, Rule.ItemFilter itemFilter, BigDecimal minSpend,
                     List<String> stores, List<String> tiers, Long stock, Integer perMemberLimit,
                     Integer couponValidDays, Instant validFrom, Instant validTo, String imageUrl,
                     boolean refundOnExpiry) {

    public Reward {
        stores = stores == null ? null : List.copyOf(stores);
        tiers = tiers == null ? null : List.copyOf(tiers);
    }

    /** What a coupon issued now is worth, kept with it. */
    public CouponTerms terms() {
        return new CouponTerms(name, kind, percent, amount, itemFilter, minSpend, stores);
    }

    /** When a coupon issued at {@code issuedAt} expires: that many days later, by the tenant's calendar; null: never. */
    public Instant couponExpiresAt(Instant issuedAt, ZoneId zone) {
        return couponValidDays == null ? null : issuedAt.atZone(zone).plusDays(couponValidDays).toInstant();
    }
}
