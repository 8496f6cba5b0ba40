package io.kopilka.purchase;

import io.kopilka.shared.Money;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import io.kopilka.rules.PricedCart;

/**
 * A module that takes part in every purchase and return of a member, inside them: what must be
 * priced with the purchase, or committed with it, or be part of its answer. The purchase module
 * names what it needs and the modules above it provide it (as {@code member.MemberLevels} does),
 * so {@code purchase} depends on none of them. Implementations are beans in their own module's
 * {@code internal} package, called in their {@code @Order}.
 *
 * <p>What may happen later, after the commit (a message, a webhook), listens to
 * {@link PurchaseRecorded} and {@link PurchaseReturned} instead: a participant makes the purchase
 * slower and can fail it, so only what must be in its transaction belongs here.
 *
 * <p>Guests (no member) have no participants: every method is about a member.
 */
public interface PurchaseParticipant {

    /**
     * Before pricing, for a quote and a commit alike, before the member's lock is taken: what this
     * module tells the rules, and what it says in a quote. Reads only; may refuse the purchase (a
     * coupon that is not the member's). Every code of {@code couponCodes} must come back as a
     * {@link PricingInput.Coupon} from the module that owns coupons, or the purchase is refused.
     *
     * @param couponCodes the codes the till sent, as sent (empty when repricing past purchases)
     */
    default Contribution beforePricing(TenantId tenant, MemberId member, List<String> couponCodes) {
        return Contribution.NONE;
    }

    /**
     * In the purchase's transaction, under the member's lock, after its points are posted: what this
     * module records of it, and its parts of the answer. An exception here fails the purchase.
     */
    default List<ReceiptPart> recorded(RecordedPurchase purchase) {
        return List.of();
    }

    /** In the return's transaction, under the member's lock, after its points are posted. */
    default void returned(RecordedReturn returned) {
    }

    /**
     * @param inputs what pricing must know (e.g. the member's level and its benefits)
     * @param quoted what a quote's answer says (e.g. the level the purchase is priced at)
     */
    record Contribution(List<PricingInput> inputs, List<ReceiptPart> quoted) {
        public static final Contribution NONE = new Contribution(List.of(), List.of());
    }

    /**
     * A purchase as it was recorded.
     *
     * @param paid       what the customer paid (after discounts and points)
     * @param occurredAt when it happened (a till's purchase may be backdated)
     * @param recordedAt when it was recorded
     * @param coupons    the coupons it used, as priced (their owner marks them used)
     * @param effects    what its rules made it do besides points (issue a coupon, give to a cause)
     * @param language   the member's language, for the lines a part adds to the answer
     * @param visits     the member's visits with this one, as the ledger's posting left its account
     *                   ({@code points_account.visits}; a whole return takes its visit back): known
     *                   without a query, so a participant can tell a first or tenth visit for free
     */
    record RecordedPurchase(TenantId tenant, MemberId member, PurchaseId purchase, String storeCode, Money paid,
                            long pointsEarned, long pointsRedeemed, Instant occurredAt, Instant recordedAt,
                            List<PricedCart.AppliedCoupon> coupons, List<PricedCart.Effect> effects,
                            String language, int visits) {
    }

    /**
     * A return as it was recorded.
     *
     * @param amount       what the customer got back
     * @param returnsWhole whether this return brought back the last of the purchase (a whole return,
     *                     at once or in parts): true for exactly one return of a purchase
     */
    record RecordedReturn(TenantId tenant, MemberId member, PurchaseId purchase, ReturnId returnId, Money amount,
                          long pointsReversed, long pointsRefunded, boolean returnsWhole, Instant recordedAt) {
    }
}
