package io.kopilka.tier.internal;

import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.MemberTier;
import io.kopilka.tier.TierChanged;
import io.kopilka.tier.TierPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a decision: a new level always together with its history entry and its {@link TierChanged}
 * event, so that the history and the listeners are complete by construction; a grace period that
 * starts or ends only touches the member's row. Every caller runs in a transaction, so the event is
 * stored with the change.
 */
@Component
class LevelChanges {
    static final String SYSTEM = "system";

    private final MemberTierStore members;
    private final ApplicationEventPublisher events;

    LevelChanges(MemberTierStore members, ApplicationEventPublisher events) {
        this.members = members;
        this.events = events;
    }

    /** The member's row as a domain value; a code the ladder no longer has keeps its code as the name. */
    static MemberTier memberTier(Ladder ladder, MemberTierStore.Row row) {
        Level level = ladder.level(row.code()).orElseGet(() -> new Level(row.code(), row.code(), null, false, null));
        return new MemberTier(level, row.since(), row.belowSince());
    }

    /** Returns whether the level changed. */
    boolean apply(TenantId tenant, MemberTierStore.Row row, TierPolicy.Decision decision, String note, String actor,
                  UUID purchaseId, Instant now) {
        if (decision.levelChanged()) {
            members.update(tenant, row.member(), decision.level().code(), now, decision.belowSince());
            members.recordChange(tenant, row.member(), row.code(), decision.level().code(), decision.reason(), note,
                    actor, purchaseId, now);
            events.publishEvent(new TierChanged(tenant, row.member(), row.code(), decision.level().code(),
                    decision.reason(), purchaseId == null ? null : new PurchaseId(purchaseId), now));
            return true;
        }
        if (!Objects.equals(decision.belowSince(), row.belowSince())) {
            members.update(tenant, row.member(), row.code(), row.since(), decision.belowSince());
        }
        return false;
    }
}
