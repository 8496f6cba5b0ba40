package io.kopilka.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The facts a kind's notice may leave out (see {@code docs/notifications.md}, "Templates"). A template
 * names them only inside {@code {{#fact}}…{{/fact}}} (or {@code {{^fact}}}); every other fact it names
 * must be there, or rendering fails rather than sending a message with a hole in it.
 */
public final class KindFacts {
    /** Optional in every kind: a member without a name; {@code unsubscribeUrl} outside e-mail. */
    public static final Set<String> COMMON_OPTIONAL = Set.of("name", "unsubscribeUrl");

    private static final Map<NoticeKind, Set<String>> OPTIONAL = new EnumMap<>(Map.ofEntries(
            Map.entry(NoticeKind.WELCOME, Set.of("welcomePoints", "referralCode")),
            Map.entry(NoticeKind.POINTS_EARNED, Set.of("availableAt")),
            Map.entry(NoticeKind.POINTS_EXPIRING, Set.of("laterDates")),
            Map.entry(NoticeKind.BALANCE, Set.of("goalName", "goalRemaining")),
            Map.entry(NoticeKind.TIER_CHANGED, Set.of("previousLevelName")),
            Map.entry(NoticeKind.COUPON_ISSUED, Set.of("expiresAt")),
            Map.entry(NoticeKind.COUPON_EXPIRING, Set.of()),
            Map.entry(NoticeKind.CHALLENGE_PROGRESS, Set.of()),
            Map.entry(NoticeKind.CHALLENGE_COMPLETED, Set.of("rewardPoints")),
            Map.entry(NoticeKind.REFERRAL_REWARDED, Set.of("friendName")),
            Map.entry(NoticeKind.BIRTHDAY, Set.of("points", "couponCode", "rewardName", "couponExpiresAt")),
            Map.entry(NoticeKind.WIN_BACK, Set.of("points", "couponCode", "rewardName", "couponExpiresAt")),
            Map.entry(NoticeKind.LOGIN_CODE, Set.of())));

    private KindFacts() {
    }

    /** The kind's own optional facts, without {@link #COMMON_OPTIONAL}. */
    public static Set<String> optional(NoticeKind kind) {
        return OPTIONAL.get(kind);
    }

    public static boolean isOptional(NoticeKind kind, String fact) {
        return COMMON_OPTIONAL.contains(fact) || OPTIONAL.get(kind).contains(fact);
    }
}
