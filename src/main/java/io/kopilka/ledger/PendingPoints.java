package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Points on their way (a program's pending days): how many become spendable, and when. The balance
 * says how many are pending; a member also wants to know the day.
 */
public interface PendingPoints {

    /** The member's pending points by the instant they become available, soonest first; empty without any. */
    List<Pending> of(TenantId tenant, MemberId member, Instant now);

    record Pending(long points, Instant availableAt) {

        /** The live lots not yet spendable at {@code now}, summed by the instant each becomes so. */
        public static List<Pending> of(List<Lot> lots, Instant now) {
            Map<Instant, Long> byDate = new TreeMap<>();
            lots.stream().filter(l -> l.live(now) && !l.spendable(now))
                    .forEach(l -> byDate.merge(l.availableAt(), l.remaining(), Long::sum));
            return byDate.entrySet().stream().map(e -> new Pending(e.getValue(), e.getKey())).toList();
        }
    }
}
