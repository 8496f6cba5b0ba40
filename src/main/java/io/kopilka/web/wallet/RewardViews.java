package io.kopilka.web.wallet;

import io.kopilka.member.Member;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponStatus;
import io.kopilka.reward.Coupons;
import io.kopilka.reward.Reward;
import io.kopilka.reward.RewardAvailability;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.Tiers;
import io.kopilka.wallet.Wallets;
import io.kopilka.web.wallet.RewardsView.CouponCard;
import io.kopilka.web.wallet.RewardsView.RewardCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rewards a member may buy for points, from the catalog the REST API serves, with the same
 * availability rules the redemption applies: a reward of another level or out of its dates is not
 * shown at all, one out of stock is shown as such.
 */
@Component
class RewardViews {
    /** The catalog read for the page: a business's whole catalog fits in it. */
    static final int CATALOG_READ = 200;
    static final int ALMOST_SHOWN = 5;
    static final int COUPONS_SHOWN = 50;

    private final RewardCatalog catalog;
    private final Coupons coupons;
    private final Wallets wallets;
    private final Tiers tiers;

    RewardViews(RewardCatalog catalog, Coupons coupons, Wallets wallets, Tiers tiers) {
        this.catalog = catalog;
        this.coupons = coupons;
        this.wallets = wallets;
        this.tiers = tiers;
    }

    RewardsView of(TenantId tenant, Member member, WalletFormats f) {
        long available = available(tenant, member, f);
        String tier = tiers.current(tenant, member.id()).map(t -> t.level().code()).orElse(null);
        List<RewardCard> affordable = new ArrayList<>();
        List<RewardCard> almost = new ArrayList<>();
        for (CatalogReward r : forSale(tenant, f, tier)) {
            long cost = r.reward().costPoints();
            RewardCard card = card(r, f, cost <= available ? null : f.points(cost - available));
            (cost <= available ? affordable : almost).add(card);
        }
        List<CouponCard> active = coupons.ofMember(tenant, member.id(), CouponStatus.ACTIVE, null, null, COUPONS_SHOWN,
                f.now()).stream().map(c -> coupon(c, f)).toList();
        return new RewardsView(f.points(available), affordable, almost.stream().limit(ALMOST_SHOWN).toList(), active);
    }

    /** What the member may spend now. */
    long available(TenantId tenant, Member member, WalletFormats f) {
        return wallets.balance(tenant, member.id(), f.now()).available();
    }

    /** One reward the member may buy, for the confirmation; empty for one they may not (or another tenant's). */
    Optional<RewardCard> forSale(TenantId tenant, Member member, String id, WalletFormats f) {
        String tier = tiers.current(tenant, member.id()).map(t -> t.level().code()).orElse(null);
        return catalog.byId(tenant, id).filter(r -> sellable(r, f, tier)).map(r -> card(r, f, null));
    }

    /** The member's coupon of this code; empty for anyone else's, so that another's is not found (404). */
    Optional<Coupon> coupon(TenantId tenant, Member member, String code) {
        return coupons.byCode(tenant, code).filter(c -> c.member().equals(member.id()));
    }

    static CouponCard coupon(Coupon c, WalletFormats f) {
        return new CouponCard(c.displayCode(), c.terms().name().in(f.language()),
                c.expiresAt() == null ? null : f.day(c.expiresAt()));
    }

    private List<CatalogReward> forSale(TenantId tenant, WalletFormats f, String tier) {
        List<CatalogReward> all = new ArrayList<>();
        UUID after = null;
        List<CatalogReward> page;
        do {
            page = catalog.page(tenant, after, CATALOG_READ, true);
            all.addAll(page);
            after = page.isEmpty() ? null : page.getLast().reward().id();
        } while (page.size() == CATALOG_READ && all.size() < 10 * CATALOG_READ);
        return all.stream().filter(r -> sellable(r, f, tier))
                .sorted(Comparator.comparingLong((CatalogReward r) -> r.reward().costPoints())).toList();
    }

    /**
     * The refusals a member cannot change by saving points hide a reward; the member's own limit is
     * the redemption's to say (it counts what they bought), so such a reward is shown and refused then.
     */
    private static boolean sellable(CatalogReward r, WalletFormats f, String tier) {
        return RewardAvailability.refusalToSell(r, f.now(), tier, 0).isEmpty();
    }

    private static RewardCard card(CatalogReward r, WalletFormats f, String more) {
        Reward reward = r.reward();
        String description = reward.description() == null ? null : reward.description().in(f.language());
        return new RewardCard(reward.id().toString(), reward.name().in(f.language()), description,
                f.points(reward.costPoints()), reward.costPoints(), more,
                r.stockLeft() != null && r.stockLeft() <= 0);
    }
}
