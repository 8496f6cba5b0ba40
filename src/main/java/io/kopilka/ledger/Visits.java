package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/** Who stopped coming: members' visits as their accounts count them, for win-back. */
public interface Visits {

    /**
     * Members with at least one visit whose last visit was before {@code lastVisitBefore}, the longest
     * absent first, after the cursor ({@code afterLastVisit}, {@code afterMember}; nulls: from the first),
     * at most {@code limit}.
     */
    List<MemberVisits> absentSince(TenantId tenant, Instant lastVisitBefore, Instant afterLastVisit,
                                   MemberId afterMember, int limit);

    /**
     * A member's visits.
     *
     * @param firstVisitAt when the member's first purchase was recorded (their earliest ledger entry of a
     *                     purchase); null when no purchase left an entry (it earned and redeemed nothing)
     */
    record MemberVisits(MemberId member, Instant firstVisitAt, Instant lastVisitAt, int visits) {
    }
}
