package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/** Members by what they may spend, for the balance reminders. */
public interface PointHolders {

    /**
     * The members of a tenant whose available points at {@code now} ({@link Account#available()}: spendable
     * lots less debt) are at least {@code minPoints}, in id order after {@code after} (null: from the first),
     * at most {@code limit}.
     */
    List<Holder> atLeast(TenantId tenant, long minPoints, Instant now, MemberId after, int limit);

    record Holder(MemberId member, long available) {
    }
}
