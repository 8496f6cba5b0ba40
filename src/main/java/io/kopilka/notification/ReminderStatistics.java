package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.Collection;

/** The notification module's figures for the owner's dashboard (analytics): read only. */
public interface ReminderStatistics {

    /**
     * How many of {@code members} were warned that their points expire: a {@code points_expiring} message
     * created for them at or after {@code since}, queued or sent (one suppressed for want of a consent or
     * an address, or that failed, warned nobody).
     */
    long warnedOfExpiry(TenantId tenant, Collection<MemberId> members, Instant since);
}
