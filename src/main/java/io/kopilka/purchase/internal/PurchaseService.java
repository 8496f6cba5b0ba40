package io.kopilka.purchase.internal;

import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReturnOrder;
import io.kopilka.purchase.ReturnReceipt;
import io.kopilka.purchase.StoreRestriction;
import io.kopilka.purchase.OrderValidation;
import io.kopilka.rules.RuleSet;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Money;
import io.kopilka.shared.Outcome;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.idempotency.KeptAnswers;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * The purchase module's facade: who may do what (a store's till works its own store), and
 * idempotency, around the collaborators that do the work: {@link PurchaseContexts} reads what a
 * purchase needs, {@link PurchaseQuoter} prices it, {@link PurchaseRecorder} and
 * {@link ReturnRecorder} write it. Answers are kept in their storage shapes ({@link StoredReceipt}):
 * a purchase's in its own row, a return's and an Idempotency-Key's in an idempotency row, so a
 * replay returns the first answer.
 */
@Service
class PurchaseService implements Purchases {
    private final Tenants tenants;
    private final Programs programs;
    private final Rules rules;
    private final PurchaseContexts contexts;
    private final PurchaseQuoter quoter;
    private final PurchaseRecorder recorder;
    private final PurchaseBatcher batcher;
    private final ReturnRecorder returns;
    private final PurchaseRepository purchases;
    private final Idempotency idempotency;
    private final KeptAnswers answers;

    PurchaseService(Tenants tenants, Programs programs, Rules rules, PurchaseContexts contexts, PurchaseQuoter quoter,
                    PurchaseRecorder recorder, PurchaseBatcher batcher, ReturnRecorder returns, PurchaseRepository purchases,
                    Idempotency idempotency, KeptAnswers answers) {
        this.tenants = tenants;
        this.programs = programs;
        this.rules = rules;
        this.contexts = contexts;
        this.quoter = quoter;
        this.recorder = recorder;
        this.batcher = batcher;
        this.returns = returns;
        this.purchases = purchases;
        this.idempotency = idempotency;
        this.answers = answers;
    }

    @Override
    public Receipt quote(Caller caller, PurchaseOrder order) {
        requireOwnStore(caller, order);
        return quoter.quote(caller.tenant(), order, rules.current(caller.tenant()));
    }

    /** A quote priced by the given rule set: the live one, or drafts in a simulation. */
    Receipt quote(TenantId tenant, PurchaseOrder order, RuleSet ruleSet) {
        return quoter.quote(tenant, order, ruleSet);
    }

    @Override
    public Outcome<Receipt> commit(Caller caller, PurchaseOrder order, String idempotencyKey) {
        requireOwnStore(caller, order);
        Idempotency.checkKey(idempotencyKey);
        TenantId tenantId = caller.tenant();
        String fingerprint = answers.fingerprint(order);
        PurchaseContext c;
        try {
            c = contexts.prepare(tenantId, order);
        } catch (ApiProblem refused) {
            // A till retrying a purchase that went through gets its first answer, even if the purchase
            // would be refused today (backdated too far by now, member erased since).
            return replay(tenantId, idempotencyKey, order, fingerprint).orElseThrow(() -> refused);
        }
        try {
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                // The usual way: written with whatever other purchases are waiting (group commit).
                PurchaseRecorder.Result result = batcher.record(new PurchaseRecorder.Attempt(c, fingerprint));
                if (result.refused() != null) {
                    throw result.refused();
                }
                if (result.alreadyRecorded()) {
                    throw new PurchaseRecorder.AlreadyRecorded();
                }
                // Through its stored shape, as a replay will read it: the first answer and its replays agree.
                return Outcome.created(StoredReceipt.of(result.receipt()).toReceipt(c.tenant().currency()));
            }
            // The purchase keeps its answer for its externalId; an Idempotency-Key has a row of its own
            // in the same transaction: either one seen before replays the first answer (the key then
            // keeps it too), and a reuse of either with another request is 409.
            AtomicBoolean replayedByExternalId = new AtomicBoolean();
            var keyed = idempotency.run(tenantId, "purchase-request", idempotencyKey, order, StoredReceipt.class, () -> {
                PurchaseRecorder.Result result = recorder.recordAll(tenantId,
                        List.of(new PurchaseRecorder.Attempt(c, fingerprint)), c.now()).getFirst();
                if (result.refused() != null) {
                    throw result.refused();
                }
                if (result.alreadyRecorded()) {
                    replayedByExternalId.set(true);
                    return keptAnswer(tenantId, order, fingerprint).orElseThrow(PurchaseRecorder.AlreadyRecorded::new)
                            .body();
                }
                return StoredReceipt.of(result.receipt());
            });
            return new Outcome<>(keyed.body().toReceipt(c.tenant().currency()),
                    keyed.replayed() || replayedByExternalId.get());
        } catch (PurchaseRecorder.AlreadyRecorded recorded) {
            return replay(tenantId, null, order, fingerprint).orElseThrow(() -> ApiProblem.conflict(
                    "idempotency_conflict", "A purchase with this externalId is recorded, and its answer is not kept"));
        } catch (ApiProblem refused) {
            // Refused under the member's lock, nothing written: a retry of a purchase that went through
            // meanwhile (its coupon used by itself) gets its first answer.
            return replay(tenantId, idempotencyKey, order, fingerprint).orElseThrow(() -> refused);
        }
    }

    /** The first answer to this order, by its Idempotency-Key or its externalId; empty for a new one. */
    private Optional<Outcome<Receipt>> replay(TenantId tenantId, String idempotencyKey, PurchaseOrder order,
                                              String fingerprint) {
        Optional<Outcome<StoredReceipt>> kept = idempotencyKey == null || idempotencyKey.isBlank() ? Optional.empty()
                : idempotency.replay(tenantId, "purchase-request", idempotencyKey, order, StoredReceipt.class);
        if (kept.isEmpty()) {
            kept = keptAnswer(tenantId, order, fingerprint);
        }
        return kept.map(o -> Outcome.replay(o.body().toReceipt(tenants.get(tenantId).currency())));
    }

    /**
     * The answer kept for the order's externalId: in its purchase row, or, for a purchase recorded
     * before purchases kept their answers, in its idempotency row (scope {@code purchase}).
     */
    private Optional<Outcome<StoredReceipt>> keptAnswer(TenantId tenantId, PurchaseOrder order, String fingerprint) {
        return purchases.answer(tenantId, order.externalId())
                .map(a -> answers.replay(a.requestHash(), a.response(), fingerprint, StoredReceipt.class))
                .or(() -> idempotency.replay(tenantId, "purchase", order.externalId(), order, StoredReceipt.class));
    }

    @Override
    public Outcome<ReturnReceipt> returnGoods(Caller caller, PurchaseId purchaseId, ReturnOrder order,
                                              String idempotencyKey) {
        TenantId tenantId = caller.tenant();
        Tenant tenant = tenants.get(tenantId);
        Program program = programs.of(tenantId);
        OrderValidation.check(order, Money.scaleOf(tenant.currency()));
        PurchaseRepository.StoredPurchase found = purchases.find(tenantId, purchaseId.value())
                .orElseThrow(() -> ApiProblem.notFound("Purchase"));
        // Before the replay too: another store's till gets neither a new return nor an old answer.
        StoreRestriction.check(caller.storeCode(), found.storeCode(), "record returns");
        record Request(java.util.UUID purchaseId, ReturnOrder order) {
        }
        Request request = new Request(purchaseId.value(), order);
        // The Idempotency-Key row first, then the externalId row, in one transaction: either one
        // seen before replays the first answer, and a reuse of either with another request is 409.
        AtomicBoolean replayedByExternalId = new AtomicBoolean();
        var keyed = idempotency.run(tenantId, "return-request", idempotencyKey, request, StoredReturnReceipt.class,
                () -> {
                    var byExternalId = idempotency.run(tenantId, "return", order.externalId(), request,
                            StoredReturnReceipt.class,
                            () -> StoredReturnReceipt.of(returns.record(tenant, program, found, order)));
                    replayedByExternalId.set(byExternalId.replayed());
                    return byExternalId.body();
                });
        return new Outcome<>(keyed.body().toReceipt(tenant.currency()),
                keyed.replayed() || replayedByExternalId.get());
    }

    /** A caller bound to one store's till records and prices that store's sales only. */
    private static void requireOwnStore(Caller caller, PurchaseOrder order) {
        StoreRestriction.check(caller.storeCode(), order.storeCode(), "record purchases");
    }
}
