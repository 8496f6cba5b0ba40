package io.kopilka.analytics.internal;

import io.kopilka.analytics.Analytics;
import io.kopilka.analytics.Summary;
import io.kopilka.ledger.PointsStatistics;
import io.kopilka.member.MemberStatistics;
import io.kopilka.notification.ReminderStatistics;
import io.kopilka.program.Programs;
import io.kopilka.purchase.PurchaseStatistics;
import io.kopilka.reward.CouponStatistics;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks each owning module for its part; reads no table of its own. One read-only transaction, so that the
 * figures come from one snapshot of the database (repeatable read: a purchase committed in between cannot
 * show in the revenue and not in the points).
 */
@Service
class AnalyticsService implements Analytics {
    static final int TOP = 5;
    /** The expiry window after the range's end, and how far back a reminder counts as a warning. */
    static final Duration HORIZON = Duration.ofDays(30);

    private final Tenants tenants;
    private final Stores stores;
    private final Programs programs;
    private final PurchaseStatistics purchases;
    private final MemberStatistics members;
    private final PointsStatistics points;
    private final CouponStatistics coupons;
    private final ReminderStatistics reminders;
    private final Clock clock;

    AnalyticsService(Tenants tenants, Stores stores, Programs programs, PurchaseStatistics purchases,
                     MemberStatistics members, PointsStatistics points, CouponStatistics coupons,
                     ReminderStatistics reminders, Clock clock) {
        this.tenants = tenants;
        this.stores = stores;
        this.programs = programs;
        this.purchases = purchases;
        this.members = members;
        this.points = points;
        this.coupons = coupons;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Summary summary(TenantId tenantId, LocalDate from, LocalDate to, String storeCode) {
        if (from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiProblem.invalid("to", "the range may cover at most " + MAX_DAYS + " days");
        }
        if (storeCode != null && stores.byCode(tenantId, storeCode).isEmpty()) {
            throw new ApiProblem(422, "unknown_store", "There is no store with code '" + storeCode + "'",
                    List.of(new ApiProblem.FieldError("store", "unknown store")), Map.of());
        }
        Tenant tenant = tenants.get(tenantId);
        ZoneId zone = tenant.timezone();
        Instant now = Now.of(clock);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();

        DailyFigures daily = new DailyFigures(from, to, tenant.currency())
                .sales(purchases.sales(tenantId, zone, from, to, storeCode))
                .returns(purchases.returns(tenantId, zone, from, to, storeCode))
                .joined(members.joined(tenantId, zone, from, to))
                .points(points.movements(tenantId, zone, from, to));

        long outstanding = points.outstanding(tenantId, now);
        BigDecimal pointValue = programs.of(tenantId).pointValue();
        Summary.Liability liability = new Summary.Liability(outstanding,
                Money.floor(pointValue.multiply(BigDecimal.valueOf(outstanding)), tenant.currency()));

        Instant until = end.plus(HORIZON);
        PointsStatistics.Expiring expiring = points.expiring(tenantId, now, until);
        long warned = reminders.warnedOfExpiry(tenantId, expiring.members(), now.minus(HORIZON));

        List<Summary.TopRule> topRules = purchases.topRules(tenantId, zone, from, to, storeCode, TOP).stream()
                .map(r -> new Summary.TopRule(r.ruleId(), r.name(), r.points(), r.times())).toList();
        List<Summary.TopReward> topRewards = coupons.topIssued(tenantId, start, end, TOP).stream()
                .map(r -> new Summary.TopReward(r.reward().id(), r.reward().name(), r.coupons())).toList();

        return new Summary(from, to, storeCode, now, daily.totals(), daily.days(), liability,
                new Summary.Expiring(until, expiring.points(), expiring.members().size(), warned),
                topRules, topRewards);
    }
}
