package io.kopilka.purchase;

import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The purchase module's figures for the owner's dashboard (analytics): read only. A purchase counts on
 * the day it happened ({@code occurredAt}) in the tenant's zone, a return on the day it was recorded.
 * {@code storeCode} null: every store.
 */
public interface PurchaseStatistics {

    /** Purchases per day, by members and by guests; a day or side without any has no row. */
    List<DaySales> sales(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to, @Nullable String storeCode);

    /** @param revenue the sum of what was paid ({@code payable}: after discounts and points) */
    record DaySales(LocalDate day, boolean byMembers, long purchases, BigDecimal revenue) {
    }

    /** Returns per day (of purchases in the store when one is given): how many, and the money given back. */
    List<DayReturns> returns(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to, @Nullable String storeCode);

    record DayReturns(LocalDate day, long returns, BigDecimal amount) {
    }

    /**
     * The rules that gave the most points to members' purchases of the days (as the receipts recorded them), at
     * most {@code limit}, most points first; {@code times} is how many purchases each applied to.
     */
    List<RuleUse> topRules(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to, @Nullable String storeCode,
                           int limit);

    record RuleUse(String ruleId, String name, long points, long times) {
    }
}
