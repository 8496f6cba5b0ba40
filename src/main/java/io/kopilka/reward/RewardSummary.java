package io.kopilka.reward;

import io.kopilka.shared.Names;

/**
 * What other modules need to know of a reward: its name for the member and its price.
 *
 * @param costPoints null: not for sale for points
 * @param active     false once archived
 */
public record RewardSummary(String id, Names name, Long costPoints, boolean active) {
}
