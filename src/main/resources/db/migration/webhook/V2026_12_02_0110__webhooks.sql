-- A tenant's webhook subscriptions. The secret is kept as it is (it signs every delivery); after a rotation
-- the previous one keeps signing beside it until previous_secret_until, so receivers can switch over.
CREATE TABLE webhook_subscription (
    tenant_id              uuid        NOT NULL REFERENCES tenant (id),
    id                     uuid        NOT NULL,
    url                    text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    events                 text[]      NOT NULL,
    description            text        CHECK (length(description) <= 200),
    secret                 text        NOT NULL,
    previous_secret        text,
    previous_secret_until  timestamptz,
    status                 text        NOT NULL CHECK (status IN ('active', 'disabled')),
    disabled_reason        text,
    failing_since          timestamptz,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Every event owed to a subscription, and the outbox the dispatcher sends from: inserted in the cause's
-- transaction, so it exists iff the cause committed. The body is kept as the exact text that is signed.
CREATE TABLE webhook_delivery (
    tenant_id         uuid        NOT NULL,
    id                uuid        NOT NULL,
    subscription_id   uuid        NOT NULL,
    event_id          text        NOT NULL,
    type              text        NOT NULL,
    body              text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    first_attempt_at  timestamptz,
    next_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz NOT NULL,
    delivered_at      timestamptz,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscription (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_delivery_of_subscription ON webhook_delivery (tenant_id, subscription_id, id DESC);
-- What the dispatcher looks for across tenants (like notification_due, not led by tenant_id): the pending
-- deliveries that are due. Partial, so it holds only what is still owed.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
