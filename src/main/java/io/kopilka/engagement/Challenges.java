package io.kopilka.engagement;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's challenges, and members' progress on them. Every write runs in the caller's
 * transaction (propagation MANDATORY) with its audit entry; the web layer opens it with the
 * request's idempotency.
 */
public interface Challenges {

    /** 422 {@code validation_failed} with {@code reward.rewardId} for a reward that is not the tenant's active one. */
    Challenge create(Caller caller, ChallengeDraft draft, Instant now);

    /** 404 for a challenge the tenant does not have; members' progress and completions stay. */
    Challenge replace(Caller caller, UUID id, ChallengeDraft draft, Instant now);

    /** No purchase counts toward it from now on; progress and completions stay. 404 if unknown. */
    void deactivate(Caller caller, UUID id, Instant now);

    Optional<Challenge> byId(TenantId tenant, UUID id);

    /** Up to {@code limit} challenges after {@code after} (null: from the first), by id. */
    List<Challenge> page(TenantId tenant, UUID after, int limit);

    /** The member's progress on each of the tenant's active challenges. */
    List<MemberChallenge> ofMember(TenantId tenant, MemberId member, Instant now);
}
