package io.kopilka.purchase.internal;

import io.kopilka.purchase.PurchaseHistory;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's purchases in two statements: the heads by the index {@code purchase_member}, then their lines.
 * A store's frequent items in one, its window found by {@code purchase_by_store}.
 */
@Component
class SqlPurchaseHistory implements PurchaseHistory {
    private final JdbcClient jdbc;

    SqlPurchaseHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PastPurchase> ofMember(TenantId tenant, MemberId member, String storeCode, Instant since, int limit) {
        record Head(UUID id, String externalId, String store, Instant occurredAt, Instant createdAt,
                    java.math.BigDecimal payable, long earned, long redeemed) {
        }
        List<Head> heads = jdbc.sql("""
                SELECT id, external_id, store_code, occurred_at, created_at, payable, points_earned, points_redeemed
                FROM purchase
                WHERE tenant_id = :tenant AND member_id = :member AND occurred_at >= :since
                  AND (CAST(:store AS text) IS NULL OR store_code = :store)
                ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("member", member.value())
                .param("since", Timestamp.from(since)).param("store", storeCode)
                .param("limit", Math.clamp(limit, 1, MAX_LIMIT))
                .query((rs, i) -> new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6),
                        rs.getLong(7), rs.getLong(8)))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Line>> lines = new HashMap<>();
        jdbc.sql("""
                SELECT purchase_id, sku, name, quantity, returned_quantity, paid FROM purchase_item
                WHERE tenant_id = :tenant AND purchase_id = ANY(:ids) ORDER BY purchase_id, line""")
                .param("tenant", tenant.value()).param("ids", heads.stream().map(Head::id).toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), new Line(rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6))))
                .list().forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return heads.stream().map(h -> new PastPurchase(new PurchaseId(h.id()), h.externalId(), h.store(),
                h.occurredAt(), h.createdAt(), h.payable(), h.earned(), h.redeemed(),
                lines.getOrDefault(h.id(), List.of()))).toList();
    }

    @Override
    public List<FrequentItem> frequentAt(TenantId tenant, String storeCode, Instant since, int limit) {
        // The window first (an index range read backwards, LIMIT stops it), then its lines grouped by sku;
        // the latest of each sku's name, category and price is the first of its lines newest first (ids are
        // UUIDv7: between purchases of the same instant, the one recorded last).
        return jdbc.sql("""
                WITH recent AS (
                    SELECT id, occurred_at FROM purchase
                    WHERE tenant_id = :tenant AND store_code = :store AND occurred_at >= :since
                    ORDER BY occurred_at DESC LIMIT :window
                )
                SELECT i.sku,
                       (array_agg(i.name ORDER BY r.occurred_at DESC, r.id DESC, i.line))[1] AS name,
                       (array_agg(i.category ORDER BY r.occurred_at DESC, r.id DESC, i.line))[1] AS category,
                       (array_agg(i.unit_price ORDER BY r.occurred_at DESC, r.id DESC, i.line))[1] AS unit_price,
                       count(*) AS times
                FROM recent r JOIN purchase_item i ON i.tenant_id = :tenant AND i.purchase_id = r.id
                WHERE i.returned_quantity < i.quantity
                GROUP BY i.sku
                ORDER BY times DESC, i.sku LIMIT :limit""")
                .param("tenant", tenant.value()).param("store", storeCode).param("since", Timestamp.from(since))
                .param("window", FREQUENT_WINDOW).param("limit", Math.clamp(limit, 1, MAX_LIMIT))
                .query((rs, i) -> new FrequentItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getLong(5)))
                .list();
    }
}
