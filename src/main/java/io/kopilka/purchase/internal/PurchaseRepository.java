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

    /** A purchase's first answer and its request's fingerprint, kept in its row. */
    record KeptAnswer(String requestHash, String response) {
    }

    /** A purchase to write: its head, its lines as priced, and its answer. */
    record NewPurchase(UUID id, String externalId, String storeCode, String channel, MemberId member,
                       Instant occurredAt, PricedCart priced, long programVersion, long rulesVersion,
                       String appliedRulesJson, Cart cart, KeptAnswer answer) {
    }

    /**
     * Writes the purchases, their lines and their answers in one statement, each unless a purchase
     * with its externalId is there; returns how many were written. An insert of the same externalId
     * still in flight in another transaction makes this one wait for its end (the unique index), so
     * a concurrent duplicate finds it.
     */
    int insertAll(TenantId tenant, List<NewPurchase> all, Instant now) {
        int n = all.size();
        UUID[] ids = new UUID[n];
        String[] externalIds = new String[n];
        String[] stores = new String[n];
        String[] channels = new String[n];
        UUID[] members = new UUID[n];
        String[] occurred = new String[n];
        String[] subtotals = new String[n];
        String[] totalDiscounts = new String[n];
        Long[] totalRedeemed = new Long[n];
        String[] redeemValues = new String[n];
        String[] payables = new String[n];
        Long[] totalEarned = new Long[n];
        Long[] programVersions = new Long[n];
        Long[] rulesVersions = new Long[n];
        String[] rules = new String[n];
        String[] hashes = new String[n];
        String[] responses = new String[n];
        List<Object[]> lines = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewPurchase p = all.get(i);
            PricedCart priced = p.priced();
            ids[i] = p.id();
            externalIds[i] = p.externalId();
            stores[i] = p.storeCode();
            channels[i] = p.channel();
            members[i] = p.member() == null ? null : p.member().value();
            occurred[i] = p.occurredAt().toString();
            subtotals[i] = priced.subtotal().toPlainString();
            totalDiscounts[i] = priced.discount().toPlainString();
            totalRedeemed[i] = priced.pointsRedeemed();
            redeemValues[i] = priced.redeemValue().toPlainString();
            payables[i] = priced.payable().toPlainString();
            totalEarned[i] = priced.pointsEarned();
            programVersions[i] = p.programVersion();
            rulesVersions[i] = p.rulesVersion();
            rules[i] = p.appliedRulesJson();
            hashes[i] = p.answer().requestHash();
            responses[i] = p.answer().response();
            for (int l = 0; l < p.cart().lines().size(); l++) {
                Cart.Line line = p.cart().lines().get(l);
                PricedCart.PricedLine paid = priced.lines().get(l);
                lines.add(new Object[] {p.id(), l, line.sku(), line.name(), line.category(),
                        line.quantity().toPlainString(), line.unitPrice().toPlainString(),
                        paid.amount().toPlainString(), paid.discount().toPlainString(), paid.paid().toPlainString(),
                        paid.pointsEarned(), paid.pointsRedeemed()});
            }
        }
        // One statement for every purchase and all their lines: heads and lines unnest their columns
        // (decimals and times as text, cast in SQL: exact, and independent of the driver's array
        // support); the lines of a purchase that was not written (its externalId is there) join
        // no head and are not written either. The foreign key is checked at the end of the statement.
        return jdbc.sql("""
                WITH head AS (
                    INSERT INTO purchase (tenant_id, id, external_id, store_code, channel, member_id, occurred_at,
                                          subtotal, discount, points_redeemed, redeem_value, payable, points_earned,
                                          program_version, rules_version, applied_rules, created_at, request_hash,
                                          response)
                    SELECT :tenant, h.id, h.external_id, h.store, h.channel, h.member, h.occurred_at, h.subtotal,
                           h.discount, h.redeemed, h.redeem_value, h.payable, h.earned, h.program_version,
                           h.rules_version, h.rules, CAST(:now AS timestamptz), h.hash, h.response
                    FROM unnest(CAST(:ids AS uuid[]), CAST(:externalIds AS text[]), CAST(:stores AS text[]),
                                CAST(:channels AS text[]), CAST(:members AS uuid[]),
                                CAST(CAST(:occurred AS text[]) AS timestamptz[]),
                                CAST(CAST(:subtotals AS text[]) AS numeric[]),
                                CAST(CAST(:discounts AS text[]) AS numeric[]), CAST(:redeemed AS bigint[]),
                                CAST(CAST(:redeemValues AS text[]) AS numeric[]),
                                CAST(CAST(:payables AS text[]) AS numeric[]), CAST(:earned AS bigint[]),
                                CAST(:programVersions AS bigint[]), CAST(:rulesVersions AS bigint[]),
                                CAST(CAST(:rules AS text[]) AS jsonb[]), CAST(:hashes AS text[]),
                                CAST(CAST(:responses AS text[]) AS jsonb[]))
                         AS h(id, external_id, store, channel, member, occurred_at, subtotal, discount, redeemed,
                              redeem_value, payable, earned, program_version, rules_version, rules, hash, response)
                    ORDER BY h.external_id
                    ON CONFLICT (tenant_id, external_id) DO NOTHING
                    RETURNING id
                ), items AS (
                    INSERT INTO purchase_item (tenant_id, purchase_id, line, sku, name, category, quantity,
                                               unit_price, amount, discount, paid, points_earned, points_redeemed)
                    SELECT :tenant, t.purchase_id, t.line, t.sku, t.name, t.category, t.quantity, t.unit_price,
                           t.amount, t.discount, t.paid, t.earned, t.redeemed
                    FROM unnest(CAST(:linePurchases AS uuid[]), CAST(:lineNumbers AS int[]), CAST(:skus AS text[]),
                                CAST(:names AS text[]), CAST(:categories AS text[]),
                                CAST(CAST(:quantities AS text[]) AS numeric[]),
                                CAST(CAST(:prices AS text[]) AS numeric[]),
                                CAST(CAST(:amounts AS text[]) AS numeric[]),
                                CAST(CAST(:lineDiscounts AS text[]) AS numeric[]),
                                CAST(CAST(:paid AS text[]) AS numeric[]), CAST(:lineEarned AS bigint[]),
                                CAST(:lineRedeemed AS bigint[]))
                         AS t(purchase_id, line, sku, name, category, quantity, unit_price, amount, discount, paid,
                              earned, redeemed)
                    JOIN head ON head.id = t.purchase_id
                )
                SELECT count(*) FROM head""")
                .param("tenant", tenant.value()).param("now", now.toString())
                .param("ids", ids).param("externalIds", externalIds).param("stores", stores)
                .param("channels", channels).param("members", members).param("occurred", occurred)
                .param("subtotals", subtotals).param("discounts", totalDiscounts).param("redeemed", totalRedeemed)
                .param("redeemValues", redeemValues).param("payables", payables).param("earned", totalEarned)
                .param("programVersions", programVersions).param("rulesVersions", rulesVersions)
                .param("rules", rules).param("hashes", hashes).param("responses", responses)
                .param("linePurchases", lines.stream().map(l -> (UUID) l[0]).toArray(UUID[]::new))
                .param("lineNumbers", lines.stream().map(l -> (Integer) l[1]).toArray(Integer[]::new))
                .param("skus", column(lines, 2)).param("names", column(lines, 3))
                .param("categories", column(lines, 4)).param("quantities", column(lines, 5))
                .param("prices", column(lines, 6)).param("amounts", column(lines, 7))
                .param("lineDiscounts", column(lines, 8)).param("paid", column(lines, 9))
                .param("lineEarned", lines.stream().map(l -> (Long) l[10]).toArray(Long[]::new))
                .param("lineRedeemed", lines.stream().map(l -> (Long) l[11]).toArray(Long[]::new))
                .query(Long.class).single().intValue();
    }

    private static String[] column(List<Object[]> rows, int i) {
        return rows.stream().map(r -> (String) r[i]).toArray(String[]::new);
    }

    /** Which of these externalIds have a purchase already: their retries replay, and are not written. */
    java.util.Set<String> recorded(TenantId tenant, List<String> externalIds) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT external_id FROM purchase WHERE tenant_id = :tenant AND external_id = ANY(:externalIds)""")
                .param("tenant", tenant.value()).param("externalIds", externalIds.toArray(String[]::new))
                .query(String.class).list());
    }

    /** The answer kept with the purchase of this externalId, if there is one. */
    Optional<KeptAnswer> answer(TenantId tenant, String externalId) {
        return jdbc.sql("""
                SELECT request_hash, response::text FROM purchase
                WHERE tenant_id = :tenant AND external_id = :externalId AND response IS NOT NULL""")
                .param("tenant", tenant.value()).param("externalId", externalId)
                .query((rs, i) -> new KeptAnswer(rs.getString(1), rs.getString(2))).optional();
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
