package io.kopilka.tier;

import java.time.Instant;

/**
 * A member's level now.
 *
 * @param since      when they moved to it; null for a member who never bought (on the entry level)
 * @param belowSince when a re-evaluation first found them below the level's threshold (the grace
 *                   period runs from here); null while they qualify
 */
public record MemberTier(Level level, Instant since, Instant belowSince) {

    /** A manual level (VIP) is kept until an admin changes it; re-evaluation never touches it. */
    public boolean manual() {
        return level.manual();
    }
}
