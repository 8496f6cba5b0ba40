package io.kopilka.notification.internal;

import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.notification.Notifications;
import io.kopilka.notification.ReminderDays;
import io.kopilka.reward.Coupon;
import io.kopilka.reward.Coupons;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The coupon-reminder job for one tenant: every active coupon that expires within {@code couponReminderDays}
 * local days gets one {@code coupon_expiring} notice to its member (occasion {@code coupon-expiring:<id>}),
 * 500 coupons at a time.
 */
@Service
class CouponReminders implements TenantJob {
    static final String NAME = "coupon_reminders";
    static final int PAGE = 500;

    private final Coupons coupons;
    private final ReminderLog log;
    private final Notifications notifications;
    private final Tenants tenants;

    CouponReminders(Coupons coupons, ReminderLog log, Notifications notifications, Tenants tenants) {
        this.coupons = coupons;
        this.log = log;
        this.notifications = notifications;
        this.tenants = tenants;
    }

    @Override
    public String name() {
        return NAME;
    }

    static String occasion(Coupon coupon) {
        return "coupon-expiring:" + coupon.id();
    }

    @Override
    public Report run(TenantId tenantId, Instant now) {
        NotificationSettings settings = notifications.settings(tenantId);
        long processed = 0;
        long given = 0;
        if (settings.couponReminderDays() > 0 && !settings.disabledKinds().contains(NoticeKind.COUPON_EXPIRING)) {
            Tenant tenant = tenants.get(tenantId);
            Instant until = ReminderDays.couponWindowEnd(settings.couponReminderDays(), now, tenant.timezone());
            UUID after = null;
            List<Coupon> page;
            do {
                page = coupons.expiringBetween(tenantId, now, until, after, PAGE);
                Set<String> told = log.noticed(tenantId, NoticeKind.COUPON_EXPIRING,
                        page.stream().map(Coupon::member).toList(), page.stream().map(CouponReminders::occasion).toList());
                for (Coupon coupon : page) {
                    processed++;
                    if (!told.contains(occasion(coupon))) {
                        notifications.notify(new Notice(tenantId, coupon.member(), NoticeKind.COUPON_EXPIRING,
                                occasion(coupon), facts(coupon), now));
                        given++;
                    }
                    after = coupon.id();
                }
            } while (page.size() == PAGE);
        }
        return new Report(NAME, processed, Map.of("coupons", given));
    }

    static Map<String, Object> facts(Coupon coupon) {
        return Map.of("rewardName", coupon.terms().name(), "code", coupon.displayCode(), "expiresAt", coupon.expiresAt());
    }
}
