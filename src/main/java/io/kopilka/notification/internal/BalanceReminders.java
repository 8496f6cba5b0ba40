package io.kopilka.notification.internal;

import io.kopilka.ledger.PointHolders;
import io.kopilka.ledger.PointHolders.Holder;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.notification.NotificationSettings.BalanceReminder;
import io.kopilka.notification.Notifications;
import io.kopilka.notification.ReminderDays;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.wallet.Goal;
import io.kopilka.wallet.Goals;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The balance-reminder job for one tenant: members with at least {@code balanceReminder.minPoints} available,
 * 500 at a time, whose last balance notice (of any status) is {@code everyDays} days old or who never had one,
 * get a {@code balance} notice for today. The notice is marketing: the core asks the consent and the weekly limit.
 */
@Service
class BalanceReminders implements TenantJob {
    static final String NAME = "balance_reminders";
    static final int PAGE = 500;

    private final PointHolders holders;
    private final ReminderLog log;
    private final Goals goals;
    private final Notifications notifications;
    private final Tenants tenants;

    BalanceReminders(PointHolders holders, ReminderLog log, Goals goals, Notifications notifications, Tenants tenants) {
        this.holders = holders;
        this.log = log;
        this.goals = goals;
        this.notifications = notifications;
        this.tenants = tenants;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report run(TenantId tenantId, Instant now) {
        NotificationSettings settings = notifications.settings(tenantId);
        BalanceReminder rule = settings.balanceReminder();
        long processed = 0;
        long given = 0;
        // Off is off for the whole tenant: no page read, no row of kind_off written for every member.
        if (rule != null && !settings.disabledKinds().contains(NoticeKind.BALANCE)) {
            Tenant tenant = tenants.get(tenantId);
            String occasion = "balance:" + now.atZone(tenant.timezone()).toLocalDate();
            MemberId after = null;
            List<Holder> page;
            do {
                page = holders.atLeast(tenantId, rule.minPoints(), now, after, PAGE);
                Map<MemberId, Instant> last = log.lastOf(tenantId, NoticeKind.BALANCE,
                        page.stream().map(Holder::member).toList());
                for (Holder holder : page) {
                    processed++;
                    if (ReminderDays.balanceDue(Optional.ofNullable(last.get(holder.member())), rule.everyDays(), now,
                            tenant.timezone())) {
                        notifications.notify(new Notice(tenantId, holder.member(), NoticeKind.BALANCE, occasion,
                                facts(tenantId, holder), now));
                        given++;
                    }
                    after = holder.member();
                }
            } while (page.size() == PAGE);
        }
        return new Report(NAME, processed, Map.of("members", given));
    }

    /** The goal and what is left to it; a goal already reached is not named (the text would say 0 to go). */
    private Map<String, Object> facts(TenantId tenant, Holder holder) {
        Map<String, Object> facts = new HashMap<>();
        Optional<Goal> goal = goals.of(tenant, holder.member());
        if (goal.isPresent()) {
            long remaining = goal.get().progress(holder.available()).remaining();
            if (remaining > 0) {
                facts.put("goalName", goal.get().name());
                facts.put("goalRemaining", remaining);
            }
        }
        return facts;
    }
}
