package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.util.Optional;

/**
 * Where a member's level comes from. Tiers are a module of their own that builds on members, so
 * the member module only names what it needs and the tier module provides it (no cycle).
 */
public interface MemberLevels {
    Optional<MemberLevel> of(TenantId tenant, MemberId member);
}
