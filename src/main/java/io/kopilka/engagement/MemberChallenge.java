package io.kopilka.engagement;

import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's card of a challenge.
 *
 * @param progress     what counts now, head start included
 * @param windowEndsAt when the oldest counted purchase falls out of the window; null without one
 */
public record MemberChallenge(UUID challengeId, Names name, ChallengeDraft.Metric metric, BigDecimal progress,
                              BigDecimal target, Instant windowEndsAt, int completions) {
}
