package io.kopilka.tier.internal;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.ActivityTotals;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.TierPolicy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-evaluates a tenant's members on automatic levels, a batch of members per transaction: lock the
 * batch's rows, sum their activity over the window in one statement, decide each in memory
 * ({@link TierPolicy#atReevaluation}), write what changed. Members on manual levels are not even read.
 */
@Component
class Reevaluation {
    static final int BATCH = 500;

    private final LadderStore ladders;
    private final MemberTierStore members;
    private final ActivityStore activities;
    private final LevelChanges changes;
    private final Tenants tenants;
    private final TransactionTemplate tx;

    Reevaluation(LadderStore ladders, MemberTierStore members, ActivityStore activities, LevelChanges changes,
                 Tenants tenants, TransactionTemplate tx) {
        this.ladders = ladders;
        this.members = members;
        this.activities = activities;
        this.changes = changes;
        this.tenants = tenants;
        this.tx = tx;
    }

    private record Batch(int members, int changed, MemberId last) {
    }

    int run(TenantId tenant, Instant now) {
        ZoneId zone = tenants.get(tenant).timezone();
        int changed = 0;
        MemberId after = null;
        while (true) {
            MemberId from = after;
            Batch batch = tx.execute(status -> batch(tenant, zone, from, now));
            if (batch == null || batch.members() == 0) {
                return changed;
            }
            changed += batch.changed();
            after = batch.last();
        }
    }

    private Batch batch(TenantId tenant, ZoneId zone, MemberId after, Instant now) {
        Ladder ladder = ladders.readShared(tenant);
        if (!ladder.configured()) {
            return new Batch(0, 0, after);
        }
        List<MemberTierStore.Row> rows = members.lockAutomaticBatch(tenant, after, BATCH);
        if (rows.isEmpty()) {
            return new Batch(0, 0, after);
        }
        Map<MemberId, ActivityTotals> totals = activities.totals(tenant,
                rows.stream().map(MemberTierStore.Row::member).toList(), ladder.window().start(now, zone), now);
        int changed = 0;
        for (MemberTierStore.Row row : rows) {
            var value = totals.getOrDefault(row.member(), ActivityTotals.NONE).value(ladder.metric());
            var decision = TierPolicy.atReevaluation(ladder, LevelChanges.memberTier(ladder, row), value, now, zone);
            if (changes.apply(tenant, row, decision, null, LevelChanges.SYSTEM, null, now)) {
                changed++;
            }
        }
        return new Batch(rows.size(), changed, rows.getLast().member());
    }
}
