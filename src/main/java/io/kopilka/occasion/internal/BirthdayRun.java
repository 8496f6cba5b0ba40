package io.kopilka.occasion.internal;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.occasion.BirthdayCalendar;
import io.kopilka.occasion.Occasions.JobRun;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's birthday job. Each day runs in three steps: mark it started (committed first, see
 * {@link BirthdayOnJoin}), give every member due that day, 500 read at a time and each given in a short
 * transaction of their own, then mark it done. A day that crashed half-way is run again whole; the
 * gifts' unique key keeps the members already given from getting anything twice.
 */
@Component
class BirthdayRun {
    static final int BATCH = 500;
    /** Days a stopped installation catches up on, at most; older birthdays are past saying happy birthday. */
    static final int MAX_CATCH_UP_DAYS = 7;

    private final Members members;
    private final Programs programs;
    private final Tenants tenants;
    private final OccasionStore store;
    private final OccasionGiver giver;
    private final TransactionTemplate own;

    BirthdayRun(Members members, Programs programs, Tenants tenants, OccasionStore store, OccasionGiver giver,
                PlatformTransactionManager transactions) {
        this.members = members;
        this.programs = programs;
        this.tenants = tenants;
        this.store = store;
        this.giver = giver;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the tenant's today has not been processed yet. */
    boolean due(TenantId tenant, Instant now) {
        LocalDate done = store.days(tenant).birthdayDone();
        return done == null || done.isBefore(today(tenant, now));
    }

    /** Runs the days not processed yet up to today; with {@code again}, today even when it was. */
    JobRun run(TenantId tenant, Instant now, boolean again) {
        LocalDate today = today(tenant, now);
        LocalDate done = store.days(tenant).birthdayDone();
        LocalDate from = done == null ? today : done.plusDays(1);
        if (from.isBefore(today.minusDays(MAX_CATCH_UP_DAYS))) {
            from = today.minusDays(MAX_CATCH_UP_DAYS);
        }
        if (again && from.isAfter(today)) {
            from = today;
        }
        JobRun total = JobRun.NONE;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            total = total.plus(runDay(tenant, day, now));
        }
        return total;
    }

    private JobRun runDay(TenantId tenant, LocalDate day, Instant now) {
        own.executeWithoutResult(status -> store.startBirthdays(tenant, day, now));
        Tenant t = tenants.get(tenant);
        Program.Birthday settings = programs.of(tenant).birthday();
        JobRun total = JobRun.NONE;
        if (settings.gives()) {
            List<String> birthdays = BirthdayCalendar.dueOn(day, settings.daysBefore());
            LocalDate celebration = day.plusDays(settings.daysBefore());
            MemberId after = null;
            while (true) {
                List<Member> page = members.bornOn(tenant, birthdays, after, BATCH);
                for (Member member : page) {
                    total = total.plus(give(t, member, settings, celebration, now));
                }
                if (page.size() < BATCH) {
                    break;
                }
                after = page.getLast().id();
            }
        }
        own.executeWithoutResult(status -> store.finishBirthdays(tenant, day, now));
        return total;
    }

    private JobRun give(Tenant tenant, Member member, Program.Birthday settings, LocalDate celebration, Instant now) {
        // One who joined after the birthday itself (a late catch-up) is wished next year.
        if (LocalDate.ofInstant(member.createdAt(), tenant.timezone()).isAfter(celebration)) {
            return JobRun.NONE;
        }
        var given = giver.giveAlone(tenant.id(), member.id(), gift(tenant, settings, celebration, now),
                account -> true, now);
        return new JobRun(1, given.any() ? 1 : 0, given.points(), given.coupon() ? 1 : 0);
    }

    /** The gift for the birthday celebrated on {@code celebration}: its year is the key. */
    static OccasionGiver.Gift gift(Tenant tenant, Program.Birthday settings, LocalDate celebration, Instant now) {
        Instant validUntil = settings.rewardId() == null ? null
                : LocalDate.ofInstant(now, tenant.timezone()).plusDays(settings.couponValidDays())
                        .atStartOfDay(tenant.timezone()).toInstant();
        return new OccasionGiver.Gift(OccasionStore.BIRTHDAY, Integer.toString(celebration.getYear()),
                settings.points(), settings.rewardId(), validUntil,
                OccasionGiver.why("history.birthday-gift", tenant.name()));
    }

    private LocalDate today(TenantId tenant, Instant now) {
        ZoneId zone = tenants.get(tenant).timezone();
        return LocalDate.ofInstant(now, zone);
    }
}
