package io.kopilka.analytics;

import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's figures: the range's totals, one {@link Day} per day of it (zeros included, for charts),
 * and what holds at the moment it was made ({@code asOf}).
 *
 * @param storeCode null: all stores
 */
public record Summary(LocalDate from, LocalDate to, @Nullable String storeCode, Instant asOf, Figures totals,
                      List<Day> days, Liability liability, Expiring expiring, List<TopRule> topRules,
                      List<TopReward> topRewards) {

    public Summary {
        days = List.copyOf(days);
        topRules = List.copyOf(topRules);
        topRewards = List.copyOf(topRewards);
    }

    public record Day(LocalDate date, Figures figures) {
    }

    /**
     * What happened in a day or in the range.
     *
     * @param pointsIssued   points given: earned, welcome, birthday, referral, gift, challenge, win-back and
     *                       positive adjustments (not transfers between members, nor refunds of spent points)
     * @param pointsRedeemed points spent: at the till, on rewards and on causes
     * @param pointsExpired  points written off at their expiry date
     * @param pointsByType   the net points of each entry type that moved, by its code ({@code earn}, {@code reverse}, …)
     * @param returned       the money given back by returns
     */
    public record Figures(long memberPurchases, long guestPurchases, Money memberRevenue, Money guestRevenue,
                          long returns, Money returned, long newMembers, long pointsIssued, long pointsRedeemed,
                          long pointsExpired, Map<String, Long> pointsByType) {

        public Figures {
            pointsByType = Map.copyOf(pointsByType);
        }
    }

    /** Points outstanding (spendable and pending, less debts) and what they are worth at the program's pointValue. */
    public record Liability(long points, Money value) {
    }

    /**
     * Points of live lots that expire after {@code asOf} and up to {@code until} (30 days after the range's
     * last day ends), how many members hold them, and how many of those were told in the last 30 days.
     */
    public record Expiring(Instant until, long points, long members, long warnedMembers) {
    }

    public record TopRule(String ruleId, String name, long points, long times) {
    }

    public record TopReward(String rewardId, Names name, long coupons) {
    }
}
