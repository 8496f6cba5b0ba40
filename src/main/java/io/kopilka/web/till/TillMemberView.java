package io.kopilka.web.till;

import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeTexts;
import io.kopilka.engagement.Challenges;
import io.kopilka.engagement.MemberChallenge;
import io.kopilka.ledger.Balance;
import io.kopilka.member.Member;
import io.kopilka.member.StaffNotes;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseHistory;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponStatus;
import io.kopilka.reward.Coupons;
import io.kopilka.shared.Money;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Tenant;
import io.kopilka.wallet.WalletBalance;
import io.kopilka.wallet.Wallets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The member at a glance, as the till shows them: gathered from the facades the API's views use. */
@Component
class TillMemberView {
    /** Points expiring within this are "expiring soon": the cashier suggests spending them. */
    static final Duration EXPIRING_WITHIN = Duration.ofDays(30);
    /** Purchases of this member at this store in this time are listed for a return. */
    static final Duration RECENT = Duration.ofDays(14);
    static final int RECENT_LIMIT = 5;
    private static final Texts TEXTS = Texts.messages();
    private final Wallets wallets;
    private final Coupons coupons;
    private final Challenges challenges;
    private final Programs programs;
    private final PurchaseHistory history;
    private final StaffNotes notes;

    TillMemberView(Wallets wallets, Coupons coupons, Challenges challenges, Programs programs,
                   PurchaseHistory history, StaffNotes notes) {
        this.notes = notes;
        this.wallets = wallets;
        this.coupons = coupons;
        this.challenges = challenges;
        this.programs = programs;
        this.history = history;
    }

    /**
     * @param expiringSoon the available points whose date is within {@link #EXPIRING_WITHIN}, soonest first
     * @param challenges   each active challenge in words ("Every 6th haircut free: 2 visits to go")
     * @param purchases    the member's recent purchases at this store, newest first
     * @param note         the staff's note on the member; null when there is none
     */
    record View(Member member, Tenant tenant, Program program, WalletBalance balance, List<Balance.Expiring> expiringSoon,
                long expiringTotal, List<ActiveCoupon> coupons, List<String> challenges,
                List<PurchaseHistory.PastPurchase> purchases, StaffNotes.StaffNote note, Instant now) {

        public String level() {
            return balance.tier() == null ? null : balance.tier().name();
        }

        /** Money as receipts print it, kept on one line ("1 000 ₸", not "1 000" and "₸" apart). */
        public String money(Money money) {
            return money.printed().replace(' ', '\u00A0');
        }

        /** A unit price of the store's list, as receipts print it, on one line. */
        public String price(java.math.BigDecimal unitPrice) {
            return money(Money.of(unitPrice, tenant.currency()));
        }

        /** The currency's sign as receipts print it: "₸", "₽", "$". */
        public String currencySign() {
            return Money.zero(tenant.currency()).printed().replace("0", "").strip();
        }

        /** Whether a purchase may still be undone from the till. */
        public boolean undoable(PurchaseHistory.PastPurchase p) {
            return TillUndo.allows(p, now) && !p.returned();
        }
    }

    record ActiveCoupon(String code, String display, String name, Instant expiresAt) {
    }

    View of(Tenant tenant, Member member, String store, Instant now, String language) {
        WalletBalance balance = wallets.balance(tenant.id(), member.id(), now);
        Instant horizon = now.plus(EXPIRING_WITHIN);
        List<Balance.Expiring> soon = balance.expiring().stream().filter(e -> !e.expiresAt().isAfter(horizon)).toList();
        List<ActiveCoupon> active = coupons.ofMember(tenant.id(), member.id(), CouponStatus.ACTIVE, null, null, 20, now)
                .stream().map(c -> new ActiveCoupon(c.code(), c.displayCode(), couponName(c, language), c.expiresAt()))
                .toList();
        List<PurchaseHistory.PastPurchase> recent = store == null ? List.of()
                : history.ofMember(tenant.id(), member.id(), store, now.minus(RECENT), RECENT_LIMIT);
        return new View(member, tenant, programs.of(tenant.id()), balance, soon,
                soon.stream().mapToLong(Balance.Expiring::points).sum(), active,
                challengeLines(tenant, member, now, language), recent,
                notes.of(tenant.id(), member.id()).orElse(null), now);
    }

    private String couponName(Coupon coupon, String language) {
        return coupon.terms() == null || coupon.terms().name() == null ? coupon.displayCode()
                : coupon.terms().name().in(language);
    }

    private List<String> challengeLines(Tenant tenant, Member member, Instant now, String language) {
        return challenges.ofMember(tenant.id(), member.id(), now).stream()
                .map(c -> line(tenant, c, language)).flatMap(Optional::stream).toList();
    }

    private Optional<String> line(Tenant tenant, MemberChallenge c, String language) {
        return challenges.byId(tenant.id(), c.challengeId()).map(Challenge::draft)
                .map(d -> TEXTS.render(ChallengeTexts.left(d, c.progress(), tenant.currency()), language));
    }
}
