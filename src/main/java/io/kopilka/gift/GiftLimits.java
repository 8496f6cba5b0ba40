package io.kopilka.gift;

import io.kopilka.tenant.Caller;
import java.time.Instant;

/**
 * The daily limit of what one pos key may give by hand: gifts and positive adjustments together, per
 * calendar day in the tenant's time zone, at most the program's {@code staffGifts.pointsPerKeyPerDay}.
 * Admin keys (and the system) have no limit.
 */
public interface GiftLimits {

    /**
     * Counts {@code points} against the caller's limit of {@code now}'s day, in the caller's transaction
     * (propagation MANDATORY): when that rolls back, so does the count. Concurrent calls of one key
     * never pass the limit together. 403 {@code gift_limit_exceeded}, with {@code remaining}, when
     * the points do not fit; nothing is counted then.
     */
    void take(Caller caller, long points, Instant now);
}
