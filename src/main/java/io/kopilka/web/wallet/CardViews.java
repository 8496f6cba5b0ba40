package io.kopilka.web.wallet;

import io.kopilka.engagement.ChallengeDraft;
import io.kopilka.engagement.Challenges;
import io.kopilka.engagement.MemberChallenge;
import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.PendingPoints;
import io.kopilka.member.Member;
import io.kopilka.program.Programs;
import io.kopilka.shared.Money;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.TierProgress;
import io.kopilka.tier.Tiers;
import io.kopilka.wallet.Goal;
import io.kopilka.wallet.WalletBalance;
import io.kopilka.wallet.Wallets;
import io.kopilka.web.wallet.CardView.Dated;
import io.kopilka.web.wallet.CardView.GoalView;
import io.kopilka.web.wallet.CardView.HistoryLine;
import io.kopilka.web.wallet.CardView.StampCard;
import io.kopilka.web.wallet.CardView.TierView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gathers one member's card from the facades the REST API answers from (the balance, pending
 * points, the level, challenges, the goal, the history): no SQL here, only the choice of what the
 * first screen says and in which words.
 */
@Component
class CardViews {
    /** History entries on the card; the rest is a tap away. */
    static final int HISTORY_SHOWN = 5;
    /** A row of circles longer than this no longer fits a phone: a bar instead. */
    static final int MAX_STAMPS = 12;

    private final Wallets wallets;
    private final PendingPoints pendingPoints;
    private final Tiers tiers;
    private final Challenges challenges;
    private final Ledger ledger;
    private final Programs programs;

    CardViews(Wallets wallets, PendingPoints pendingPoints, Tiers tiers, Challenges challenges, Ledger ledger,
              Programs programs) {
        this.wallets = wallets;
        this.pendingPoints = pendingPoints;
        this.tiers = tiers;
        this.challenges = challenges;
        this.ledger = ledger;
        this.programs = programs;
    }

    CardView of(Tenant tenant, Member member, WalletFormats f) {
        TenantId t = tenant.id();
        Instant now = f.now();
        WalletBalance balance = wallets.balance(t, member.id(), now);
        Instant windowEnd = now.plus(Duration.ofDays(reminderDays(t)));
        List<Dated> soon = new ArrayList<>();
        Dated later = null;
        for (Balance.Expiring e : balance.expiring()) {
            if (!e.expiresAt().isAfter(windowEnd)) {
                soon.add(new Dated(f.points(e.points()), f.day(e.expiresAt())));
            } else if (later == null) {
                later = new Dated(f.points(e.points()), f.day(e.expiresAt()));
            }
        }
        List<Dated> pending = pendingPoints.of(t, member.id(), now).stream()
                .map(p -> new Dated(f.points(p.points()), f.day(p.availableAt()))).toList();
        return new CardView(member.cardNumber(), WalletFormats.card(member.cardNumber()),
                f.points(balance.available()), balance.available(), balance.value().printed(), soon, later, pending,
                tier(t, balance.tier(), tenant, f), stampCards(t, member, tenant, f), goal(balance.goal(), f),
                history(t, member, f));
    }

    /**
     * How far ahead the card warns: the earliest reminder the program sends (its largest lead day), so
     * the card says it no later than the message does. A program that sends none warns a week ahead.
     */
    private int reminderDays(TenantId tenant) {
        List<Integer> days = programs.of(tenant).expiryReminderDays();
        return days == null || days.isEmpty() ? 7 : Collections.max(days);
    }

    private TierView tier(TenantId t, TierProgress progress, Tenant tenant, WalletFormats f) {
        if (progress == null) {
            return null;
        }
        Ladder ladder = tiers.ladder(t);
        Level level = ladder.level(progress.code()).orElse(null);
        List<String> perks = new ArrayList<>();
        if (level != null) {
            var b = level.benefits();
            if (b.discountPercent() != null && b.discountPercent().signum() > 0) {
                perks.add(f.text("wallet.tier.discount", Map.of("percent", b.discountPercent().stripTrailingZeros()
                        .toPlainString())));
            }
            if (b.earnMultiplier() != null && b.earnMultiplier().compareTo(BigDecimal.ONE) > 0) {
                perks.add(f.text("wallet.tier.multiplier", Map.of("factor", b.earnMultiplier().stripTrailingZeros()
                        .toPlainString())));
            }
            perks.addAll(b.perks());
        }
        if (progress.nextTier() == null) {
            return new TierView(progress.name(), perks, null, 100, null);
        }
        String next = ladder.level(progress.nextTier()).map(Level::name).orElse(progress.nextTier());
        BigDecimal remaining = new BigDecimal(progress.remaining());
        String left = switch (ladder.metric()) {
            case SPEND -> f.text("wallet.tier.left-spend", Map.of("level", next,
                    "amount", Money.of(remaining, tenant.currency())));
            case POINTS -> f.text("wallet.tier.left-points", Map.of("level", next, "n", remaining.longValue(),
                    "shown", WalletFormats.grouped(remaining.longValue())));
            case VISITS -> f.text("wallet.tier.left-visits", Map.of("level", next, "n", remaining.longValue()));
        };
        return new TierView(progress.name(), perks, next, WalletFormats.percent(progress.progress()), left);
    }

    private List<StampCard> stampCards(TenantId t, Member member, Tenant tenant, WalletFormats f) {
        List<StampCard> cards = new ArrayList<>();
        for (MemberChallenge c : challenges.ofMember(t, member.id(), f.now())) {
            ChallengeDraft.Metric metric = c.metric();
            BigDecimal left = c.target().subtract(c.progress()).max(BigDecimal.ZERO);
            String sentence = switch (metric) {
                case VISITS -> f.text("wallet.challenge.left-visits", Map.of("n", left.longValue()));
                case ITEMS -> f.text("wallet.challenge.left-items", Map.of("n", left.longValue()));
                case SPEND -> f.text("wallet.challenge.left-spend", Map.of("amount",
                        Money.of(left, tenant.currency())));
            };
            String reward = challenges.byId(t, c.challengeId()).map(ch -> ch.draft().description()).orElse(null);
            if (reward != null && !reward.isBlank()) {
                sentence = f.text("wallet.challenge.left-for", Map.of("left", sentence, "reward", reward.strip()));
            }
            int target = c.target().intValue();
            boolean circles = metric != ChallengeDraft.Metric.SPEND && target > 0 && target <= MAX_STAMPS;
            List<Boolean> stamps = null;
            String label = null;
            if (circles) {
                int filled = Math.min(target, c.progress().intValue());
                stamps = new ArrayList<>(target);
                for (int i = 0; i < target; i++) {
                    stamps.add(i < filled);
                }
                label = f.text("wallet.challenge.stamps", Map.of("filled", (long) filled, "target", (long) target));
            }
            int percent = c.target().signum() == 0 ? 100
                    : WalletFormats.percent(c.progress().divide(c.target(), 2, java.math.RoundingMode.DOWN));
            cards.add(new StampCard(c.name().in(f.language()), sentence, stamps, percent, label));
        }
        return cards;
    }

    private static GoalView goal(Goal.Progress progress, WalletFormats f) {
        if (progress == null) {
            return null;
        }
        boolean reached = progress.remaining() == 0;
        String left = reached ? f.text("wallet.goal.reached", Map.of())
                : f.text("wallet.goal.left", Map.of("points", f.points(progress.remaining())));
        return new GoalView(progress.goal().name().in(f.language()), WalletFormats.percent(progress.progress()), left,
                reached);
    }

    private List<HistoryLine> history(TenantId t, Member member, WalletFormats f) {
        return ledger.history(t, member.id(), null, null, HISTORY_SHOWN).stream().map(e -> line(e, f)).toList();
    }

    static HistoryLine line(Entry e, WalletFormats f) {
        return new HistoryLine(e.noteIn(f.language()), f.signed(e.points()), e.points() >= 0, f.day(e.createdAt()));
    }
}
