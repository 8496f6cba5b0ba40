package io.kopilka.rules;

/** Whether a rule's common conditions hold for a cart (validity window, stores). */
public final class RuleConditions {
    private RuleConditions() {
    }

    public static boolean applies(Rule rule, Cart cart) {
        if (rule.validFrom() != null && cart.occurredAt().isBefore(rule.validFrom())) {
            return false;
        }
        if (rule.validTo() != null && !cart.occurredAt().isBefore(rule.validTo())) {
            return false;
        }
        return rule.stores() == null || rule.stores().isEmpty() || rule.stores().contains(cart.storeCode());
    }
}
