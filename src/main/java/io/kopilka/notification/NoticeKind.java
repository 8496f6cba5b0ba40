package io.kopilka.notification;

import java.util.Locale;
import java.util.Optional;

/**
 * What a message to a member is about. Each kind is either a service message, which the member needs
 * to use their account (points about to expire, a login code, a coupon), or a marketing one, which
 * invites them back (a balance reminder, win-back, challenge progress). The advertising laws of Russia
 * and Kazakhstan ask for a separate consent to marketing; and only marketing messages count towards
 * {@code maxMarketingPerWeek}.
 */
public enum NoticeKind {
    WELCOME(Purpose.SERVICE),
    POINTS_EARNED(Purpose.SERVICE),
    POINTS_EXPIRING(Purpose.SERVICE),
    BALANCE(Purpose.MARKETING),
    TIER_CHANGED(Purpose.SERVICE),
    COUPON_ISSUED(Purpose.SERVICE),
    COUPON_EXPIRING(Purpose.SERVICE),
    CHALLENGE_PROGRESS(Purpose.MARKETING),
    CHALLENGE_COMPLETED(Purpose.SERVICE),
    REFERRAL_REWARDED(Purpose.SERVICE),
    // A birthday greeting invites the member to come and celebrate: advertising, so marketing.
    BIRTHDAY(Purpose.MARKETING),
    WIN_BACK(Purpose.MARKETING),
    LOGIN_CODE(Purpose.SERVICE);

    public enum Purpose {
        SERVICE, MARKETING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Purpose purpose;

    NoticeKind(Purpose purpose) {
        this.purpose = purpose;
    }

    public Purpose purpose() {
        return purpose;
    }

    public boolean marketing() {
        return purpose == Purpose.MARKETING;
    }

    /** The kind's name in the API: {@code points_expiring}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NoticeKind> fromCode(String code) {
        for (NoticeKind kind : values()) {
            if (kind.code().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
