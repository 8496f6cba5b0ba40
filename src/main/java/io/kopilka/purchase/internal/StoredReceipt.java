package io.kopilka.purchase.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A purchase's answer as it is kept with its idempotency keys, for replays. This shape is a storage
 * format: rows written by every earlier version must still read back (it is the answer's first JSON
 * shape, amounts as text at the currency's scale), so it changes only by adding fields.
 */
record StoredReceipt(String id, String externalId, String memberId, String subtotal, String discount,
                     long pointsRedeemed, String redeemValue, String payable, long pointsEarned, long pointsPending,
                     Receipt.BalanceAfter balance, List<StoredRule> appliedRules, List<StoredCoupon> couponsUsed,
                     List<StoredIssued> couponsIssued, StoredLevel tier, List<String> messages, long programVersion,
                     long rulesVersion, List<StoredChallenge> challenges) {

    /** Rows before challenges have none: null here. */
    record StoredChallenge(String challengeId, String progress, String target, boolean completed,
                           List<String> couponsIssued) {
    }

    /** Rows before coupons have empty lists here, which read as these as well as they did as strings. */
    record StoredCoupon(String code, String rewardId, String discount) {
    }

    record StoredIssued(String code, String rewardId, OffsetDateTime expiresAt) {
    }

    record StoredRule(String ruleId, String name, long points, String discount, String explanation) {
    }

    record StoredLevel(String code, boolean changed) {
    }

    static StoredReceipt of(Receipt r) {
        StoredLevel level = r.level().map(l -> new StoredLevel(l.code(), l.changed())).orElse(null);
        return new StoredReceipt(r.id() == null ? null : r.id().toString(), r.externalId(),
                r.memberId() == null ? null : r.memberId().toString(), r.subtotal().plain(), r.discount().plain(),
                r.pointsRedeemed(), r.redeemValue().plain(), r.payable().plain(), r.pointsEarned(), r.pointsPending(),
                r.balance(), r.appliedRules().stream().map(a -> new StoredRule(a.ruleId() == null ? null
                        : a.ruleId().toString(), a.name(), a.points(), a.discount().plain(), a.explanation())).toList(),
                r.couponsUsed().stream().map(u -> new StoredCoupon(u.code(), u.rewardId(), u.discount().plain())).toList(),
                r.couponsIssued().stream().map(i -> new StoredIssued(i.code(), i.rewardId(), i.expiresAt())).toList(),
                level, r.messages(), r.programVersion(), r.rulesVersion(),
                r.parts().stream().filter(ReceiptPart.Challenge.class::isInstance).map(ReceiptPart.Challenge.class::cast)
                        .map(c -> new StoredChallenge(c.challengeId(), c.progress().toPlainString(),
                                c.target().toPlainString(), c.completed(), c.couponsIssued())).toList());
    }

    /** The receipt again; amounts were written at the currency's scale, so they read back as they were. */
    Receipt toReceipt(Currency currency) {
        List<ReceiptPart> parts = new ArrayList<>();
        if (tier != null) {
            parts.add(new ReceiptPart.Level(tier.code(), tier.changed()));
        }
        if (couponsIssued != null) {
            couponsIssued.forEach(i -> parts.add(new ReceiptPart.CouponIssued(i.code(), i.rewardId(), i.expiresAt())));
        }
        if (challenges != null) {
            challenges.forEach(c -> parts.add(new ReceiptPart.Challenge(c.challengeId(), new BigDecimal(c.progress()),
                    new BigDecimal(c.target()), c.completed(),
                    c.couponsIssued() == null ? List.of() : c.couponsIssued())));
        }
        return new Receipt(id == null ? null : new PurchaseId(UUID.fromString(id)), externalId,
                memberId == null ? null : new MemberId(UUID.fromString(memberId)), money(subtotal, currency),
                money(discount, currency), pointsRedeemed, money(redeemValue, currency), money(payable, currency),
                pointsEarned, pointsPending, balance, appliedRules == null ? List.of() : appliedRules.stream()
                        .map(a -> new Receipt.AppliedRule(a.ruleId() == null ? null : new RuleId(UUID.fromString(a.ruleId())),
                                a.name(), a.points(), money(a.discount(), currency), a.explanation())).toList(),
                couponsUsed == null ? List.of() : couponsUsed.stream().map(u -> new Receipt.CouponUsed(u.code(),
                        u.rewardId(), money(u.discount(), currency))).toList(),
                parts, messages == null ? List.of() : messages, programVersion, rulesVersion);
    }

    private static Money money(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
