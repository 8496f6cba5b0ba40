-- The dashboard (analytics) counts a tenant's purchases and returns of a range of days; purchase_member
-- is led by the member, so without these a 30-day window would read all the tenant's purchases.
CREATE INDEX purchase_by_time ON purchase (tenant_id, occurred_at);
CREATE INDEX purchase_return_by_time ON purchase_return (tenant_id, created_at);
