package io.kopilka.reward.internal;

import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.reward.CouponExpiry;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coupons past their date become expired, in batches, each batch in its own transaction. Those
 * that give nothing back go in one statement. Those bought with points whose reward gives them back
 * go member by member: the member's account is locked first, then the coupon moves from active to
 * expired by a conditional statement, and only the call that moved it gives the points back, so
 * however often the job runs, or a purchase uses the coupon at the same moment, it is refunded once
 * or used, never both.
 */
@Component
class SqlCouponExpiry implements CouponExpiry {
    static final int BATCH = 500;

    private final CouponStore coupons;
    private final CouponService service;
    private final Ledger ledger;
    private final TransactionTemplate tx;

    SqlCouponExpiry(CouponStore coupons, CouponService service, Ledger ledger, TransactionTemplate tx) {
        this.coupons = coupons;
        this.service = service;
        this.ledger = ledger;
        this.tx = tx;
    }

    @Override
    public int expireDue(Instant now) {
        int expired = 0;
        while (true) {
            List<CouponStore.Due> due = coupons.due(now, false, BATCH);
            Integer done = tx.execute(s -> coupons.expireWithoutRefund(due, now));
            expired += done == null ? 0 : done;
            if (due.size() < BATCH) {
                break;
            }
        }
        while (true) {
            List<CouponStore.Due> due = coupons.due(now, true, BATCH);
            Map<Key, List<CouponStore.Due>> byMember = new LinkedHashMap<>();
            due.forEach(d -> byMember.computeIfAbsent(new Key(d.tenant(), d.member()), k -> new java.util.ArrayList<>())
                    .add(d));
            for (var member : byMember.entrySet()) {
                Integer done = tx.execute(s -> refunding(member.getKey(), member.getValue(), now));
                expired += done == null ? 0 : done;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return expired;
    }

    private int refunding(Key key, List<CouponStore.Due> due, Instant now) {
        LockedAccount locked = ledger.lock(key.tenant(), key.member(), now);
        int expired = 0;
        for (CouponStore.Due d : due) {
            var coupon = coupons.expire(d.tenant(), d.id(), now);
            if (coupon.isPresent()) {
                locked = ledger.credit(key.tenant(), locked,
                        service.refund(key.tenant(), coupon.get(), "history.coupon-expired-refund", now), now);
                expired++;
            }
        }
        return expired;
    }

    private record Key(TenantId tenant, MemberId member) {
    }
}
