package io.kopilka.purchase.internal;

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
import io.kopilka.shared.RuleId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.KeptAnswers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records purchases in the caller's transaction, several members' at once (a batch, written with a
 * few set-based statements) or one. Under the members' locks each redemption is checked against
 * the balance, each cart is priced with the live rules and the caps left and the rules' limits are
 * spent; then all points are posted in one statement, the participants record their parts, and the
 * purchases are written with their answers in one statement, with {@link PurchaseRecorded} for
 * whoever listens after the commit.
 *
 * <p>A purchase refused before anything of it is written (not enough points, a share too big) is
 * answered with its problem and the others go on. Anything that fails later (a participant's
 * refusal, a duplicate externalId still in flight elsewhere) throws: the whole transaction rolls
 * back, and the caller records the batch's purchases one by one ({@link PurchaseBatcher}).
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
    private final KeptAnswers answers;

    PurchaseRecorder(Rules rules, RuleLimits limits, Ledger ledger, PurchaseRepository purchases,
                     List<PurchaseParticipant> participants, ApplicationEventPublisher events, JsonMapper json,
                     KeptAnswers answers) {
        this.rules = rules;
        this.limits = limits;
        this.ledger = ledger;
        this.purchases = purchases;
        this.participants = participants;
        this.events = events;
        this.json = json;
        this.answers = answers;
    }

    /**
     * One purchase to record.
     *
     * @param requestHash the order's fingerprint, kept with the answer for the replays of its externalId
     */
    record Attempt(PurchaseContext context, String requestHash) {
    }

    /** What became of an attempt: exactly one of its fields is set. */
    record Result(Receipt receipt, ApiProblem refused, boolean alreadyRecorded) {
        static Result recorded(Receipt receipt) {
            return new Result(receipt, null, false);
        }

        static Result refused(ApiProblem problem) {
            return new Result(null, problem, false);
        }

        static final Result ALREADY_RECORDED = new Result(null, null, true);
    }

    /**
     * A purchase with this externalId is recorded already, or is being recorded in another
     * transaction: this one must roll back.
     */
    static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super(null, null, false, false);
        }
    }

    /**
     * Records the purchases of one tenant, each member's and each externalId at most once, at
     * {@code now}; returns what became of each, in order.
     *
     * @throws AlreadyRecorded when an externalId was written by another transaction since it was checked
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Result> recordAll(TenantId tenantId, List<Attempt> attempts, Instant now) {
        List<MemberId> members = attempts.stream().map(a -> a.context().memberId()).filter(Objects::nonNull).toList();
        Set<String> externalIds = new HashSet<>();
        for (Attempt a : attempts) {
            if (!externalIds.add(a.context().order().externalId())) {
                throw new IllegalArgumentException("two purchases of one externalId in a batch");
            }
        }
        // Locks first, in member-id order (no two batches can deadlock on them), then the check for
        // externalIds already there: a retry of a purchase committed by another batch of the same
        // member is seen once its lock is granted.
        Map<MemberId, LockedAccount> locked = new HashMap<>();
        List<LockedAccount> accounts = members.isEmpty() ? List.of() : ledger.lockAll(tenantId, members, now);
        for (int i = 0; i < members.size(); i++) {
            if (locked.put(members.get(i), accounts.get(i)) != null) {
                throw new IllegalArgumentException("two purchases of one member in a batch");
            }
        }
        Set<String> recorded = purchases.recorded(tenantId, List.copyOf(externalIds));
        RuleSet ruleSet = rules.current(tenantId);

        Result[] results = new Result[attempts.size()];
        List<Priced> accepted = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            PurchaseContext c = attempts.get(i).context().recordedAt(now);
            if (recorded.contains(c.order().externalId())) {
                results[i] = Result.ALREADY_RECORDED;
                continue;
            }
            try {
                accepted.add(price(i, c, ruleSet, locked.get(c.memberId()), attempts.get(i).requestHash()));
            } catch (ApiProblem refused) {
                results[i] = Result.refused(refused);
            }
        }
        // From here on nothing is refused: what fails throws, and the whole batch rolls back.
        List<Priced> spent = new ArrayList<>(accepted.size());
        for (Priced p : accepted) {
            spent.add(p.member() == null ? p : p.spent(limits.spend(tenantId, p.member(), ruleSet, p.caps(),
                    p.context().day(), p.priced(),
                    tighter -> CartPricer.price(p.context(), ruleSet, p.account().account(), p.context().redeem(),
                            tighter))));
        }
        Map<MemberId, LockedAccount> posted = post(tenantId, spent, now);
        List<PurchaseRepository.NewPurchase> rows = new ArrayList<>(spent.size());
        List<Receipt> receipts = new ArrayList<>(spent.size());
        for (Priced p : spent) {
            Receipt receipt = receipt(p, posted.get(p.member()), ruleSet);
            receipts.add(receipt);
            PurchaseContext c = p.context();
            rows.add(new PurchaseRepository.NewPurchase(p.id().value(), c.order().externalId(), c.order().storeCode(),
                    c.channel(), p.member(), c.cart().occurredAt(), p.priced(), c.program().version(),
                    ruleSet.version(), json.writeValueAsString(StoredAppliedRule.of(p.priced(), p.explanations())),
                    c.cart(), new PurchaseRepository.KeptAnswer(p.requestHash(), answers.write(StoredReceipt.of(receipt)))));
        }
        // Last, with their answers: nothing references a purchase row but its lines, and one whose
        // externalId was written meanwhile (in flight when it was checked) turns all of it back.
        if (!rows.isEmpty() && purchases.insertAll(tenantId, rows, now) != rows.size()) {
            throw new AlreadyRecorded();
        }
        for (int k = 0; k < spent.size(); k++) {
            Priced p = spent.get(k);
            Receipt r = receipts.get(k);
            PurchaseContext c = p.context();
            events.publishEvent(new PurchaseRecorded(tenantId, p.id(), c.order().externalId(), c.order().storeCode(),
                    p.member(), r.subtotal(), r.discount(), r.payable(), r.pointsEarned(), r.pointsPending(),
                    r.pointsRedeemed(), c.cart().occurredAt(), c.now()));
            results[p.index()] = Result.recorded(r);
        }
        return List.of(results);
    }

    /** A purchase priced under its member's lock, not yet written. */
    private record Priced(int index, PurchaseContext context, String requestHash, PurchaseId id,
                          LockedAccount account, Map<RuleId, Long> caps, PricedCart priced, List<String> explanations) {
        MemberId member() {
            return context.memberId();
        }

        Priced spent(PricedCart spent) {
            if (spent == priced) {
                return this;
            }
            return new Priced(index, context, requestHash, id, account, caps, spent,
                    Receipts.explanations(context, spent));
        }
    }

    /** Checks and prices one purchase, writing nothing: what refuses it here refuses it alone. */
    private Priced price(int index, PurchaseContext c, RuleSet ruleSet, LockedAccount locked, String requestHash) {
        long redeem = c.redeem();
        if (locked != null) {
            RedemptionPolicy.checkRequested(redeem, locked.account().available(), c.program());
        }
        Map<RuleId, Long> caps = locked == null ? Map.of()
                : limits.caps(c.tenant().id(), c.memberId(), ruleSet, c.day());
        PricedCart priced = CartPricer.price(c, ruleSet, locked == null ? null : locked.account(), redeem, caps);
        RedemptionPolicy.checkRedeemed(priced, c.program());
        return new Priced(index, c, requestHash, PurchaseId.next(), locked, caps, priced,
                Receipts.explanations(c, priced));
    }

    /**
     * The purchases' points, all in one statement: the redemption, the earning, the spend and visit;
     * then inactivity expiry pushed on. Returns each member's account after them, as planned.
     */
    private Map<MemberId, LockedAccount> post(TenantId tenantId, List<Priced> spent, Instant now) {
        List<LockedAccount> locked = new ArrayList<>();
        List<Ledger.Posting> postings = new ArrayList<>();
        List<Priced> members = new ArrayList<>();
        for (Priced p : spent) {
            if (p.member() == null) {
                continue;
            }
            PurchaseContext c = p.context();
            PricedCart priced = p.priced();
            Credit earn = priced.pointsEarned() == 0 ? null : Credit.earned(priced.pointsEarned(), c.availableAt(),
                    c.earnedPointsExpireAt(), p.id(), ruleNames(priced), String.join("; ", p.explanations()),
                    priced.applied().stream().map(PricedCart.AppliedRule::explanation).toList());
            locked.add(p.account());
            postings.add(new Ledger.Posting(p.id(), priced.pointsRedeemed(), earn, priced.payable(), 1));
            members.add(p);
        }
        Map<MemberId, LockedAccount> after = new HashMap<>();
        if (locked.isEmpty()) {
            return after;
        }
        List<LockedAccount> posted = ledger.postAll(tenantId, locked, postings, now);
        for (int i = 0; i < posted.size(); i++) {
            PurchaseContext c = members.get(i).context();
            after.put(c.memberId(), ledger.extendExpiry(tenantId, posted.get(i), c.inactivityExpiry(), now));
        }
        return after;
    }

    /** The answer, with the parts the participants record (in the transaction, after the points). */
    private Receipt receipt(Priced p, LockedAccount posted, RuleSet ruleSet) {
        PurchaseContext c = p.context();
        PricedCart priced = p.priced();
        Receipt.BalanceAfter after = null;
        List<ReceiptPart> parts = new ArrayList<>();
        if (posted != null) {
            after = new Receipt.BalanceAfter(posted.account().available(), posted.account().pending());
            // Priced above as the member was; what the participants change applies from the next purchase.
            var recorded = new PurchaseParticipant.RecordedPurchase(c.tenant().id(), p.member(), p.id(),
                    c.order().storeCode(), Money.of(priced.payable(), c.tenant().currency()), priced.pointsEarned(),
                    priced.pointsRedeemed(), c.cart().occurredAt(), c.now(), priced.coupons(), priced.effects(),
                    c.language(), posted.account().visits(), c.cart(), priced.lines());
            for (PurchaseParticipant participant : participants) {
                parts.addAll(participant.recorded(recorded));
            }
        }
        return Receipts.of(p.id(), c, priced, p.explanations(), after, parts, ruleSet.version());
    }

    private static String ruleNames(PricedCart priced) {
        return String.join(" + ", priced.applied().stream().map(PricedCart.AppliedRule::name).toList());
    }
}
