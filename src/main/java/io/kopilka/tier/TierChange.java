package io.kopilka.tier;

/**
 * The member's level after a purchase, and whether this purchase moved them to it. The purchase that
 * crosses a threshold was already priced at the old level; the new one applies from the next purchase.
 */
public record TierChange(String code, boolean changed) {
}
