package io.kopilka.tier.internal;

import io.kopilka.member.MemberLevel;
import io.kopilka.member.MemberLevels;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.Tiers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells the member module which level a member is on (the member record's {@code tier}). */
@Component
class TierMemberLevels implements MemberLevels {
    private final Tiers tiers;

    TierMemberLevels(Tiers tiers) {
        this.tiers = tiers;
    }

    @Override
    public Optional<MemberLevel> of(TenantId tenant, MemberId member) {
        return tiers.current(tenant, member).map(t -> new MemberLevel(t.level().code(), t.level().name()));
    }
}
