package io.kopilka.reward;

import io.kopilka.rules.CouponOffer;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A coupon of a member.
 *
 * @param code         canonical: upper case, no dashes ({@link #displayCode()} is how members read it)
 * @param costPoints   what the member paid for it in points; null when it was given
 * @param expiresAt    null: it does not expire
 * @param usedIn       the purchase that used it, while it is used
 * @param issuedBy     the purchase whose rule issued it; null otherwise
 */
public record Coupon(UUID id, String code, UUID rewardId, MemberId member, CouponSource source, CouponStatus status,
                     CouponTerms terms, Long costPoints, boolean refundOnExpiry, String note, Instant issuedAt,
                     Instant expiresAt, PurchaseId usedIn, PurchaseId issuedBy) {

    public String displayCode() {
        return CouponCodes.display(code);
    }

    public boolean pastExpiry(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The status as a reader should see it: an active coupon past its expiry is expired, whether the job ran or not. */
    public CouponStatus statusAt(Instant now) {
        return status == CouponStatus.ACTIVE && pastExpiry(now) ? CouponStatus.EXPIRED : status;
    }

    /**
     * Why {@code buyer} cannot hand this coupon over with a purchase at {@code now}, as the
     * {@code reason} of 422 {@code coupon_invalid}; empty when they can (whether it fits the cart is
     * pricing's to say).
     */
    public Optional<String> refusalFor(MemberId buyer, Instant now) {
        if (!member.equals(buyer)) {
            return Optional.of("not_yours");
        }
        return switch (statusAt(now)) {
            case ACTIVE -> Optional.empty();
            case USED -> Optional.of("used");
            case EXPIRED -> Optional.of("expired");
            case CANCELLED -> Optional.of("cancelled");
        };
    }

    /** The coupon as pricing reads it. */
    public CouponOffer offer() {
        return new CouponOffer(id.toString(), displayCode(), rewardId.toString(), terms.name(), terms.kind(),
                terms.percent(), terms.amount(), terms.itemFilter(), terms.minSpend(), terms.stores());
    }
}
