-- The till's frequent items read a store's latest purchases of the last 30 days (PurchaseHistory.frequentAt).
-- purchase_by_time is led by the tenant alone, so a business with many stores would read every store's
-- purchases of the window to keep one store's; with the store in the key the read is the store's
-- range, newest first, and its LIMIT stops it.
CREATE INDEX purchase_by_store ON purchase (tenant_id, store_code, occurred_at);
