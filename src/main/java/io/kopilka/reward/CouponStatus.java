package io.kopilka.reward;

import java.util.Locale;
import java.util.Optional;

/** Where a coupon is in its life: it starts active and ends once, used, expired or cancelled (a return may make a used one active again). */
public enum CouponStatus {
    ACTIVE, USED, EXPIRED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CouponStatus> fromCode(String code) {
        for (CouponStatus s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
