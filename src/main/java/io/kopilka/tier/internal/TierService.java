package io.kopilka.tier.internal;

import io.kopilka.shared.Money;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.ActivityTotals;
import io.kopilka.tier.ChangeReason;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.LadderValidation;
import io.kopilka.tier.Level;
import io.kopilka.tier.MemberTier;
import io.kopilka.tier.TierChange;
import io.kopilka.tier.TierHistoryEntry;
import io.kopilka.tier.TierPolicy;
import io.kopilka.tier.TierProgress;
import io.kopilka.tier.Tiers;
import io.kopilka.tier.Window;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tier facade. Writes that set a member's level hold the ladder (FOR KEY SHARE) and then the
 * member's row (FOR UPDATE), in that order everywhere, so they cannot deadlock each other and never
 * see a level disappear under them.
 */
@Service
class TierService implements Tiers {
    private static final Logger log = LoggerFactory.getLogger(TierService.class);

    private final LadderStore ladders;
    private final MemberTierStore members;
    private final ActivityStore activities;
    private final LevelChanges changes;
    private final Reevaluation reevaluation;
    private final Tenants tenants;

    TierService(LadderStore ladders, MemberTierStore members, ActivityStore activities, LevelChanges changes,
                Reevaluation reevaluation, Tenants tenants) {
        this.ladders = ladders;
        this.members = members;
        this.activities = activities;
        this.changes = changes;
        this.reevaluation = reevaluation;
        this.tenants = tenants;
    }

    @Override
    public Ladder ladder(TenantId tenant) {
        return ladders.read(tenant);
    }

    @Override
    @Transactional
    public Ladder replace(TenantId tenant, Ladder ladder, int moneyScale, String actor, Instant now) {
        List<LadderValidation.Problem> problems = LadderValidation.check(ladder, moneyScale);
        if (!problems.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The tier ladder has invalid settings",
                    problems.stream().map(p -> new ApiProblem.FieldError(p.field(), p.message())).toList(), Map.of());
        }
        long version = ladders.lockForReplace(tenant, now) + 1;
        Window window = ladder.window().type() == Window.Type.ROLLING_MONTHS ? ladder.window()
                : new Window(ladder.window().type(), 0);
        Ladder next = new Ladder(ladder.metric(), window, ladder.graceDays(), ladder.levels(), version);
        ladders.write(tenant, next, version, now);
        ladders.announce(tenant);
        List<String> codes = next.levels().stream().map(Level::code).toList();
        List<MemberTierStore.Row> stranded = members.lockOnLevelsOtherThan(tenant, codes);
        if (!stranded.isEmpty()) {
            Map<MemberId, ActivityTotals> totals = activities.totals(tenant,
                    stranded.stream().map(MemberTierStore.Row::member).toList(),
                    next.window().start(now, zone(tenant)), now);
            for (MemberTierStore.Row row : stranded) {
                Level reached = next.reached(totals.getOrDefault(row.member(), ActivityTotals.NONE).value(next.metric()));
                changes.apply(tenant, row, new TierPolicy.Decision(reached, null, ChangeReason.LEVEL_REMOVED), null,
                        actor, null, now);
            }
        }
        ladders.removeOthers(tenant, codes);
        // Not read back through the store: its cache must only ever hold committed versions.
        return next;
    }

    @Override
    public Optional<MemberTier> current(TenantId tenant, MemberId member) {
        Ladder ladder = ladders.current(tenant);
        if (!ladder.configured()) {
            return Optional.empty();
        }
        return Optional.of(members.find(tenant, member).map(row -> LevelChanges.memberTier(ladder, row))
                .orElseGet(() -> new MemberTier(ladder.entry(), null, null)));
    }

    @Override
    @Transactional
    public Optional<TierChange> afterPurchase(TenantId tenant, MemberId member, UUID purchaseId, BigDecimal spend,
                                              long pointsEarned, Instant occurredAt, Instant now) {
        // No lock on the tenant's ladder row here: that row would be written (locked) by every
        // purchase of the tenant. A level removed by a concurrent replacement is left by the next
        // daily re-evaluation (level_removed).
        Ladder ladder = ladders.current(tenant);
        if (!ladder.configured()) {
            activities.recordPurchase(tenant, member, purchaseId, spend, pointsEarned, occurredAt, now);
            return Optional.empty();
        }
        MemberTierStore.Row row = members.lockOrCreate(tenant, member, ladder.entry().code(), now);
        if (!activities.recordPurchase(tenant, member, purchaseId, spend, pointsEarned, occurredAt, now)) {
            return Optional.of(new TierChange(row.code(), false));
        }
        BigDecimal value = value(tenant, member, ladder, now);
        TierPolicy.Decision decision = TierPolicy.afterPurchase(ladder, LevelChanges.memberTier(ladder, row), value);
        boolean changed = changes.apply(tenant, row, decision, null, LevelChanges.SYSTEM, purchaseId, now);
        return Optional.of(new TierChange(decision.level().code(), changed));
    }

    @Override
    @Transactional
    public void afterReturn(TenantId tenant, MemberId member, UUID purchaseId, UUID returnId, BigDecimal amount,
                            long pointsReversed, Instant now) {
        Optional<ActivityStore.Recorded> purchase = activities.purchase(tenant, purchaseId);
        // A purchase from before tiers existed has no row: its return counts from now on.
        Instant occurredAt = purchase.map(ActivityStore.Recorded::occurredAt).orElse(now);
        boolean wholeReturn = purchase.isPresent() && purchase.get().netSpend().signum() > 0
                && purchase.get().netSpend().compareTo(amount) <= 0;
        activities.recordReturn(tenant, member, purchaseId, returnId, amount, pointsReversed, wholeReturn ? -1 : 0,
                occurredAt, now);
    }

    @Override
    public Optional<TierProgress> progress(TenantId tenant, MemberId member, Instant now) {
        Ladder ladder = ladders.current(tenant);
        if (!ladder.configured()) {
            return Optional.empty();
        }
        MemberTier current = members.find(tenant, member).map(row -> LevelChanges.memberTier(ladder, row))
                .orElseGet(() -> new MemberTier(ladder.entry(), null, null));
        int scale = Money.scaleOf(tenants.get(tenant).currency());
        return Optional.of(TierProgress.of(ladder, current.level(), value(tenant, member, ladder, now), scale));
    }

    @Override
    @Transactional
    public MemberTier assign(TenantId tenant, MemberId member, String code, String reason, String actor, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw ApiProblem.invalid("reason", "is required (up to 200 characters)");
        }
        Ladder ladder = ladders.readShared(tenant);
        if (!ladder.configured()) {
            throw ApiProblem.conflict("tiers_not_configured", "This program has no tier ladder yet: PUT /api/v1/tiers");
        }
        Level level = ladder.level(code).orElseThrow(() -> ApiProblem.invalid("code", "must be one of "
                + String.join(", ", ladder.levels().stream().map(Level::code).toList())));
        MemberTierStore.Row row = members.lockOrCreate(tenant, member, ladder.entry().code(), now);
        if (row.code().equals(level.code())) {
            return LevelChanges.memberTier(ladder, row);
        }
        changes.apply(tenant, row, new TierPolicy.Decision(level, null, ChangeReason.ASSIGNED), reason.strip(), actor,
                null, now);
        return new MemberTier(level, now, null);
    }

    @Override
    public int reevaluate(TenantId tenant, Instant now) {
        return reevaluation.run(tenant, now);
    }

    @Override
    public int reevaluateAll(Instant now) {
        int changed = 0;
        for (TenantId tenant : ladders.tenantsWithTiers()) {
            try {
                changed += reevaluation.run(tenant, now);
            } catch (RuntimeException e) {
                // One tenant's failure must not keep the others' members where they are; it is retried tomorrow.
                log.error("Tier re-evaluation failed for tenant {}", tenant, e);
            }
        }
        return changed;
    }

    @Override
    public List<TierHistoryEntry> history(TenantId tenant, MemberId member, Instant beforeAt, UUID beforeId,
                                          int limit) {
        return members.history(tenant, member, beforeAt, beforeId, limit);
    }

    private BigDecimal value(TenantId tenant, MemberId member, Ladder ladder, Instant now) {
        Optional<Instant> start = ladder.window().start(now, zone(tenant));
        return activities.totals(tenant, member, start, now).value(ladder.metric());
    }

    private ZoneId zone(TenantId tenant) {
        return tenants.get(tenant).timezone();
    }
}
