package io.kopilka.occasion.internal;

import io.kopilka.ledger.Visits;
import io.kopilka.ledger.Visits.MemberVisits;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.occasion.Occasions.AtRisk;
import io.kopilka.occasion.Occasions.AtRiskCursor;
import io.kopilka.occasion.Occasions.AtRiskPage;
import io.kopilka.occasion.Occasions.JobRun;
import io.kopilka.occasion.WinBackPolicy;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Win-back and the at-risk list: both go through the members whose last visit is older than the shortest
 * absence the settings allow, the longest absent first, and keep those {@link WinBackPolicy} calls gone.
 * Each gift is its own short transaction under the member's lock, which looks again at the member's
 * visits and last win-back gift (a purchase or another run may have come in since they were read).
 */
@Component
class WinBackRun {
    static final int BATCH = 500;
    /** Pages of candidates one page of the at-risk list reads at most; the cursor goes on from there. */
    static final int MAX_SCANNED_PAGES = 20;

    private final Visits visits;
    private final Members members;
    private final Programs programs;
    private final Tenants tenants;
    private final OccasionStore store;
    private final OccasionGiver giver;
    private final TransactionTemplate own;

    WinBackRun(Visits visits, Members members, Programs programs, Tenants tenants, OccasionStore store,
               OccasionGiver giver, PlatformTransactionManager transactions) {
        this.visits = visits;
        this.members = members;
        this.programs = programs;
        this.tenants = tenants;
        this.store = store;
        this.giver = giver;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean due(TenantId tenant, Instant now) {
        LocalDate done = store.days(tenant).winBackDone();
        return done == null || done.isBefore(LocalDate.ofInstant(now, tenants.get(tenant).timezone()));
    }

    JobRun run(TenantId tenant, Instant now) {
        Tenant t = tenants.get(tenant);
        Program.WinBack settings = programs.of(tenant).winBack();
        JobRun total = JobRun.NONE;
        if (settings.gives()) {
            Instant before = now.minus(WinBackPolicy.shortestAbsence(settings));
            AtRiskCursor after = null;
            while (true) {
                List<MemberVisits> page = page(tenant, before, after);
                for (MemberVisits v : page) {
                    if (WinBackPolicy.absent(settings, v.firstVisitAt(), v.lastVisitAt(), v.visits(), now)) {
                        total = total.plus(give(t, settings, v, now));
                    }
                }
                if (page.size() < BATCH) {
                    break;
                }
                after = new AtRiskCursor(page.getLast().lastVisitAt(), page.getLast().member());
            }
        }
        LocalDate today = LocalDate.ofInstant(now, t.timezone());
        own.executeWithoutResult(status -> store.finishWinBack(tenant, today, now));
        return total;
    }

    private JobRun give(Tenant tenant, Program.WinBack settings, MemberVisits v, Instant now) {
        Optional<Member> member = members.byId(tenant.id(), v.member());
        if (member.isEmpty() || member.get().erased()
                || !WinBackPolicy.mayGiveAgain(settings, store.lastGiven(tenant.id(), v.member(),
                OccasionStore.WIN_BACK).orElse(null), now)) {
            return JobRun.NONE;
        }
        var gift = new OccasionGiver.Gift(OccasionStore.WIN_BACK,
                LocalDate.ofInstant(now, tenant.timezone()).toString(), settings.points(), settings.rewardId(),
                null, OccasionGiver.why("history.win-back-gift", tenant.name()));
        var given = giver.giveAlone(tenant.id(), v.member(), gift, account ->
                WinBackPolicy.absent(settings, v.firstVisitAt(), account.lastActivityAt(), account.visits(), now)
                        && WinBackPolicy.mayGiveAgain(settings,
                        store.lastGiven(tenant.id(), v.member(), OccasionStore.WIN_BACK).orElse(null), now), now);
        return new JobRun(1, given.any() ? 1 : 0, given.points(), given.coupon() ? 1 : 0);
    }

    AtRiskPage atRisk(TenantId tenant, AtRiskCursor after, int limit, Instant now) {
        Program.WinBack settings = programs.of(tenant).winBack();
        Instant before = now.minus(WinBackPolicy.shortestAbsence(settings));
        List<AtRisk> items = new ArrayList<>();
        AtRiskCursor cursor = after;
        for (int scanned = 0; scanned < MAX_SCANNED_PAGES; scanned++) {
            List<MemberVisits> page = visits.absentSince(tenant, before,
                    cursor == null ? null : cursor.lastVisitAt(), cursor == null ? null : cursor.member(), limit);
            for (MemberVisits v : page) {
                cursor = new AtRiskCursor(v.lastVisitAt(), v.member());
                if (!WinBackPolicy.absent(settings, v.firstVisitAt(), v.lastVisitAt(), v.visits(), now)) {
                    continue;
                }
                members.byId(tenant, v.member()).filter(m -> !m.erased()).ifPresent(m -> items.add(new AtRisk(
                        m.id(), m.name(), v.lastVisitAt(), v.visits(), WinBackPolicy.daysSince(v.lastVisitAt(), now))));
                if (items.size() == limit) {
                    return new AtRiskPage(items, cursor);
                }
            }
            if (page.size() < limit) {
                return new AtRiskPage(items, null);
            }
        }
        return new AtRiskPage(items, cursor);
    }

    private List<MemberVisits> page(TenantId tenant, Instant before, AtRiskCursor after) {
        return visits.absentSince(tenant, before, after == null ? null : after.lastVisitAt(),
                after == null ? null : after.member(), BATCH);
    }
}
