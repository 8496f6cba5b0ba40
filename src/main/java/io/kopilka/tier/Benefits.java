package io.kopilka.tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a level gives: a multiplier on earned points, an instant discount, and perks in the owner's own
 * words ("Free coffee"). Applying the first two to a purchase is the pricing's job; perks are shown.
 */
public record Benefits(BigDecimal earnMultiplier, BigDecimal discountPercent, List<String> perks) {
    public static final Benefits NONE = new Benefits(BigDecimal.ONE, BigDecimal.ZERO, List.of());

    public Benefits {
        // Not List.copyOf: a null perk must reach validation as a field error, not fail here.
        perks = perks == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(perks));
    }
}
