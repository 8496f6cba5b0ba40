-- A tenant's notification settings (NotificationSettings), as jsonb in a shape of their own; no row: the defaults.
CREATE TABLE notification_settings (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    settings    jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Every message to a member, and the outbox the dispatcher sends from: written in the transaction that
-- decided it, sent after that commits. One row per member, kind and occasion, whatever became of it: a
-- redelivered event or a job run twice finds the row and sends nothing twice.
CREATE TABLE notification (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    member_id          uuid        NOT NULL,
    kind               text        NOT NULL,
    occasion           text        NOT NULL CHECK (length(occasion) BETWEEN 1 AND 200),
    purpose            text        NOT NULL CHECK (purpose IN ('service', 'marketing')),
    channel            text        CHECK (channel IN ('email', 'sms', 'telegram')),
    recipient          text,
    language           text        NOT NULL CHECK (language IN ('ru', 'kk', 'en')),
    status             text        NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'suppressed', 'undeliverable')),
    reason             text,
    subject            text,
    body               text,
    html               text,
    unsubscribe_token  text,
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at         timestamptz NOT NULL,
    scheduled_for      timestamptz NOT NULL,
    sent_at            timestamptz,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, member_id, kind, occasion),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
-- The log, newest first, by member or not.
CREATE INDEX notification_log ON notification (tenant_id, created_at DESC, id DESC);
CREATE INDEX notification_of_member ON notification (tenant_id, member_id, created_at DESC);
-- What the dispatcher looks for across tenants (the one index here not led by tenant_id, as the expiry
-- job's points_lot_expiring): the queued ones that are due. Partial: it holds only the messages still
-- owed, and stays small.
CREATE INDEX notification_due ON notification (scheduled_for) WHERE status = 'queued';
-- An unsubscribe link names its tenant (as an API key does), so the look-up is by tenant too.
CREATE UNIQUE INDEX notification_unsubscribe ON notification (tenant_id, unsubscribe_token)
    WHERE unsubscribe_token IS NOT NULL;
