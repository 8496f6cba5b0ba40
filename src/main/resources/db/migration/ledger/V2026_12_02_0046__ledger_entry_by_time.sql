-- The dashboard (analytics) sums a tenant's entries of a range of days: without this index the only one
-- led by tenant_id is by member, and a 30-day window would read the tenant's whole ledger.
CREATE INDEX ledger_entry_by_time ON ledger_entry (tenant_id, created_at);
