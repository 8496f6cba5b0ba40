package io.kopilka.rules;

import java.util.Locale;
import java.util.Optional;

/** The kinds of rule. {@code issue_coupon} needs rewards, which do not exist yet: it is refused with 422. */
public enum RuleKind {
    POINTS_PERCENT(true), POINTS_FIXED(true), POINTS_PER_ITEM(true), MULTIPLIER(true), DISCOUNT_PERCENT(true),
    DISCOUNT_BY_SPEND(true), ISSUE_COUPON(false);

    private final boolean supported;

    RuleKind(boolean supported) {
        this.supported = supported;
    }

    public boolean supported() {
        return supported;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleKind> fromCode(String code) {
        for (RuleKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
