package io.kopilka.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.member.MemberLevel;
import io.kopilka.rules.CouponOffer;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RewardAvailabilityTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static CatalogReward reward(boolean active, Long cost, List<String> tiers, Integer limit, Instant from,
                                        Instant to) {
        Reward r = new Reward(UUID.randomUUID(), Names.of("Стрижка"), null, CouponOffer.Kind.GIFT, cost, null, null,
                null, null, null, tiers, null, limit, null, from, to, null, true);
        return new CatalogReward(r, null, active, NOW, NOW);
    }

    @Test
    void onSaleWhenActiveInItsDatesPricedAndAllowed() {
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, null, null, null, null), NOW, null, 0)).isEmpty();
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, List.of("gold"), 2, NOW, NOW.plusSeconds(1)),
                NOW, "gold", 1)).isEmpty();
    }

    @Test
    void eachReason() {
        assertThat(RewardAvailability.refusalToSell(reward(false, 100L, null, null, null, null), NOW, null, 0))
                .contains("archived");
        assertThat(RewardAvailability.refusalToSell(reward(true, null, null, null, null, null), NOW, null, 0))
                .contains("not_for_sale");
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, null, null, NOW.plusSeconds(1), null), NOW,
                null, 0)).contains("not_started");
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, null, null, null, NOW), NOW, null, 0))
                .contains("ended");
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, List.of("gold"), null, null, null), NOW,
                "silver", 0)).contains("tier_not_allowed");
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, List.of("gold"), null, null, null), NOW, null,
                0)).contains("tier_not_allowed");
        assertThat(RewardAvailability.refusalToSell(reward(true, 100L, null, 2, null, null), NOW, null, 2))
                .contains("limit_reached");
    }

    @Test
    void aGiftNeedsNoPriceNoLevelAndNoLimit() {
        assertThat(RewardAvailability.refusalToGive(reward(true, null, List.of("gold"), 1, null, null), NOW)).isEmpty();
        assertThat(RewardAvailability.refusalToGive(reward(false, null, null, null, null, null), NOW))
                .contains("archived");
        assertThat(RewardAvailability.refusalToGive(reward(true, null, null, null, null, NOW), NOW)).contains("ended");
    }

    @Test
    void aCouponIsRefusedForWhatItIsNowNotForWhatItWas() {
        MemberId owner = new MemberId(UUID.randomUUID());
        Coupon active = new Coupon(UUID.randomUUID(), "K7M29QXD4TRW", UUID.randomUUID(), owner, CouponSource.RULE,
                CouponStatus.ACTIVE, reward(true, null, null, null, null, null).reward().terms(), null, true, null,
                NOW, NOW.plusSeconds(60), null, null);
        assertThat(active.refusalFor(owner, NOW)).isEmpty();
        assertThat(active.refusalFor(new MemberId(UUID.randomUUID()), NOW)).contains("not_yours");
        assertThat(active.refusalFor(owner, NOW.plusSeconds(60))).contains("expired");
        assertThat(active.statusAt(NOW.plusSeconds(60))).isEqualTo(CouponStatus.EXPIRED);
        assertThat(active.displayCode()).isEqualTo("K7M2-9QXD-4TRW");
        assertThat(new MemberLevel("gold", "Gold").code()).isEqualTo("gold");
    }
}
