package io.kopilka.web.admin.members;

import io.kopilka.engagement.Challenges;
import io.kopilka.engagement.MemberChallenge;
import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.ConsentChange;
import io.kopilka.member.Consents;
import io.kopilka.member.Member;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NotificationLogs;
import io.kopilka.referral.Referrals;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.Coupons;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.MemberTier;
import io.kopilka.tier.Tiers;
import io.kopilka.wallet.WalletBalance;
import io.kopilka.wallet.Wallets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Everything the member's page shows, read from the modules' facades as the API reads them: the
 * wallet, the ledger's history, the level, coupons, stamp cards, friends invited, consents and the
 * messages sent. Each list is its first page; the history pages on by its cursor.
 */
@Component
class MemberFile {
    static final int HISTORY_PAGE = 20;
    static final int SHORT_LIST = 10;
    static final Duration EXPIRING_WITHIN = Duration.ofDays(30);

    private final Wallets wallets;
    private final Ledger ledger;
    private final Tiers tiers;
    private final Coupons coupons;
    private final Challenges challenges;
    private final Referrals referrals;
    private final Consents consents;
    private final NotificationLogs notifications;

    MemberFile(Wallets wallets, Ledger ledger, Tiers tiers, Coupons coupons, Challenges challenges,
               Referrals referrals, Consents consents, NotificationLogs notifications) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.tiers = tiers;
        this.coupons = coupons;
        this.challenges = challenges;
        this.referrals = referrals;
        this.consents = consents;
        this.notifications = notifications;
    }

    /**
     * @param expiringSoon the available points whose date is within {@link #EXPIRING_WITHIN}, by date
     * @param tier         the member's level now; null without a ladder
     * @param ladder       the tenant's levels, for assigning one
     */
    record View(Member member, WalletBalance balance, List<Balance.Expiring> expiringSoon, long expiringTotal,
                MemberTier tier, Ladder ladder, Page<Entry> history, List<Coupon> coupons,
                List<MemberChallenge> challenges, Referrals.Summary referrals, List<ConsentChange> consentHistory,
                List<NoticeMessage> notifications) {

        /** The bar's width, 0 to 100, from the tier progress ("0.64"). */
        public int progressPercent() {
            if (balance.tier() == null || balance.tier().progress() == null) {
                return 0;
            }
            return new java.math.BigDecimal(balance.tier().progress()).movePointRight(2).intValue();
        }
    }

    View of(TenantId tenant, Member member, TimeCursor historyAfter, Instant now) {
        WalletBalance balance = wallets.balance(tenant, member.id(), now);
        Instant horizon = now.plus(EXPIRING_WITHIN);
        List<Balance.Expiring> soon = balance.expiring().stream().filter(e -> !e.expiresAt().isAfter(horizon)).toList();
        MemberTier tier = member.erased() ? null : tiers.current(tenant, member.id()).orElse(null);
        return new View(member, balance, soon, soon.stream().mapToLong(Balance.Expiring::points).sum(), tier,
                tiers.ladder(tenant), history(tenant, member, historyAfter),
                coupons.ofMember(tenant, member.id(), null, null, null, SHORT_LIST, now),
                challenges.ofMember(tenant, member.id(), now), referrals.of(tenant, member.id()),
                consents.history(tenant, member.id(), null, null, SHORT_LIST),
                notifications.page(tenant, member.id(), null, null, null, null, SHORT_LIST));
    }

    Page<Entry> history(TenantId tenant, Member member, TimeCursor after) {
        return Page.of(HISTORY_PAGE, n -> ledger.history(tenant, member.id(), after == null ? null : after.at(),
                        after == null ? null : after.id(), n), e -> e,
                e -> new TimeCursor(e.createdAt(), e.id()).text());
    }
}
