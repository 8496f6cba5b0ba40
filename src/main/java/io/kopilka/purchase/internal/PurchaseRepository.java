package io.kopilka.purchase.internal;

import io.kopilka.purchase.ReturnCalculation;
import io.kopilka.rules.Cart;
import io.kopilka.rules.PricedCart;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of purchases, their lines and returns. */
@Repository
class PurchaseRepository {
    private final JdbcClient jdbc;

    PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredPurchase(UUID id, UUID memberId, Instant occurredAt, String storeCode) {
    }

    void insert(TenantId tenant, UUID id, String externalId, String storeCode, String channel, MemberId member,
                Instant occurredAt, PricedCart priced, long programVersion, long rulesVersion, String appliedRulesJson,
                Cart cart,
                Instant now) {
        // One statement for the purchase and all its lines: the lines unnest their columns instead of
        // a round trip each (the foreign key is checked at the end of the statement).
        int n = cart.lines().size();
        Object[] skus = new Object[n];
        Object[] names = new Object[n];
        Object[] categories = new Object[n];
        Object[] quantities = new Object[n];
        Object[] prices = new Object[n];
        Object[] amounts = new Object[n];
        Object[] discounts = new Object[n];
        Object[] paid = new Object[n];
        Object[] earned = new Object[n];
        Object[] redeemed = new Object[n];
        for (int i = 0; i < n; i++) {
            Cart.Line line = cart.lines().get(i);
            PricedCart.PricedLine p = priced.lines().get(i);
            skus[i] = line.sku();
            names[i] = line.name();
            categories[i] = line.category();
            quantities[i] = line.quantity();
            prices[i] = line.unitPrice();
            amounts[i] = p.amount();
            discounts[i] = p.discount();
            paid[i] = p.paid();
            earned[i] = p.pointsEarned();
            redeemed[i] = p.pointsRedeemed();
        }
        jdbc.sql("""
                WITH head AS (
                    INSERT INTO purchase (tenant_id, id, external_id, store_code, channel, member_id, occurred_at,
                                          subtotal, discount, points_redeemed, redeem_value, payable, points_earned,
                                          program_version, rules_version, applied_rules, created_at)
                    VALUES (:tenant, :purchase, :externalId, :store, :channel, :member, :occurredAt, :subtotal,
                            :totalDiscount, :totalRedeemed, :redeemValue, :payable, :totalEarned, :version,
                            :rulesVersion, CAST(:rules AS jsonb), :now)
                    RETURNING id
                )
                INSERT INTO purchase_item (tenant_id, purchase_id, line, sku, name, category, quantity, unit_price,
                                           amount, discount, paid, points_earned, points_redeemed)
                SELECT :tenant, (SELECT id FROM head), ord - 1, sku, name, category, quantity, unit_price, amount, discount, paid,
                       earned, redeemed
                FROM unnest(CAST(:skus AS text[]), CAST(:names AS text[]), CAST(:categories AS text[]),
                            CAST(CAST(:quantities AS text[]) AS numeric[]), CAST(CAST(:prices AS text[]) AS numeric[]), CAST(CAST(:amounts AS text[]) AS numeric[]),
                            CAST(CAST(:discounts AS text[]) AS numeric[]), CAST(CAST(:paid AS text[]) AS numeric[]), CAST(:earned AS bigint[]),
                            CAST(:redeemed AS bigint[]))
                     WITH ORDINALITY AS t(sku, name, category, quantity, unit_price, amount, discount, paid, earned,
                                          redeemed, ord)""")
                .param("tenant", tenant.value()).param("purchase", id).param("externalId", externalId)
                .param("store", storeCode).param("channel", channel).param("member", member == null ? null : member.value())
                .param("occurredAt", Timestamp.from(occurredAt)).param("subtotal", priced.subtotal())
                .param("totalDiscount", priced.discount()).param("totalRedeemed", priced.pointsRedeemed())
                .param("redeemValue", priced.redeemValue()).param("payable", priced.payable())
                .param("totalEarned", priced.pointsEarned()).param("version", programVersion)
                .param("rulesVersion", rulesVersion).param("rules", appliedRulesJson).param("now", Timestamp.from(now))
                .param("skus", textArray(skus)).param("names", textArray(names))
                .param("categories", textArray(categories)).param("quantities", numArray(quantities))
                .param("prices", numArray(prices)).param("amounts", numArray(amounts))
                .param("discounts", numArray(discounts)).param("paid", numArray(paid))
                .param("earned", longArray(earned)).param("redeemed", longArray(redeemed))
                .update();
    }

    /** A stored purchase as the rules saw it: for simulations against history. */
    record PastPurchase(UUID id, UUID memberId, Instant occurredAt, String storeCode, String channel,
                        long pointsRedeemed, long pointsEarned, BigDecimal discount, List<Cart.Line> lines) {
    }

    /** The tenant's last {@code limit} purchases with their lines, newest first, in two statements. */
    List<PastPurchase> last(TenantId tenant, int limit) {
        record Head(UUID id, UUID memberId, Instant occurredAt, String storeCode, String channel, long redeemed,
                    long earned, BigDecimal discount) {
        }
        List<Head> heads = jdbc.sql("""
                SELECT id, member_id, occurred_at, store_code, channel, points_redeemed, points_earned, discount
                FROM purchase WHERE tenant_id = :tenant ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("limit", limit)
                .query((rs, i) -> new Head(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                        rs.getBigDecimal(8)))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, List<Cart.Line>> lines = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT purchase_id, sku, name, category, quantity, unit_price FROM purchase_item
                WHERE tenant_id = :tenant AND purchase_id = ANY(:ids) ORDER BY purchase_id, line""")
                .param("tenant", tenant.value()).param("ids", heads.stream().map(Head::id).toArray(UUID[]::new))
                .query((rs, i) -> java.util.Map.entry(rs.getObject(1, UUID.class), new Cart.Line(rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6))))
                .list().forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return heads.stream().map(h -> new PastPurchase(h.id(), h.memberId(), h.occurredAt(), h.storeCode(),
                h.channel(), h.redeemed(), h.earned(), h.discount(), lines.getOrDefault(h.id(), List.of()))).toList();
    }

    Optional<StoredPurchase> lock(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT id, member_id, occurred_at, store_code FROM purchase WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", id)
                .query((rs, i) -> new StoredPurchase(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional();
    }

    Optional<StoredPurchase> find(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT id, member_id, occurred_at, store_code FROM purchase WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id)
                .query((rs, i) -> new StoredPurchase(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional();
    }

    List<ReturnCalculation.Line> lines(TenantId tenant, UUID purchase) {
        return jdbc.sql("""
                SELECT sku, quantity, paid, points_earned, points_redeemed, returned_quantity, returned_value,
                       points_reversed, points_refunded
                FROM purchase_item WHERE tenant_id = :tenant AND purchase_id = :purchase ORDER BY line""")
                .param("tenant", tenant.value()).param("purchase", purchase)
                .query((rs, i) -> new ReturnCalculation.Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8),
                        rs.getLong(9)))
                .list();
    }

    void recordReturn(TenantId tenant, UUID purchase, UUID returnId, String externalId, ReturnCalculation.Result result,
                      Instant now) {
        jdbc.sql("""
                INSERT INTO purchase_return (tenant_id, id, purchase_id, external_id, amount, points_reversed,
                                             points_refunded, created_at)
                VALUES (:tenant, :id, :purchase, :externalId, :amount, :reversed, :refunded, :now)""")
                .param("tenant", tenant.value()).param("id", returnId).param("purchase", purchase)
                .param("externalId", externalId).param("amount", result.amount())
                .param("reversed", result.pointsReversed()).param("refunded", result.pointsRefunded())
                .param("now", Timestamp.from(now)).update();
        List<ReturnCalculation.Line> lines = result.lines();
        jdbc.sql("""
                UPDATE purchase_item i SET returned_quantity = t.qty, returned_value = t.value,
                       points_reversed = t.reversed, points_refunded = t.refunded
                FROM unnest(CAST(CAST(:qty AS text[]) AS numeric[]), CAST(CAST(:value AS text[]) AS numeric[]), CAST(:reversed AS bigint[]),
                            CAST(:refunded AS bigint[])) WITH ORDINALITY AS t(qty, value, reversed, refunded, ord)
                WHERE i.tenant_id = :tenant AND i.purchase_id = :purchase AND i.line = t.ord - 1""")
                .param("qty", numArray(lines.stream().map(ReturnCalculation.Line::returnedQuantity).toArray()))
                .param("value", numArray(lines.stream().map(ReturnCalculation.Line::returnedValue).toArray()))
                .param("reversed", longArray(lines.stream().map(ReturnCalculation.Line::reversed).toArray()))
                .param("refunded", longArray(lines.stream().map(ReturnCalculation.Line::refunded).toArray()))
                .param("tenant", tenant.value()).param("purchase", purchase).update();
    }

    private static String[] textArray(Object[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (String) values[i];
        }
        return out;
    }

    /** Decimals travel as text and are cast in SQL: exact, and independent of driver array support. */
    private static String[] numArray(Object[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((BigDecimal) values[i]).toPlainString();
        }
        return out;
    }

    private static Long[] longArray(Object[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (Long) values[i];
        }
        return out;
    }
}
