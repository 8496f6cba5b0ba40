package io.kopilka.reward.internal;

import io.kopilka.reward.Reward;
import io.kopilka.rules.CouponOffer;
import io.kopilka.rules.Rule;
import io.kopilka.shared.Names;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A reward's terms as {@code reward.definition} keeps them (see {@link StoredTerms} for why a shape of its own). */
record StoredReward(String name, Map<String, String> names, String description, Map<String, String> descriptions,
                    String kind, Long costPoints, String percent, String amount, List<String> skus,
                    List<String> categories, String minSpend, List<String> stores, List<String> tiers, Long stock,
                    Integer perMemberLimit, Integer couponValidDays, Instant validFrom, Instant validTo,
                    String imageUrl, boolean refundOnExpiry) {

    static StoredReward of(Reward r) {
        return new StoredReward(r.name().name(), r.name().names(),
                r.description() == null ? null : r.description().name(),
                r.description() == null ? null : r.description().names(), r.kind().name(), r.costPoints(),
                StoredTerms.text(r.percent()), StoredTerms.text(r.amount()),
                r.itemFilter() == null ? null : r.itemFilter().skus(),
                r.itemFilter() == null ? null : r.itemFilter().categories(), StoredTerms.text(r.minSpend()), r.stores(),
                r.tiers(), r.stock(), r.perMemberLimit(), r.couponValidDays(), r.validFrom(), r.validTo(), r.imageUrl(),
                r.refundOnExpiry());
    }

    Reward reward(UUID id) {
        return new Reward(id, new Names(name, names), description == null ? null : new Names(description, descriptions),
                CouponOffer.Kind.valueOf(kind), costPoints, StoredTerms.decimal(percent), StoredTerms.decimal(amount),
                skus == null && categories == null ? null : new Rule.ItemFilter(skus, categories),
                StoredTerms.decimal(minSpend), stores, tiers, stock, perMemberLimit, couponValidDays, validFrom, validTo,
                imageUrl, refundOnExpiry);
    }
}
