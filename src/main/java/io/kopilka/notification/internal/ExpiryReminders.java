package io.kopilka.notification.internal;

import io.kopilka.ledger.ExpiringLots;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.ExpiringLots.MemberLots;
import io.kopilka.notification.ExpiryReminderPlan;
import io.kopilka.notification.ExpiryReminderPlan.Digest;
import io.kopilka.notification.ExpiryReminderPlan.LiveLot;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.Notifications;
import io.kopilka.notification.PointsExpiring;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expiry-reminder job for one tenant: members with points expiring within the longest lead day, 500 at
 * a time, each in a short transaction of their own that plans the digest ({@link ExpiryReminderPlan}),
 * notifies, marks the reminders given and publishes {@link PointsExpiring}, all or nothing.
 */
@Service
class ExpiryReminders implements TenantJob {
    static final String NAME = "expiry_reminders";
    static final int PAGE = 500;

    private final ExpiringLots lots;
    private final Ledger ledger;
    private final ExpiryReminderStore store;
    private final Notifications notifications;
    private final Programs programs;
    private final Tenants tenants;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    ExpiryReminders(ExpiringLots lots, Ledger ledger, ExpiryReminderStore store, Notifications notifications, Programs programs,
                    Tenants tenants, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.lots = lots;
        this.ledger = ledger;
        this.store = store;
        this.notifications = notifications;
        this.programs = programs;
        this.tenants = tenants;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report run(TenantId tenantId, Instant now) {
        Tenant tenant = tenants.get(tenantId);
        Program program = programs.of(tenantId);
        List<Integer> leadDays = program.expiryReminderDays();
        long processed = 0;
        long members = 0;
        long points = 0;
        if (!leadDays.isEmpty()) {
            Instant until = ExpiryReminderPlan.horizon(now, leadDays);
            MemberId after = null;
            List<MemberLots> page;
            do {
                page = lots.expiringBefore(tenantId, now, until, after, PAGE);
                for (MemberLots member : page) {
                    processed++;
                    Long given = tx.execute(status -> {
                        Optional<Digest> digest = remind(tenant, program, member, now);
                        if (digest.isEmpty()) {
                            status.setRollbackOnly();
                            return 0L;
                        }
                        return digest.get().total();
                    });
                    if (given != null && given > 0) {
                        members++;
                        points += given;
                    }
                    after = member.member();
                }
            } while (page.size() == PAGE);
        }
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("members", members);
        report.put("points", points);
        return new Report(NAME, processed, report);
    }

    /** Plans and gives one member's digest, in the caller's transaction; empty (to roll back) when none. */
    private Optional<Digest> remind(Tenant tenant, Program program, MemberLots member, Instant now) {
        TenantId tenantId = tenant.id();
        LocalDate today = now.atZone(tenant.timezone()).toLocalDate();
        Optional<LocalDate> last = store.lastRemindedAt(tenantId, member.member())
                .map(at -> at.atZone(tenant.timezone()).toLocalDate());
        List<LiveLot> live = member.lots().stream()
                .map(l -> new LiveLot(l.remaining(), l.expiresAt(), l.createdAt())).toList();
        Optional<Digest> planned = ExpiryReminderPlan.due(live, program.expiryReminderDays(),
                store.given(tenantId, member.member(), today), last,
                notifications.settings(tenantId).expiryReminderMinPoints(), now, tenant.timezone());
        if (planned.isEmpty()) {
            return planned;
        }
        Digest digest = planned.get();
        NoticeMessage message = notifications.notify(new Notice(tenantId, member.member(), NoticeKind.POINTS_EXPIRING,
                "expiry:" + today, facts(digest, tenant, program), now));
        if (!store.mark(tenantId, member.member(), digest.reminders(), message.id(), now)) {
            return Optional.empty();
        }
        events.publishEvent(new PointsExpiring(tenantId, member.member(), digest.batches().stream()
                .map(b -> new PointsExpiring.Batch(b.points(), b.expiresAt())).toList(), ledger.balance(tenantId, member.member(), now).available(), now));
        return planned;
    }

    static Map<String, Object> facts(Digest digest, Tenant tenant, Program program) {
        List<Map<String, Object>> batches = digest.batches().stream()
                .map(b -> Map.<String, Object>of("points", b.points(), "expiresAt", b.expiresAt(),
                        "value", value(b.points(), tenant, program)))
                .toList();
        Map<String, Object> facts = new java.util.HashMap<>(Map.of("batches", batches, "total", digest.total(),
                "totalValue", value(digest.total(), tenant, program),
                "firstExpiresAt", digest.batches().getFirst().expiresAt()));
        if (batches.size() > 1) {
            // The subject names the first date only: with more dates it must not say all expire then.
            facts.put("laterDates", true);
        }
        return facts;
    }

    private static Money value(long points, Tenant tenant, Program program) {
        return Money.floor(program.pointValue().multiply(BigDecimal.valueOf(points)), tenant.currency());
    }
}
