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
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * The purchase module's facade: who may do what (a store's till works its own store), and
 * idempotency, around the collaborators that do the work: {@link PurchaseContexts} reads what a
 * purchase needs, {@link PurchaseQuoter} prices it, {@link PurchaseRecorder} and
 * {@link ReturnRecorder} write it. Answers are kept in their storage shapes ({@link StoredReceipt})
 * with the idempotency keys, so a replay returns the first answer.
 */
@Service
class PurchaseService implements Purchases {
    private final Tenants tenants;
    private final Programs programs;
    private final Rules rules;
    private final PurchaseContexts contexts;
    private final PurchaseQuoter quoter;
    private final PurchaseRecorder recorder;
    private final ReturnRecorder returns;
    private final PurchaseRepository purchases;
    private final Idempotency idempotency;

    PurchaseService(Tenants tenants, Programs programs, Rules rules, PurchaseContexts contexts, PurchaseQuoter quoter,
                    PurchaseRecorder recorder, ReturnRecorder returns, PurchaseRepository purchases,
                    Idempotency idempotency) {
        this.tenants = tenants;
        this.programs = programs;
        this.rules = rules;
        this.contexts = contexts;
        this.quoter = quoter;
        this.recorder = recorder;
        this.returns = returns;
        this.purchases = purchases;
        this.idempotency = idempotency;
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
        TenantId tenantId = caller.tenant();
        PurchaseContext c;
        try {
            c = contexts.prepare(tenantId, order);
        } catch (ApiProblem refused) {
            // A till retrying a purchase that went through gets its first answer, even if the purchase
            // would be refused today (backdated too far by now, member erased since).
            var replay = replay(tenantId, "purchase-request", idempotencyKey, order)
                    .or(() -> replay(tenantId, "purchase", order.externalId(), order));
            if (replay.isPresent()) {
                return Outcome.replay(replay.get().body().toReceipt(tenants.get(tenantId).currency()));
            }
            throw refused;
        }
        // The Idempotency-Key row first, then the externalId row, in one transaction: either one
        // seen before replays the first answer, and a reuse of either with another request is 409.
        AtomicBoolean replayedByExternalId = new AtomicBoolean();
        var keyed = idempotency.run(tenantId, "purchase-request", idempotencyKey, order, StoredReceipt.class, () -> {
            var byExternalId = idempotency.run(tenantId, "purchase", order.externalId(), order, StoredReceipt.class,
                    () -> StoredReceipt.of(recorder.record(c)));
            replayedByExternalId.set(byExternalId.replayed());
            return byExternalId.body();
        });
        return new Outcome<>(keyed.body().toReceipt(c.tenant().currency()),
                keyed.replayed() || replayedByExternalId.get());
    }

    private Optional<Outcome<StoredReceipt>> replay(TenantId tenantId, String scope, String key, PurchaseOrder order) {
        return key == null || key.isBlank() ? Optional.empty()
                : idempotency.replay(tenantId, scope, key, order, StoredReceipt.class);
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
