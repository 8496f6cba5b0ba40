package io.kopilka.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Decides a member's level from their qualifying value; decides only, writes nothing.
 *
 * <p>Moving up is immediate: at the purchase that crosses a threshold, or at a re-evaluation (after the
 * owner lowered the thresholds, say). Moving down happens only at a re-evaluation, and only after the
 * member has stayed below their level's threshold for the ladder's grace period; they then go straight
 * to the level their value reaches. Returns lower the value but are never acted on at once, so one
 * return cannot drop a member mid-visit. Manual levels (VIP) are never changed here.
 */
public final class TierPolicy {
    private TierPolicy() {
    }

    /**
     * The member's state after a decision.
     *
     * @param reason why the level changes; null when it stays
     */
    public record Decision(Level level, Instant belowSince, ChangeReason reason) {
        public boolean levelChanged() {
            return reason != null;
        }
    }

    /** After a purchase: up if the value now reaches a higher level; back above the threshold ends a grace period. */
    public static Decision afterPurchase(Ladder ladder, MemberTier current, BigDecimal value) {
        Level level = current.level();
        if (level.manual() || ladder.level(level.code()).isEmpty()) {
            return unchanged(current);
        }
        Level reached = ladder.reached(value);
        int comparison = reached.threshold().compareTo(level.threshold());
        if (comparison > 0) {
            return new Decision(reached, null, ChangeReason.QUALIFIED);
        }
        if (comparison == 0) {
            // Qualifies for their level (or is on the entry level, which nobody falls below).
            return new Decision(level, null, null);
        }
        return unchanged(current);
    }

    /** The daily re-evaluation: up at once, down after the grace period, a removed level left at once. */
    public static Decision atReevaluation(Ladder ladder, MemberTier current, BigDecimal value, Instant now,
                                          ZoneId zone) {
        Level level = current.level();
        if (ladder.level(level.code()).isEmpty()) {
            return new Decision(ladder.reached(value), null, ChangeReason.LEVEL_REMOVED);
        }
        if (level.manual()) {
            return unchanged(current);
        }
        Level reached = ladder.reached(value);
        int comparison = reached.threshold().compareTo(level.threshold());
        if (comparison > 0) {
            return new Decision(reached, null, ChangeReason.QUALIFIED);
        }
        if (comparison == 0) {
            // Qualifies for their level (or is on the entry level, which nobody falls below).
            return new Decision(level, null, null);
        }
        Instant belowSince = current.belowSince() == null ? now : current.belowSince();
        if (!now.isBefore(ladder.graceEnds(belowSince, zone))) {
            return new Decision(reached, null, ChangeReason.GRACE_ENDED);
        }
        return new Decision(level, belowSince, null);
    }

    private static Decision unchanged(MemberTier current) {
        return new Decision(current.level(), current.belowSince(), null);
    }
}
