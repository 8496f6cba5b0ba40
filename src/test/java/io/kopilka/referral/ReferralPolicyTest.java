package io.kopilka.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.program.Program;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReferralPolicyTest {
    private static final Program.Referral SETTINGS = new Program.Referral(500, 300, new BigDecimal("3000.00"), 2);
    private static final ReferralPolicy.Parties FRIENDS =
            new ReferralPolicy.Parties("friend@example.kz", "aigerim@example.kz", false);

    private static ReferralPolicy.Decision decide(ReferralPolicy.Parties parties, String payable,
                                                  Program.Referral settings, int rewardedThisMonth) {
        return ReferralPolicy.decide(parties, new BigDecimal(payable), settings, rewardedThisMonth);
    }

    @Test
    void aPurchaseBelowTheQualifyingSpendGivesNothingAndLeavesTheLinkOpen() {
        assertThat(decide(FRIENDS, "2999.99", SETTINGS, 0)).isEqualTo(new ReferralPolicy.None());
        assertThat(decide(FRIENDS, "3000.00", SETTINGS, 0)).isEqualTo(new ReferralPolicy.Reward(500, 300));
        assertThat(decide(FRIENDS, "3000", SETTINGS, 0)).as("scale does not matter")
                .isEqualTo(new ReferralPolicy.Reward(500, 300));
    }

    @Test
    void aProgramWithoutReferralPointsSkipsEveryPurchase() {
        Program.Referral none = new Program.Referral(0, 0, BigDecimal.ZERO);
        assertThat(ReferralPolicy.qualifies(new BigDecimal("100000"), none)).isFalse();
        assertThat(decide(FRIENDS, "100000", none, 0)).isEqualTo(new ReferralPolicy.None());
        Program.Referral onlyFriend = new Program.Referral(0, 300, BigDecimal.ZERO);
        assertThat(decide(FRIENDS, "1", onlyFriend, 0)).isEqualTo(new ReferralPolicy.Reward(0, 300));
    }

    @Test
    void theMonthlyCapStopsRewardsWhenReachedAndNoCapNever() {
        assertThat(decide(FRIENDS, "5000", SETTINGS, 1)).isEqualTo(new ReferralPolicy.Reward(500, 300));
        assertThat(decide(FRIENDS, "5000", SETTINGS, 2)).isEqualTo(new ReferralPolicy.Capped());
        assertThat(decide(FRIENDS, "5000", SETTINGS, 7)).isEqualTo(new ReferralPolicy.Capped());
        Program.Referral uncapped = new Program.Referral(500, 300, new BigDecimal("3000.00"));
        assertThat(uncapped.maxRewardsPerReferrerPerMonth()).isNull();
        assertThat(decide(FRIENDS, "5000", uncapped, 10_000)).isEqualTo(new ReferralPolicy.Reward(500, 300));
    }

    @Test
    void theReferrersOwnEmailInAnyCaseIsASelfReferral() {
        var self = new ReferralPolicy.Parties(" Aigerim@Example.KZ", "aigerim@example.kz", false);
        assertThat(decide(self, "5000", SETTINGS, 0)).isEqualTo(new ReferralPolicy.SelfReferral());
        // Checked before the cap: a self-referral is what it is whatever the month.
        assertThat(decide(self, "5000", SETTINGS, 2)).isEqualTo(new ReferralPolicy.SelfReferral());
        assertThat(decide(self, "10", SETTINGS, 0)).as("not decided below the spend")
                .isEqualTo(new ReferralPolicy.None());
        var noEmails = new ReferralPolicy.Parties(null, null, false);
        assertThat(decide(noEmails, "5000", SETTINGS, 0)).isEqualTo(new ReferralPolicy.Reward(500, 300));
        var oneEmail = new ReferralPolicy.Parties("a@b.kz", null, false);
        assertThat(decide(oneEmail, "5000", SETTINGS, 0)).isEqualTo(new ReferralPolicy.Reward(500, 300));
    }

    @Test
    void anErasedReferrerGetsNothingButTheFriendStillDoes() {
        var erased = new ReferralPolicy.Parties("friend@example.kz", null, true);
        assertThat(decide(erased, "5000", SETTINGS, 0)).isEqualTo(new ReferralPolicy.Reward(0, 300));
    }

    @Test
    void theFriendsLineSaysExactlyWhoGetsWhat() {
        var texts = io.kopilka.shared.Texts.messages();
        assertThat(texts.render(ReferralTexts.rewarded(300, 300), "ru"))
                .isEqualTo("Вам и другу, который вас пригласил, — по 300 баллов. Спасибо, что вы с нами!");
        assertThat(texts.render(ReferralTexts.rewarded(1, 1), "ru"))
                .isEqualTo("Вам и другу, который вас пригласил, — по 1 баллу. Спасибо, что вы с нами!");
        assertThat(texts.render(ReferralTexts.rewarded(500, 300), "ru")).isEqualTo(
                "Вам — 300 баллов, другу, который вас пригласил, — 500 баллов. Спасибо, что вы с нами!");
        assertThat(texts.render(ReferralTexts.rewarded(0, 300), "kk")).isEqualTo(
                "Шақыру бойынша қосылғаныңыз үшін сізге — 300 ұпай. Бізбен бірге болғаныңызға рақмет!");
        assertThat(texts.render(ReferralTexts.rewarded(500, 0), "en"))
                .isEqualTo("The friend who invited you gets 500 points. Thank you for being with us!");
        assertThat(ReferralTexts.rewarded(0, 0)).isNull();
    }
}
