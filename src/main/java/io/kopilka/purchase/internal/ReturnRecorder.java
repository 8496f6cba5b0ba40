package io.kopilka.purchase.internal;

import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.program.Program;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.PurchaseReturned;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReturnCalculation;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.purchase.ReturnReceipt;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a return in the caller's transaction, under the member's lock and the purchase's: what
 * is returned of each line, the earned points taken back, the redeemed points given back, the
 * visit taken back when nothing of the purchase is left, and the participants told.
 */
@Component
class ReturnRecorder {
    private final Ledger ledger;
    private final PurchaseRepository purchases;
    private final List<PurchaseParticipant> participants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReturnRecorder(Ledger ledger, PurchaseRepository purchases, List<PurchaseParticipant> participants,
                   ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.purchases = purchases;
        this.participants = participants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ReturnReceipt record(Tenant tenant, Program program, PurchaseRepository.StoredPurchase found, ReturnOrder order) {
        TenantId tenantId = tenant.id();
        PurchaseId purchaseId = new PurchaseId(found.id());
        Instant now = Now.of(clock);
        MemberId memberId = found.memberId() == null ? null : new MemberId(found.memberId());
        LockedAccount locked = memberId == null ? null : ledger.lock(tenantId, memberId, now);
        purchases.lock(tenantId, found.id());
        List<ReturnCalculation.Line> before = purchases.lines(tenantId, found.id());
        ReturnCalculation.Result result = ReturnCalculation.of(before, order, Money.scaleOf(tenant.currency()));
        ReturnId returnId = ReturnId.next();
        purchases.recordReturn(tenantId, found.id(), returnId.value(), order.externalId(), result, now);
        Money amount = Money.of(result.amount(), tenant.currency());
        boolean wholeNow = wholeNow(result.lines());
        Receipt.BalanceAfter after = null;
        if (locked != null) {
            locked = ledger.takeBack(tenantId, locked, result.pointsReversed(), purchaseId, returnId, now);
            if (result.pointsRefunded() > 0) {
                locked = ledger.credit(tenantId, locked, Credit.refund(result.pointsRefunded(), now,
                        program.expiry().expiresAt(now, tenant.timezone()).orElse(null), purchaseId, returnId), now);
            }
            // A purchase returned in full was no visit: member.visits (rules) must agree with the
            // tier module, which also takes the visit back.
            boolean returnsWhole = wholeNow && !wholeNow(before);
            int visits = returnsWhole ? -1 : 0;
            locked = ledger.recordActivity(tenantId, locked, result.amount().negate(), visits, now);
            var returned = new PurchaseParticipant.RecordedReturn(tenantId, memberId, purchaseId, returnId, amount,
                    result.pointsReversed(), result.pointsRefunded(), returnsWhole, now);
            participants.forEach(p -> p.returned(returned));
            // The account after the return's writes, as the plans left it: nothing to read back.
            after = new Receipt.BalanceAfter(locked.account().available(), locked.account().pending());
        }
        events.publishEvent(new PurchaseReturned(tenantId, purchaseId, returnId, order.externalId(), memberId, amount,
                result.pointsReversed(), result.pointsRefunded(), wholeNow, now));
        return new ReturnReceipt(returnId, purchaseId, order.externalId(), amount, result.pointsReversed(),
                result.pointsRefunded(), after);
    }

    /** Every line back: all of its units, or all of what was paid for it. */
    private static boolean wholeNow(List<ReturnCalculation.Line> lines) {
        return lines.stream().allMatch(l -> l.returnedQuantity().compareTo(l.quantity()) >= 0
                || (l.paid().signum() > 0 && l.returnedValue().compareTo(l.paid()) >= 0));
    }
}
