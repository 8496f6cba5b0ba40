package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/** Members' points about to expire, for the expiry reminders. */
public interface ExpiringLots {

    /**
     * The members of a tenant with live lots (points left) expiring after {@code now} and up to
     * {@code until}, in id order after {@code after} (null: from the first), at most {@code limit}, each with
     * those lots.
     */
    List<MemberLots> expiringBefore(TenantId tenant, Instant now, Instant until, MemberId after, int limit);

    record MemberLots(MemberId member, List<ExpiringLot> lots) {

        public MemberLots {
            lots = List.copyOf(lots);
        }
    }

    /** What is left of a credit, when it expires, and when it was made (earned, refunded, transferred in). */
    record ExpiringLot(long remaining, Instant expiresAt, Instant createdAt) {
    }
}
