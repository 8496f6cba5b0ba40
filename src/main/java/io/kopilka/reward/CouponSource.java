package io.kopilka.reward;

import java.util.Locale;

/** Why a member has a coupon: bought with points, or given by a rule, a challenge, a staff member... */
public enum CouponSource {
    REDEMPTION, RULE, CHALLENGE, REFERRAL, GIFT, BIRTHDAY, WIN_BACK, WELCOME;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
