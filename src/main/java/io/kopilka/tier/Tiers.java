package io.kopilka.tier;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Levels (tiers): the ladder, each member's level, the activity that qualifies for it, and the
 * re-evaluation that moves members down. Every method is scoped to one tenant.
 *
 * <p>How the purchase flow uses it: price the purchase with {@link #current} (its benefits), then,
 * in the purchase's transaction, call {@link #afterPurchase}. So the purchase that crosses a
 * threshold is priced at the old level, and the member is on the new level from the next purchase.
 * Returns call {@link #afterReturn}; they lower the qualifying value, but only a re-evaluation acts
 * on that.
 */
public interface Tiers {

    /** The tenant's ladder; {@link Ladder#none()} when it has no tiers. */
    Ladder ladder(TenantId tenant);

    /**
     * Validates and replaces the ladder (422 with the fields at fault). Members on a level that is no
     * longer in it move at once to the level their value reaches; other changes (new thresholds) are
     * applied by the next purchase or re-evaluation.
     *
     * @param moneyScale the currency's decimals, for spend thresholds
     */
    Ladder replace(TenantId tenant, Ladder ladder, int moneyScale, String actor, Instant now);

    /** The member's level; the entry level for a member who never bought; empty when the tenant has no tiers. */
    Optional<MemberTier> current(TenantId tenant, MemberId member);

    /**
     * Records a purchase as qualifying activity and moves the member up if it crosses a threshold.
     * Call it once per purchase, in the purchase's transaction; a second call for the same purchase
     * records nothing. Activity is kept even while the tenant has no tiers, so a ladder set up later
     * counts past purchases.
     *
     * @param occurredAt when the purchase happened (it may be backdated): where it falls in windows
     * @param now        when it is recorded: the end of the window the member is measured over
     * @return the member's level after it, and whether it changed; empty when the tenant has no tiers
     */
    Optional<TierChange> afterPurchase(TenantId tenant, MemberId member, UUID purchaseId, BigDecimal spend,
                                       long pointsEarned, Instant occurredAt, Instant now);

    /**
     * Records a return as negative activity, dated at the purchase it returns so that it leaves the
     * same windows the purchase counted in. Nothing moves now: the next re-evaluation acts on it.
     * A return that brings the purchase's spend to zero takes its visit back too.
     */
    void afterReturn(TenantId tenant, MemberId member, UUID purchaseId, UUID returnId, BigDecimal amount,
                     long pointsReversed, Instant now);

    /** Level, next level and how far it is, measured over the window ending at {@code now}; empty without tiers. */
    Optional<TierProgress> progress(TenantId tenant, MemberId member, Instant now);

    /**
     * An admin puts the member on a level. A manual level (VIP) stays until an admin changes it; an
     * automatic level is then kept or left by the usual rules. 422 for a code not in the ladder.
     */
    MemberTier assign(TenantId tenant, MemberId member, String code, String reason, String actor, Instant now);

    /** Re-evaluates the tenant's members as of {@code now}; returns how many changed level. */
    int reevaluate(TenantId tenant, Instant now);

    /** Re-evaluates every tenant that has tiers (the daily job); returns how many members changed level. */
    int reevaluateAll(Instant now);

    /** The member's changes of level, newest first, before the given one (a page cursor) or from the newest. */
    List<TierHistoryEntry> history(TenantId tenant, MemberId member, Instant beforeAt, UUID beforeId, int limit);
}
