package io.kopilka.rules;

import java.util.List;

/** A tenant's live rules at one version, highest priority first: what one purchase is priced against. */
public record RuleSet(long version, List<Rule> rules) {
    public static final RuleSet EMPTY = new RuleSet(0, List.of());
}
