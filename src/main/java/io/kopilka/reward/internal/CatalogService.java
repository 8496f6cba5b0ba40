package io.kopilka.reward.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.Reward;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.reward.RewardDocument;
import io.kopilka.reward.RewardSummary;
import io.kopilka.reward.RewardValidation;
import io.kopilka.reward.Rewards;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog: rewards validated, stored and audited in one transaction. */
@Service
class CatalogService implements RewardCatalog, Rewards {
    private final RewardStore store;
    private final Tenants tenants;
    private final Stores stores;
    private final AuditLog audit;
    private final Clock clock;

    CatalogService(RewardStore store, Tenants tenants, Stores stores, AuditLog audit, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CatalogReward create(Caller caller, RewardDocument request) {
        Reward reward = validate(caller.tenant(), request, Ids.next());
        Instant now = Now.of(clock);
        store.insert(caller.tenant(), reward, now);
        CatalogReward created = new CatalogReward(reward, reward.stock(), true, now, now);
        audit.record(caller, Change.created("reward", reward.id().toString(), document(caller.tenant(), created)));
        return created;
    }

    @Override
    public Optional<CatalogReward> byId(TenantId tenant, String id) {
        return Ids.parse(id).flatMap(uuid -> store.find(tenant, uuid));
    }

    @Override
    public Optional<RewardSummary> find(TenantId tenant, String rewardId) {
        return byId(tenant, rewardId).map(CatalogReward::summary);
    }

    @Override
    public List<CatalogReward> page(TenantId tenant, UUID after, int limit, Boolean active) {
        return store.page(tenant, after, limit, active);
    }

    @Override
    @Transactional
    public CatalogReward replace(Caller caller, String id, RewardDocument request) {
        CatalogReward before = Ids.parse(id).flatMap(uuid -> store.lock(caller.tenant(), uuid))
                .orElseThrow(() -> ApiProblem.notFound("Reward"));
        Reward reward = validate(caller.tenant(), request, before.reward().id());
        Long left = stockLeft(caller.tenant(), before, reward.stock());
        Instant now = Now.of(clock);
        store.replace(caller.tenant(), reward, left, now);
        CatalogReward after = new CatalogReward(reward, left, before.active(), before.createdAt(), now);
        audit.record(caller, Change.updated("reward", id, document(caller.tenant(), before),
                document(caller.tenant(), after)));
        return after;
    }

    @Override
    @Transactional
    public CatalogReward archive(Caller caller, String id) {
        CatalogReward before = Ids.parse(id).flatMap(uuid -> store.lock(caller.tenant(), uuid))
                .orElseThrow(() -> ApiProblem.notFound("Reward"));
        if (!before.active()) {
            return before;
        }
        Instant now = Now.of(clock);
        store.archive(caller.tenant(), before.reward().id(), now);
        CatalogReward after = new CatalogReward(before.reward(), before.stockLeft(), false, before.createdAt(), now);
        audit.record(caller, new Change("reward.archived", "reward", id, document(caller.tenant(), before),
                document(caller.tenant(), after), null));
        return after;
    }

    /**
     * What is left of a new stock: the coupons already issued count against it, so raising the
     * stock by ten gives ten more, and a stock below what was issued leaves none.
     */
    private Long stockLeft(TenantId tenant, CatalogReward before, Long stock) {
        if (stock == null) {
            return null;
        }
        long issued = before.reward().stock() == null ? store.issued(tenant, before.reward().id())
                : before.reward().stock() - before.stockLeft();
        return Math.max(0, stock - issued);
    }

    private Reward validate(TenantId tenantId, RewardDocument request, UUID id) {
        Tenant tenant = tenants.get(tenantId);
        return RewardValidation.toReward(request, id, Money.scaleOf(tenant.currency()),
                code -> stores.byCode(tenantId, code).isPresent());
    }

    private RewardDocument document(TenantId tenantId, CatalogReward reward) {
        Tenant tenant = tenants.get(tenantId);
        return RewardDocument.of(reward, tenant.timezone(), tenant.currency());
    }
}
