package io.kopilka.tier;

import java.util.Locale;
import java.util.Optional;

/** Why a member's level changed, as kept in their tier history. */
public enum ChangeReason {
    /** Their qualifying value reached a higher level (at a purchase or a re-evaluation). */
    QUALIFIED,
    /** They stayed below their level's threshold for the whole grace period. */
    GRACE_ENDED,
    /** An admin assigned the level by hand. */
    ASSIGNED,
    /** Their level was taken out of the ladder. */
    LEVEL_REMOVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChangeReason> fromCode(String code) {
        for (ChangeReason r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
