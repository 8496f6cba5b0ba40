-- How far each tenant's daily reminders (expiry, balance, coupons) have got, in the tenant's own calendar:
-- the last local date whose round ran to its end. The schedule runs a tenant once a day after 10:00 local
-- instead of every round; a round that failed leaves the date behind, so the next one tries again.
CREATE TABLE notification_day (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    reminders_done  date        NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);
