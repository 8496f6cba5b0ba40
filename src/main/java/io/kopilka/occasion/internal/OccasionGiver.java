package io.kopilka.occasion.internal;

import io.kopilka.ledger.Account;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.occasion.OccasionGiftGiven;
import io.kopilka.program.Programs;
import io.kopilka.reward.CouponSource;
import io.kopilka.reward.Coupons;
import io.kopilka.reward.IssuedCoupon;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives one member an occasion's points and coupon, in a short transaction of its own under the
 * member's lock, and records it with its unique key (member, occasion, period) in the same
 * transaction. A reward that cannot be given (out of stock, archived) leaves the points alone.
 */
@Component
class OccasionGiver {
    private static final Logger log = LoggerFactory.getLogger(OccasionGiver.class);

    private final Ledger ledger;
    private final Coupons coupons;
    private final Programs programs;
    private final Tenants tenants;
    private final OccasionStore store;
    private final TransactionTemplate own;
    private final TransactionTemplate nested;
    private final ApplicationEventPublisher events;

    OccasionGiver(Ledger ledger, Coupons coupons, Programs programs, Tenants tenants, OccasionStore store,
                  PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.coupons = coupons;
        this.programs = programs;
        this.tenants = tenants;
        this.store = store;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
    }

    /** An occasion's gift: what to give, why (the history's sentence) and for how long the coupon is valid. */
    record Gift(String occasion, String period, long points, String rewardId, Instant couponValidUntil, Text why) {
        EntryType entryType() {
            return occasion.equals(OccasionStore.BIRTHDAY) ? EntryType.BIRTHDAY : EntryType.WIN_BACK;
        }

        CouponSource couponSource() {
            return occasion.equals(OccasionStore.BIRTHDAY) ? CouponSource.BIRTHDAY : CouponSource.WIN_BACK;
        }

        Gift withoutCoupon() {
            return new Gift(occasion, period, points, null, null, why);
        }
    }

    /** What was given: nothing (already given, or the member no longer qualifies), points, a coupon. */
    record Given(long points, boolean coupon) {
        static final Given NOTHING = new Given(0, false);

        boolean any() {
            return points > 0 || coupon;
        }
    }

    /**
     * Gives in a transaction of its own. {@code stillDue} is asked of the locked account (a purchase may
     * have come in since the member was picked); a coupon that cannot be given is left out.
     */
    Given giveAlone(TenantId tenant, MemberId member, Gift gift, Predicate<Account> stillDue, Instant now) {
        return giveIn(own, tenant, member, gift, stillDue, now);
    }

    /**
     * Gives in the caller's transaction (a member joining on their birthday), inside a savepoint: a coupon
     * that cannot be given is rolled back alone and never fails the caller.
     */
    Given giveWithin(TenantId tenant, MemberId member, Gift gift, Predicate<Account> stillDue, Instant now) {
        return giveIn(nested, tenant, member, gift, stillDue, now);
    }

    private Given giveIn(TransactionTemplate tx, TenantId tenant, MemberId member, Gift gift,
                         Predicate<Account> stillDue, Instant now) {
        try {
            return tx.execute(status -> give(tenant, member, gift, stillDue, now));
        } catch (ApiProblem refused) {
            if (gift.rewardId() == null) {
                throw refused;
            }
            log.warn("No {} coupon of reward {} for member {} of tenant {}: {}", gift.occasion(), gift.rewardId(),
                    member, tenant, refused.getMessage());
            if (gift.points() == 0) {
                return Given.NOTHING;
            }
            return tx.execute(status -> give(tenant, member, gift.withoutCoupon(), stillDue, now));
        }
    }

    private Given give(TenantId tenant, MemberId member, Gift gift, Predicate<Account> stillDue, Instant now) {
        LockedAccount locked = ledger.lock(tenant, member, now);
        if (store.given(tenant, member, gift.occasion(), gift.period()) || !stillDue.test(locked.account())) {
            return Given.NOTHING;
        }
        if (gift.points() > 0) {
            ZoneId zone = tenants.get(tenant).timezone();
            Instant expiresAt = programs.of(tenant).expiry().expiresAt(now, zone).orElse(null);
            ledger.credit(tenant, locked, Credit.occasion(gift.entryType(), gift.points(), now, expiresAt, gift.why()),
                    now);
        }
        IssuedCoupon coupon = null;
        if (gift.rewardId() != null) {
            coupon = coupons.issue(tenant, member, gift.rewardId(), gift.couponSource(), null, "system", now,
                    gift.couponValidUntil());
        }
        if (!store.claim(tenant, member, gift.occasion(), gift.period(), gift.points(),
                coupon == null ? null : coupon.code(), now)) {
            // Unreachable under the member's lock; the unique key is the last guard against a double gift.
            throw new IllegalStateException("the " + gift.occasion() + " gift of " + gift.period() + " was given twice");
        }
        events.publishEvent(new OccasionGiftGiven(tenant, member, gift.occasion(), gift.period(), gift.points(),
                coupon == null ? null : gift.rewardId(), coupon == null ? null : coupon.code(),
                coupon == null ? null : coupon.expiresAt(), now));
        return new Given(gift.points(), coupon != null);
    }

    static Text why(String key, String business) {
        return new Text(key, Map.of("business", business));
    }
}
