package io.kopilka.purchase.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.ledger.Account;
import io.kopilka.ledger.Ledger;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.RedemptionPolicy;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.RuleLimits;
import io.kopilka.rules.RuleSet;
import io.kopilka.shared.TenantId;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Prices a purchase as its commit would, without the member's lock, and writes nothing. */
@Component
class PurchaseQuoter {
    private final PurchaseContexts contexts;
    private final Ledger ledger;
    private final RuleLimits limits;
    private final List<PurchaseParticipant> participants;

    PurchaseQuoter(PurchaseContexts contexts, Ledger ledger, RuleLimits limits,
                   List<PurchaseParticipant> participants) {
        this.contexts = contexts;
        this.ledger = ledger;
        this.limits = limits;
        this.participants = participants;
    }

    /** A quote priced by the given rule set: the live one, or drafts in a simulation. */
    Receipt quote(TenantId tenantId, PurchaseOrder order, RuleSet ruleSet) {
        PurchaseContext c = contexts.prepare(tenantId, order);
        // One read of the account serves the balance check, the rules (spend, visits) and the answer.
        Account account = c.member() == null ? null : ledger.peek(tenantId, c.memberId(), c.now());
        RedemptionPolicy.checkRequested(c.redeem(), account == null ? 0 : account.available(), c.program());
        Map<RuleId, Long> caps = c.member() == null ? Map.of() : limits.caps(tenantId, c.memberId(), ruleSet, c.day());
        PricedCart priced = CartPricer.price(c, ruleSet, account, c.redeem(), caps);
        RedemptionPolicy.checkRedeemed(priced, c.program());
        Receipt.BalanceAfter after = account == null ? null : projected(account, priced, c.pendingPart(priced.pointsEarned()));
        // The parts a quote can tell (the level the purchase is priced at, the stamps it would give);
        // a quote changes nothing.
        List<ReceiptPart> parts = new ArrayList<>(c.quoted());
        if (c.member() != null) {
            var quoted = new PurchaseParticipant.QuotedPurchase(tenantId, c.memberId(), c.order().storeCode(),
                    c.cart(), priced.lines(), Money.of(priced.payable(), c.tenant().currency()),
                    c.cart().occurredAt(), c.language());
            for (PurchaseParticipant participant : participants) {
                parts.addAll(participant.quoted(quoted));
            }
        }
        return Receipts.of(null, c, priced, Receipts.explanations(c, priced), after, parts, ruleSet.version());
    }

    private static Receipt.BalanceAfter projected(Account account, PricedCart priced, long pending) {
        Account after = account.after(priced.pointsRedeemed(), priced.pointsEarned(), pending == 0, priced.payable(),
                1, account.lastActivityAt() == null ? Instant.EPOCH : account.lastActivityAt());
        return new Receipt.BalanceAfter(after.available(), after.pending());
    }
}
