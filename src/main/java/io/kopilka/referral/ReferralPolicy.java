package io.kopilka.referral;

import io.kopilka.program.Program;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a friend's purchase does to their referral: whether it qualifies, and then what both get. Pure:
 * the caller reads the parties and, under the referrer's lock, how many friends the referrer was
 * rewarded for this month.
 */
public final class ReferralPolicy {

    private ReferralPolicy() {
    }

    /** The member who was invited, and who invited them. {@code referrerErased}: their data is gone. */
    public record Parties(String friendEmail, String referrerEmail, boolean referrerErased) {
    }

    public sealed interface Decision {
    }

    /** The purchase does not qualify (or the program gives no referral points): the link stays open. */
    public record None() implements Decision {
    }

    /** Both get their points (an erased referrer gets none). */
    public record Reward(long referrerPoints, long refereePoints) implements Decision {
    }

    /** The referrer reached the month's cap: nothing, for good. */
    public record Capped() implements Decision {
    }

    /** The friend has the referrer's e-mail: nothing, for good. */
    public record SelfReferral() implements Decision {
    }

    /** Whether a purchase of this payable is one the program rewards a referral for. */
    public static boolean qualifies(BigDecimal payable, Program.Referral settings) {
        return settings.givesPoints() && payable.compareTo(settings.qualifyingSpend()) >= 0;
    }

    /**
     * @param rewardedThisMonth the friends the referrer was rewarded for in the purchase's calendar
     *                          month (the tenant's time zone), counted under the referrer's lock
     */
    public static Decision decide(Parties parties, BigDecimal payable, Program.Referral settings,
                                  int rewardedThisMonth) {
        if (!qualifies(payable, settings)) {
            return new None();
        }
        if (sameEmail(parties.friendEmail(), parties.referrerEmail())) {
            return new SelfReferral();
        }
        if (parties.referrerErased()) {
            return new Reward(0, settings.refereePoints());
        }
        Integer cap = settings.maxRewardsPerReferrerPerMonth();
        if (cap != null && rewardedThisMonth >= cap) {
            return new Capped();
        }
        return new Reward(settings.referrerPoints(), settings.refereePoints());
    }

    private static boolean sameEmail(String a, String b) {
        return a != null && b != null && !a.isBlank()
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
