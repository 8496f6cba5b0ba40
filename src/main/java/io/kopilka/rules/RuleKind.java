package io.kopilka.rules;

import java.util.Locale;
import java.util.Optional;

/** The kinds of rule. Only those marked supported are accepted today; the rest are refused with 422. */
public enum RuleKind {
    POINTS_PERCENT(true), POINTS_FIXED(false), POINTS_PER_ITEM(false), MULTIPLIER(false), DISCOUNT_PERCENT(false),
    DISCOUNT_BY_SPEND(false), ISSUE_COUPON(false);

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
