package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * The expiry-reminder job told a member that points will expire: one per member and digest, whatever
 * channel carried it (or none: a member who cannot be reached is still announced, for the webhooks).
 * Published inside the job's transaction for that member.
 *
 * @param batches the points expiring, by the moment they expire, earliest first
 */
public record PointsExpiring(TenantId tenant, MemberId member, List<Batch> batches, long available, Instant at) {

    public PointsExpiring {
        batches = List.copyOf(batches);
    }

    /** {@code points} of the member's points expire at {@code expiresAt}. */
    public record Batch(long points, Instant expiresAt) {
    }

    public long total() {
        return batches.stream().mapToLong(Batch::points).sum();
    }
}
