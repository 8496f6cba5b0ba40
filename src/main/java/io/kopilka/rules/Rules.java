package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's rules and their versions. What purchases spend of the rules' limits is {@link RuleLimits}. */
public interface Rules {
    Rule create(TenantId tenant, Rule rule);

    Rule replace(TenantId tenant, RuleId id, Rule rule);

    void delete(TenantId tenant, RuleId id);

    /**
     * 422 {@code unknown_target} when the rule's action names a reward or cause the tenant does not
     * have (or has archived); {@link #create} and {@link #replace} ask it too. Simulations of drafts ask it.
     */
    void checkTargets(TenantId tenant, Rule rule);

    Optional<Rule> byId(TenantId tenant, RuleId id);

    /**
     * Up to {@code limit} live rules in evaluation order (highest priority first, then oldest first),
     * after {@code after} (null: from the first), each with its position for the next page.
     */
    List<Listed> page(TenantId tenant, Position after, int limit);

    /**
     * The archived rules (those {@link #delete} deactivated) as they were last, in the same order and
     * paging as {@link #page}: the console shows them so an owner sees what once ran.
     */
    List<Listed> archivedPage(TenantId tenant, Position after, int limit);

    /** A rule's place in the list: its sort key, unique thanks to the id. */
    record Position(int priority, Instant createdAt, UUID id) {
    }

    record Listed(Rule rule, Position position) {
    }

    /** The live rule set, one consistent version; cached, and dropped on every instance when rules change. */
    RuleSet current(TenantId tenant);
}
