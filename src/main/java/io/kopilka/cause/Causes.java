package io.kopilka.cause;

import io.kopilka.member.Member;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Causes a program supports, and members' donations to them. Every write runs in the caller's
 * transaction (propagation MANDATORY) with its audit entry; the web layer opens it with the request's
 * idempotency.
 */
public interface Causes {

    Cause create(Caller caller, CauseDraft draft, Instant now);

    /** 404 {@code not_found} for a cause the tenant does not have; the totals stay as they are. */
    Cause replace(Caller caller, UUID id, CauseDraft draft, Instant now);

    /** Deactivates the cause: no donations or rule contributions from now on; its totals stay. 404 if unknown. */
    void deactivate(Caller caller, UUID id, Instant now);

    Optional<Cause> byId(TenantId tenant, UUID id);

    /** Up to {@code limit} causes after {@code after} (null: from the first), oldest first. */
    List<Cause> page(TenantId tenant, boolean activeOnly, UUID after, int limit);

    /**
     * The member gives {@code points} to the cause: 404 {@code not_found} for a cause the tenant does not
     * have, 409 {@code member_erased}, 422 {@code cause_not_active}, 409 {@code insufficient_points}.
     */
    Donation donate(Caller caller, Member member, UUID causeId, long points, Instant now);
}
