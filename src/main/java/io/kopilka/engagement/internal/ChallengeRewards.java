package io.kopilka.engagement.internal;

import io.kopilka.badge.Badges;
import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeTexts;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.program.Program;
import io.kopilka.purchase.PurchaseParticipant.RecordedPurchase;
import io.kopilka.purchase.PurchaseParticipant.RecordedReturn;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.reward.CouponSource;
import io.kopilka.reward.Coupons;
import io.kopilka.reward.IssuedCoupon;
import io.kopilka.shared.Ids;
import io.kopilka.shared.PurchaseId;
import io.kopilka.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a completion gives, once, in the purchase's transaction: points (pending like the purchase's
 * earning, carried by its lot so a return takes them back first), a coupon, a badge; and what a
 * whole return of the completing purchase takes back while the coupon is unused.
 */
@Component
class ChallengeRewards {
    private final Ledger ledger;
    private final Coupons coupons;
    private final Badges badges;
    private final ProgressStore progress;

    ChallengeRewards(Ledger ledger, Coupons coupons, Badges badges, ProgressStore progress) {
        this.ledger = ledger;
        this.coupons = coupons;
        this.badges = badges;
        this.progress = progress;
    }

    /**
     * What a completion gave the answer: the codes of its coupons, and the member's points after its
     * credit (null when it gave none), which the answer's balance must show.
     */
    record Given(List<String> couponCodes, ReceiptPart.Balance balance) {
    }

    Given give(Tenant tenant, Program program, Challenge challenge, RecordedPurchase p, Instant completedAt,
                      boolean surprise) {
        var reward = challenge.draft().reward();
        ReceiptPart.Balance balance = null;
        if (reward.points() > 0) {
            LockedAccount locked = ledger.lock(p.tenant(), p.member(), p.recordedAt());
            Instant availableAt = p.occurredAt().plus(Duration.ofDays(program.pendingDays()));
            Instant expiresAt = program.expiry().expiresAt(p.occurredAt(), tenant.timezone()).orElse(null);
            LockedAccount credited = ledger.credit(p.tenant(), locked, Credit.forPurchase(EntryType.CHALLENGE,
                    reward.points(), availableAt, expiresAt, p.purchase(),
                    ChallengeTexts.points(challenge.draft().names())), p.recordedAt());
            balance = new ReceiptPart.Balance(credited.account().available(), credited.account().pending());
        }
        IssuedCoupon coupon = reward.rewardId() == null ? null : coupons.issue(p.tenant(), p.member(),
                reward.rewardId(), CouponSource.CHALLENGE, null, "system", p.recordedAt());
        if (reward.badge() != null) {
            badges.award(p.tenant(), p.member(), reward.badge(), challenge.draft().names(), "challenge",
                    p.recordedAt());
        }
        progress.complete(p.tenant(), new ProgressStore.Completion(Ids.next(), challenge.id(), p.member(),
                p.purchase().value(), completedAt, reward.points(),
                coupon == null ? null : UUID.fromString(coupon.id()), coupon == null ? null : coupon.code(),
                reward.badge(), surprise), p.recordedAt());
        return new Given(coupon == null ? List.of() : List.of(coupon.code()), balance);
    }

    /**
     * A whole return of the purchase: its entries count no more, and each completion it made is
     * cancelled (points taken back, coupon cancelled) unless its coupon was used, which keeps it.
     * A badge stays: it was earned once.
     */
    void returned(RecordedReturn r) {
        for (ProgressStore.Completion c : progress.returned(r.tenant(), r.purchase().value())) {
            if (c.couponId() != null && !coupons.cancelIssued(r.tenant(), c.couponId().toString(), r.recordedAt())) {
                continue;
            }
            if (c.points() > 0) {
                LockedAccount locked = ledger.lock(r.tenant(), r.member(), r.recordedAt());
                ledger.takeBack(r.tenant(), locked, c.points(), new PurchaseId(c.purchaseId()), r.returnId(),
                        r.recordedAt());
            }
            progress.cancel(r.tenant(), c.id(), r.recordedAt());
        }
    }
}
