package io.kopilka.purchase.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.ledger.Account;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.PurchaseRecorded;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.purchase.RedemptionPolicy;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.RuleLimits;
import io.kopilka.rules.RuleSet;
import io.kopilka.rules.Rules;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a purchase in the caller's transaction: under the member's lock the redemption is checked
 * against the balance, the cart is priced with the live rules and the caps left, the rules' limits
 * are spent, and the purchase, its points and the participants' parts are written together, with
 * {@link PurchaseRecorded} for whoever listens after the commit.
 */
@Component
class PurchaseRecorder {
    private final Rules rules;
    private final RuleLimits limits;
    private final Ledger ledger;
    private final PurchaseRepository purchases;
    private final List<PurchaseParticipant> participants;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    PurchaseRecorder(Rules rules, RuleLimits limits, Ledger ledger, PurchaseRepository purchases,
                     List<PurchaseParticipant> participants, ApplicationEventPublisher events, JsonMapper json) {
        this.rules = rules;
        this.limits = limits;
        this.ledger = ledger;
        this.purchases = purchases;
        this.participants = participants;
        this.events = events;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Receipt record(PurchaseContext c) {
        TenantId tenantId = c.tenant().id();
        MemberId memberId = c.memberId();
        long redeem = c.redeem();
        LockedAccount locked = memberId == null ? null : ledger.lock(tenantId, memberId, c.now());
        Account account = locked == null ? null : locked.account();
        if (account != null) {
            RedemptionPolicy.checkRequested(redeem, account.available(), c.program());
        }
        RuleSet ruleSet = rules.current(tenantId);
        Map<RuleId, Long> caps = memberId == null ? Map.of() : limits.caps(tenantId, memberId, ruleSet, c.day());
        PricedCart priced = CartPricer.price(c, ruleSet, account, redeem, caps);
        RedemptionPolicy.checkRedeemed(priced, c.program());
        if (memberId != null) {
            priced = limits.spend(tenantId, memberId, ruleSet, caps, c.day(), priced,
                    tighter -> CartPricer.price(c, ruleSet, account, redeem, tighter));
        }
        List<String> explanations = Receipts.explanations(c, priced);
        PurchaseId purchaseId = PurchaseId.next();
        purchases.insert(tenantId, purchaseId.value(), c.order().externalId(), c.order().storeCode(), c.channel(),
                memberId, c.cart().occurredAt(), priced, c.program().version(), ruleSet.version(),
                json.writeValueAsString(StoredAppliedRule.of(priced, explanations)), c.cart(), c.now());
        Receipt.BalanceAfter after = null;
        List<ReceiptPart> parts = new ArrayList<>();
        if (memberId != null) {
            Account posted = post(c, purchaseId, locked, priced, explanations);
            after = new Receipt.BalanceAfter(posted.available(), posted.pending());
            // Priced above as the member was; what the participants change applies from the next purchase.
            var recorded = new PurchaseParticipant.RecordedPurchase(tenantId, memberId, purchaseId,
                    c.order().storeCode(), Money.of(priced.payable(), c.tenant().currency()), priced.pointsEarned(),
                    priced.pointsRedeemed(), c.cart().occurredAt(), c.now(), priced.coupons(), priced.effects(),
                    c.language(), posted.visits());
            for (PurchaseParticipant participant : participants) {
                parts.addAll(participant.recorded(recorded));
            }
        }
        Receipt receipt = Receipts.of(purchaseId, c, priced, explanations, after, parts, ruleSet.version());
        events.publishEvent(new PurchaseRecorded(tenantId, purchaseId, c.order().externalId(), c.order().storeCode(),
                memberId, receipt.subtotal(), receipt.discount(), receipt.payable(), receipt.pointsEarned(),
                receipt.pointsPending(), receipt.pointsRedeemed(), c.cart().occurredAt(), c.now()));
        return receipt;
    }

    /**
     * The purchase's points: the redemption, the earning, the spend and visit, and inactivity expiry
     * pushed on; returns the account after them, as planned (nothing read back).
     *
     * @param explanations the applied rules' lines in the member's language: the earn entry's note
     */
    private Account post(PurchaseContext c, PurchaseId purchaseId, LockedAccount locked,
                                      PricedCart priced, List<String> explanations) {
        TenantId tenantId = c.tenant().id();
        Credit earn = priced.pointsEarned() == 0 ? null : Credit.earned(priced.pointsEarned(), c.availableAt(),
                c.earnedPointsExpireAt(), purchaseId, ruleNames(priced), String.join("; ", explanations),
                priced.applied().stream().map(PricedCart.AppliedRule::explanation).toList());
        LockedAccount posted = ledger.post(tenantId, locked, new Ledger.Posting(purchaseId, priced.pointsRedeemed(),
                earn, priced.payable(), 1), c.now());
        posted = ledger.extendExpiry(tenantId, posted, c.inactivityExpiry(), c.now());
        return posted.account();
    }

    private static String ruleNames(PricedCart priced) {
        return String.join(" + ", priced.applied().stream().map(PricedCart.AppliedRule::name).toList());
    }

}
