package io.kopilka.reward;

import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rewards catalog as its owner keeps it. Every write is validated ({@link RewardValidation})
 * and written to the audit log with it; another tenant's reward is not found (404).
 */
public interface RewardCatalog {

    CatalogReward create(Caller caller, RewardDocument request);

    /** Archived ones too; empty for text that is no id or another tenant's. */
    Optional<CatalogReward> byId(TenantId tenant, String id);

    /**
     * Up to {@code limit} rewards in the order they were added, after {@code after} (null: from the first).
     *
     * @param active null: both; true: the active ones; false: the archived ones
     */
    List<CatalogReward> page(TenantId tenant, UUID after, int limit, Boolean active);

    /** Replaces the terms; coupons already issued keep theirs. The stock left moves by the change of the stock. */
    CatalogReward replace(Caller caller, String id, RewardDocument request);

    /** Takes it out of sale and out of rules' reach; coupons already issued stay valid. Archiving again changes nothing. */
    CatalogReward archive(Caller caller, String id);
}
