-- Program settings: one row per tenant, the whole document as validated JSON.
CREATE TABLE program (
    tenant_id   uuid        PRIMARY KEY REFERENCES tenant (id),
    settings    jsonb       NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    updated_at  timestamptz NOT NULL
);

-- Earning and discount rules, as their API document. The row holds the rule's current state;
-- every state it was ever in is kept in rule_revision (V3) under the rule-set version.
CREATE TABLE rule (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text        NOT NULL,
    definition  jsonb       NOT NULL,
    priority    int         NOT NULL,
    active      boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- The materialised balance of a member, and the row every write for that member locks first.
-- balance = Σ ledger_entry.points = Σ points_lot.remaining − debt (checked by tests).
-- debt: points taken back by a return after they were spent; later credits pay it first.
CREATE TABLE points_account (
    tenant_id        uuid        NOT NULL,
    member_id        uuid        NOT NULL,
    balance          bigint      NOT NULL,
    debt             bigint      NOT NULL DEFAULT 0 CHECK (debt >= 0),
    lifetime_earned  bigint      NOT NULL DEFAULT 0 CHECK (lifetime_earned >= 0),
    lifetime_spend   numeric(19,4) NOT NULL DEFAULT 0,
    visits           int         NOT NULL DEFAULT 0,
    last_activity_at timestamptz,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);

-- One lot per credit (earning, welcome, refund, transfer-in, positive adjustment). Spending and
-- expiry lower remaining; points leave the available balance at expires_at whatever the job did.
CREATE TABLE points_lot (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    member_id     uuid        NOT NULL,
    points        bigint      NOT NULL CHECK (points > 0),
    remaining     bigint      NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    available_at  timestamptz NOT NULL,
    expires_at    timestamptz,
    purchase_id   uuid,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES points_account (tenant_id, member_id)
);
CREATE INDEX points_lot_live ON points_lot (tenant_id, member_id, expires_at) WHERE remaining > 0;
CREATE INDEX points_lot_expiring ON points_lot (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;

-- Append-only: never updated, never deleted.
CREATE TABLE ledger_entry (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    type         text        NOT NULL CHECK (type IN ('earn', 'redeem', 'expire', 'reverse', 'refund', 'adjust',
                                                     'transfer_in', 'transfer_out', 'welcome', 'birthday',
                                                     'referral', 'donate')),
    points       bigint      NOT NULL CHECK (points <> 0),
    lot_id       uuid,
    purchase_id  uuid,
    return_id    uuid,
    transfer_id  uuid,
    rule_name    text,
    reason       text,
    note         text,
    actor        text,
    expires_at   timestamptz,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES points_account (tenant_id, member_id)
);
CREATE INDEX ledger_entry_history ON ledger_entry (tenant_id, member_id, created_at DESC, id DESC);

-- Refuses UPDATE and DELETE on the append-only tables that use it as a trigger.
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

CREATE TABLE purchase (
    tenant_id        uuid          NOT NULL REFERENCES tenant (id),
    id               uuid          NOT NULL,
    external_id      text          NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    store_code       text          NOT NULL,
    channel          text          NOT NULL,
    member_id        uuid,
    occurred_at      timestamptz   NOT NULL,
    subtotal         numeric(19,4) NOT NULL CHECK (subtotal >= 0),
    discount         numeric(19,4) NOT NULL CHECK (discount >= 0 AND discount <= subtotal),
    points_redeemed  bigint        NOT NULL CHECK (points_redeemed >= 0),
    redeem_value     numeric(19,4) NOT NULL CHECK (redeem_value >= 0),
    payable          numeric(19,4) NOT NULL CHECK (payable >= 0),
    points_earned    bigint        NOT NULL CHECK (points_earned >= 0),
    program_version  bigint        NOT NULL,
    applied_rules    jsonb         NOT NULL,
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, external_id),
    FOREIGN KEY (tenant_id, store_code) REFERENCES store (tenant_id, code),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX purchase_member ON purchase (tenant_id, member_id, occurred_at);

CREATE TABLE purchase_item (
    tenant_id          uuid          NOT NULL,
    purchase_id        uuid          NOT NULL,
    line               int           NOT NULL CHECK (line >= 0),
    sku                text          NOT NULL,
    name               text,
    category           text,
    quantity           numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit_price         numeric(19,4) NOT NULL CHECK (unit_price >= 0),
    amount             numeric(19,4) NOT NULL CHECK (amount >= 0),
    discount           numeric(19,4) NOT NULL CHECK (discount >= 0 AND discount <= amount),
    paid               numeric(19,4) NOT NULL CHECK (paid >= 0),
    points_earned      bigint        NOT NULL CHECK (points_earned >= 0),
    points_redeemed    bigint        NOT NULL CHECK (points_redeemed >= 0),
    returned_quantity  numeric(12,3) NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= quantity),
    returned_value     numeric(19,4) NOT NULL DEFAULT 0 CHECK (returned_value >= 0 AND returned_value <= paid),
    points_reversed    bigint        NOT NULL DEFAULT 0 CHECK (points_reversed >= 0 AND points_reversed <= points_earned),
    points_refunded    bigint        NOT NULL DEFAULT 0 CHECK (points_refunded >= 0 AND points_refunded <= points_redeemed),
    PRIMARY KEY (tenant_id, purchase_id, line),
    FOREIGN KEY (tenant_id, purchase_id) REFERENCES purchase (tenant_id, id)
);

CREATE TABLE purchase_return (
    tenant_id        uuid          NOT NULL,
    id               uuid          NOT NULL,
    purchase_id      uuid          NOT NULL,
    external_id      text          NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    amount           numeric(19,4) NOT NULL CHECK (amount >= 0), -- 0 when points paid the returned goods
    points_reversed  bigint        NOT NULL CHECK (points_reversed >= 0),
    points_refunded  bigint        NOT NULL CHECK (points_refunded >= 0),
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, external_id),
    FOREIGN KEY (tenant_id, purchase_id) REFERENCES purchase (tenant_id, id)
);

CREATE TABLE transfer (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    id              uuid        NOT NULL,
    from_member_id  uuid        NOT NULL,
    to_member_id    uuid        NOT NULL CHECK (to_member_id <> from_member_id),
    points          bigint      NOT NULL CHECK (points > 0),
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, from_member_id) REFERENCES points_account (tenant_id, member_id),
    FOREIGN KEY (tenant_id, to_member_id) REFERENCES points_account (tenant_id, member_id)
);

-- db-scheduler's table: jobs (expiry) run once across all app instances.
CREATE TABLE scheduled_tasks (
    task_name             text        NOT NULL,
    task_instance         text        NOT NULL,
    task_data             bytea,
    execution_time        timestamptz NOT NULL,
    picked                boolean     NOT NULL,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  int,
    last_heartbeat        timestamptz,
    version               bigint      NOT NULL,
    priority              smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
