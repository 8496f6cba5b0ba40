package io.kopilka.faq;

import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.rules.Rule;
import io.kopilka.shared.Money;
import io.kopilka.shared.Text;
import io.kopilka.tier.Ladder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * "How points work", as data: the program's settings, its live rules and its levels turned into
 * sentences a customer reads ("5% of every purchase comes back to you as points. 1 point = 1 ₸. …").
 * Each sentence is a {@link Text} of the {@code how.*} keys, rendered in the reader's language by
 * {@link io.kopilka.shared.Texts}; the order is the order a customer asks in: how do I earn, what is
 * a point worth, how do I spend, when do they go, what else is given.
 *
 * <p>Pure: the caller hands in what the facades of program, rules and tiers say, and the moment
 * ({@code now}) that decides which rules are running.
 */
public final class ProgramExplanation {
    private ProgramExplanation() {
    }

    public static List<Text> of(Program program, Currency currency, List<Rule> rules, Ladder ladder, Instant now) {
        List<Text> texts = new ArrayList<>();
        List<Rule> running = rules.stream().filter(r -> runs(r, now)).toList();
        texts.addAll(RuleSentences.of(running, currency));
        texts.addAll(spending(program, currency));
        texts.addAll(expiry(program));
        texts.addAll(gifts(program, currency));
        texts.addAll(TierSentences.of(ladder, currency));
        RuleSentences.offers(running).ifPresent(texts::add);
        return List.copyOf(texts);
    }

    private static boolean runs(Rule rule, Instant now) {
        return (rule.validFrom() == null || !rule.validFrom().isAfter(now))
                && (rule.validTo() == null || rule.validTo().isAfter(now));
    }

    private static List<Text> spending(Program program, Currency currency) {
        List<Text> texts = new ArrayList<>();
        texts.add(value(program.pointValue(), currency));
        BigDecimal share = program.maxRedeemShare();
        if (share.signum() == 0) {
            texts.add(text("how.redeem.none"));
            return texts;
        }
        texts.add(share.compareTo(BigDecimal.ONE) >= 0 ? text("how.redeem.whole")
                : text("how.redeem.share", "percent", plain(share.movePointRight(2))));
        if (program.minRedeemPoints() > 0) {
            texts.add(text("how.redeem.minimum", "points", program.minRedeemPoints()));
        }
        if (program.pendingDays() > 0) {
            texts.add(text("how.pending", "days", (long) program.pendingDays()));
        }
        return texts;
    }

    /**
     * "1 point = 1 ₸"; a point worth less than the currency's smallest coin is shown for 10, 100, …
     * points ("100 points = 1.25 ₸"), so that no customer reads "1 point = 0 ₸".
     */
    static Text value(BigDecimal pointValue, Currency currency) {
        long points = 1;
        BigDecimal worth = pointValue;
        while (worth.stripTrailingZeros().scale() > Money.scaleOf(currency) && points < 1_000_000) {
            points *= 10;
            worth = pointValue.multiply(BigDecimal.valueOf(points));
        }
        return new Text("how.value", Map.of("points", points, "value", Money.of(worth, currency)));
    }

    private static List<Text> expiry(Program program) {
        ExpiryPolicy expiry = program.expiry();
        if (expiry.mode() == ExpiryPolicy.Mode.NONE) {
            return List.of(text("how.expiry.none"));
        }
        List<Text> texts = new ArrayList<>();
        texts.add(text(expiry.mode() == ExpiryPolicy.Mode.AFTER_EARN ? "how.expiry.after-earn"
                : "how.expiry.after-inactivity", "months", (long) expiry.months()));
        List<Long> days = program.expiryReminderDays().stream().distinct().sorted((a, b) -> b - a)
                .map(Integer::longValue).toList();
        if (!days.isEmpty()) {
            texts.add(new Text("how.expiry.reminders", Map.of("days", Spoken.list(days.stream().map(String::valueOf).toList()),
                    "last", days.getLast())));
        }
        return texts;
    }

    private static List<Text> gifts(Program program, Currency currency) {
        List<Text> texts = new ArrayList<>();
        if (program.welcomePoints() > 0) {
            texts.add(text("how.welcome", "points", program.welcomePoints()));
        }
        Program.Birthday birthday = program.birthday();
        if (birthday.points() > 0 && birthday.rewardId() != null) {
            texts.add(text("how.birthday.both", "points", birthday.points()));
        } else if (birthday.points() > 0) {
            texts.add(text("how.birthday.points", "points", birthday.points()));
        } else if (birthday.rewardId() != null) {
            texts.add(text("how.birthday.coupon"));
        }
        Program.Referral referral = program.referral();
        if (referral.referrerPoints() > 0 && referral.refereePoints() > 0) {
            texts.add(new Text("how.referral.both",
                    Map.of("referrer", referral.referrerPoints(), "referee", referral.refereePoints())));
        } else if (referral.referrerPoints() > 0) {
            texts.add(text("how.referral.referrer", "referrer", referral.referrerPoints()));
        } else if (referral.refereePoints() > 0) {
            texts.add(text("how.referral.referee", "referee", referral.refereePoints()));
        }
        if (referral.givesPoints() && referral.qualifyingSpend().signum() > 0) {
            texts.add(new Text("how.referral.spend", Map.of("spend", Money.of(referral.qualifyingSpend(), currency))));
        }
        texts.addAll(winBack(program.winBack()));
        return texts;
    }

    private static List<Text> winBack(Program.WinBack winBack) {
        if (!winBack.gives()) {
            return List.of();
        }
        // With a cadence the absence is measured against each member's own rhythm: no one number of days.
        boolean fixed = winBack.cadence() == null;
        if (winBack.points() > 0) {
            return List.of(fixed
                    ? new Text("how.winback.points", Map.of("days", (long) winBack.afterDays(), "points", winBack.points()))
                    : text("how.winback.points-while", "points", winBack.points()));
        }
        return List.of(fixed ? text("how.winback.coupon", "days", (long) winBack.afterDays())
                : text("how.winback.coupon-while"));
    }

    static Text text(String key) {
        return new Text(key, Map.of());
    }

    static Text text(String key, String name, Object value) {
        return new Text(key, Map.of(name, value));
    }

    /** "2.5", "10": the same in every language, as the owner typed the setting (as receipts show it). */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
