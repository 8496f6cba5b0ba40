package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The expiry job wrote off a member's points: one event per member and run, published in the
 * transaction of the batch that wrote them off.
 *
 * @param points  how many points expired, in all
 * @param entries the {@code expire} entries written, one per expired lot
 * @param balance the member's balance after it
 * @param at      when the job wrote them off (each entry is dated at its lot's expiry, which may be earlier)
 */
public record PointsExpired(TenantId tenant, MemberId member, long points, List<UUID> entries, long balance,
                            Instant at) {
    public PointsExpired {
        entries = List.copyOf(entries);
    }
}
