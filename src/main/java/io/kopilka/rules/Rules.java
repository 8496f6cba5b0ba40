package io.kopilka.rules;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A tenant's rules, their versions, and the limits they spend (budgets, per-member allowances). */
public interface Rules {
    Rule create(TenantId tenant, Rule rule);

    Rule replace(TenantId tenant, UUID id, Rule rule);

    void delete(TenantId tenant, UUID id);

    Optional<Rule> byId(TenantId tenant, UUID id);

    /**
     * Up to {@code limit} live rules in evaluation order (highest priority first, then oldest first),
     * after {@code after} (null: from the first), each with its position for the next page.
     */
    List<Listed> page(TenantId tenant, Position after, int limit);

    /** A rule's place in the list: its sort key, unique thanks to the id. */
    record Position(int priority, Instant createdAt, UUID id) {
    }

    record Listed(Rule rule, Position position) {
    }

    /** The live rule set, one consistent version; cached, and dropped on every instance when rules change. */
    RuleSet current(TenantId tenant);

    /**
     * What is left, per rule, of a member's daily and monthly allowance and of each rule's budget, as
     * caps for pricing. Read under the member's lock, so it stays true until the purchase commits.
     */
    Map<UUID, Long> caps(TenantId tenant, MemberId member, List<Rule> rules, LocalDate today);

    /** Takes up to {@code points} from the rule's budget, atomically; returns what was granted. */
    long claimBudget(TenantId tenant, UUID rule, long points);

    /** Gives back budget claimed but not used. */
    void releaseBudget(TenantId tenant, UUID rule, long points);

    /** Counts points a rule gave a member today, for the per-member caps. */
    void recordMemberPoints(TenantId tenant, MemberId member, Map<UUID, Long> pointsByRule, LocalDate today);
}
