-- A purchase keeps its own first answer and its request's fingerprint, for replays of its externalId:
-- the unique (tenant_id, external_id) already guards it, so the idempotency_key row that did the same
-- (inserted first, updated with the answer last) cost two statements a purchase for nothing.
-- Null only for rows written outside the service (a bulk import); those are never replayed.
ALTER TABLE purchase ADD COLUMN request_hash text, ADD COLUMN response jsonb;

-- The answers kept so far move into their purchases, so every retry still gets its first answer.
UPDATE purchase p SET request_hash = k.request_hash, response = k.response
FROM idempotency_key k
WHERE k.tenant_id = p.tenant_id AND k.scope = 'purchase' AND k.key = p.external_id AND k.response IS NOT NULL;
DELETE FROM idempotency_key k
WHERE k.scope = 'purchase'
  AND EXISTS (SELECT 1 FROM purchase p WHERE p.tenant_id = k.tenant_id AND p.external_id = k.key);
