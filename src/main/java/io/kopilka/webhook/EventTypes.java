package io.kopilka.webhook;

import java.util.List;
import java.util.Set;

/** The event types a subscription may ask for; {@code *} stands for all of them. */
public final class EventTypes {
    public static final String ALL = "*";
    public static final List<String> KNOWN = List.of("member.created", "member.updated", "purchase.created",
            "purchase.returned", "points.earned", "points.redeemed", "points.expired", "points.expiring",
            "tier.changed", "coupon.issued", "coupon.used", "challenge.completed", "referral.rewarded");
    private static final Set<String> ACCEPTED = Set.copyOf(KNOWN);

    private EventTypes() {
    }

    public static boolean known(String type) {
        return ALL.equals(type) || ACCEPTED.contains(type);
    }

    /** Whether a subscription to {@code events} wants {@code type}. */
    public static boolean wants(List<String> events, String type) {
        return events.contains(type) || events.contains(ALL);
    }
}
