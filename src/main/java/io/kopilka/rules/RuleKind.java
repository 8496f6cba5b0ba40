package io.kopilka.rules;

import java.util.Locale;
import java.util.Optional;

/** The kinds of rule, as docs/api.md names them. */
public enum RuleKind {
    POINTS_PERCENT, POINTS_FIXED, POINTS_PER_ITEM, MULTIPLIER, DISCOUNT_PERCENT, DISCOUNT_BY_SPEND, ISSUE_COUPON,
    CAUSE_CONTRIBUTION;

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
