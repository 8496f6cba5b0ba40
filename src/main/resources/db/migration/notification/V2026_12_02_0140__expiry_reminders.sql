-- One row per reminder given: a member was told, at lead_days before expires_on (the tenant's local
-- date the points expire), in the digest notification_id. The primary key is what keeps a job run
-- twice, a crash half-way or two instances from reminding anybody twice: it is written in the same
-- transaction as the notice.
CREATE TABLE expiry_reminder (
    tenant_id       uuid        NOT NULL,
    member_id       uuid        NOT NULL,
    expires_on      date        NOT NULL,
    lead_days       integer     NOT NULL CHECK (lead_days > 0),
    notification_id uuid        NOT NULL,
    reminded_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id, expires_on, lead_days)
);
