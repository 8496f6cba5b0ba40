package io.kopilka.rules;

import io.kopilka.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's rules. */
public interface Rules {
    Rule create(TenantId tenant, Rule rule);

    Rule replace(TenantId tenant, UUID id, Rule rule);

    void delete(TenantId tenant, UUID id);

    Optional<Rule> byId(TenantId tenant, UUID id);

    /** The live rules in evaluation order: highest priority first. */
    List<Rule> active(TenantId tenant);
}
