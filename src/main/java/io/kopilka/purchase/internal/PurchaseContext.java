package io.kopilka.purchase.internal;

import io.kopilka.member.Member;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.purchase.PricingInput;
import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.rules.Cart;
import io.kopilka.shared.MemberId;
import io.kopilka.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a purchase needs that does not depend on the member's lock: read once, before it.
 *
 * @param member  null for a guest
 * @param inputs  what the participants tell pricing
 * @param quoted  what the participants say in a quote
 */
record PurchaseContext(Tenant tenant, Program program, PurchaseOrder order, Member member, Cart cart, Instant now,
                       List<PricingInput> inputs, List<ReceiptPart> quoted) {

    /** The same purchase recorded at {@code at}: a batch writes all of its purchases at one time. */
    PurchaseContext recordedAt(Instant at) {
        return new PurchaseContext(tenant, program, order, member, cart, at, inputs, quoted);
    }

    MemberId memberId() {
        return member == null ? null : member.id();
    }

    long redeem() {
        return order.redeemPoints() == null ? 0 : order.redeemPoints();
    }

    String channel() {
        return channel(order);
    }

    static String channel(PurchaseOrder order) {
        return order.channel() == null || order.channel().isBlank() ? "pos" : order.channel();
    }

    /** The language the customer reads the explanations in. */
    String language() {
        return member == null ? tenant.locale().tag() : member.locale().tag();
    }

    /** The purchase's day where the tenant is: the day of per-member daily caps. */
    LocalDate day() {
        return cart.occurredAt().atZone(tenant.timezone()).toLocalDate();
    }

    /** When the points earned can be spent: the purchase's time plus the program's pending days. */
    Instant availableAt() {
        return cart.occurredAt().plus(Duration.ofDays(program.pendingDays()));
    }

    /** The part of {@code earned} still pending now. */
    long pendingPart(long earned) {
        return availableAt().isAfter(now) ? earned : 0;
    }

    /** When points earned by this purchase expire, or null for never. */
    Instant earnedPointsExpireAt() {
        return program.expiry().expiresAt(cart.occurredAt(), tenant.timezone()).orElse(null);
    }

    /** After inactivity expiry: the date this activity pushes the member's points to; null otherwise. */
    Instant inactivityExpiry() {
        return program.expiry().mode() == ExpiryPolicy.Mode.AFTER_INACTIVITY
                ? program.expiry().expiresAt(now, tenant.timezone()).orElse(null) : null;
    }
}
