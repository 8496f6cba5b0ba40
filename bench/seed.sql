-- Seeds :members members into tenant :'tenant' straight in SQL (the API would take minutes for a
-- million): each with a phone +7701NNNNNNN, a card, an account holding 10 000 points from a bench
-- adjustment, and :history past purchases that earned 50 points each, with their lots and entries,
-- so that the ledger invariant holds from the start.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed_member AS
SELECT i, gen_random_uuid() AS id,
       '+7701' || lpad(i::text, 7, '0') AS phone,
       '8' || lpad(i::text, 11, '0') AS card,
       'S' || i AS code
FROM generate_series(1, :members) AS i;

INSERT INTO member (tenant_id, id, phone, locale, card_number, referral_code, consents, attributes, created_at, updated_at)
SELECT :'tenant', id, phone, 'ru', card, code, '{"sms": true}', '{"seed": true}', now() - interval '200 days', now() - interval '200 days'
FROM seed_member;
INSERT INTO member_card (tenant_id, card_number, member_id, issued_at)
SELECT :'tenant', card, id, now() - interval '200 days' FROM seed_member;

INSERT INTO points_account (tenant_id, member_id, balance, lifetime_earned, lifetime_spend, visits, last_activity_at)
SELECT :'tenant', id, 10000 + 50 * :history, 10000 + 50 * :history, 1000 * :history, :history, now() - interval '10 days'
FROM seed_member;

CREATE TEMP TABLE seed_lot AS
SELECT m.id AS member_id, gen_random_uuid() AS lot_id, gen_random_uuid() AS entry_id, 10000::bigint AS points,
       NULL::uuid AS purchase_id, 'adjust' AS type, now() - interval '100 days' AS at
FROM seed_member m;

CREATE TEMP TABLE seed_purchase AS
SELECT m.id AS member_id, m.i, k, gen_random_uuid() AS purchase_id, now() - (k || ' days')::interval AS at
FROM seed_member m, generate_series(1, :history) AS k;

INSERT INTO purchase (tenant_id, id, external_id, store_code, channel, member_id, occurred_at, subtotal, discount,
                      points_redeemed, redeem_value, payable, points_earned, program_version, rules_version,
                      applied_rules, created_at)
SELECT :'tenant', purchase_id, 'seed-' || i || '-' || k, 'main', 'pos', member_id, at, 1000, 0, 0, 0, 1000, 50, 1, 0,
       '[]', at
FROM seed_purchase;
INSERT INTO purchase_item (tenant_id, purchase_id, line, sku, category, quantity, unit_price, amount, discount, paid,
                           points_earned, points_redeemed)
SELECT :'tenant', purchase_id, 0, 'HAIRCUT', 'service', 1, 1000, 1000, 0, 1000, 50, 0 FROM seed_purchase;

INSERT INTO seed_lot
SELECT member_id, gen_random_uuid(), gen_random_uuid(), 50, purchase_id, 'earn', at FROM seed_purchase;

INSERT INTO points_lot (tenant_id, id, member_id, points, remaining, available_at, expires_at, purchase_id, created_at)
SELECT :'tenant', lot_id, member_id, points, points, at, at + interval '12 months', purchase_id, at FROM seed_lot;
INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, lot_id, purchase_id, reason, expires_at, created_at)
SELECT :'tenant', entry_id, member_id, type, points, lot_id, purchase_id,
       CASE WHEN type = 'adjust' THEN 'bench seed' END, at + interval '12 months', at
FROM seed_lot;
COMMIT;
ANALYZE;
