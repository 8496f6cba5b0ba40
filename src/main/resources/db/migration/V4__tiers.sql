-- Tiers: each tenant's ladder of levels, the activity that qualifies members for them, each member's
-- level, and the history of every change of level. Keys start with tenant_id, as everywhere.

-- One row per tenant that runs tiers; its version goes up with every replacement of the ladder.
-- Writers of member levels hold FOR KEY SHARE on this row, a replacement holds FOR UPDATE: a
-- purchase never moves a member to a level that a concurrent replacement is taking away.
CREATE TABLE tier_ladder (
    tenant_id      uuid        PRIMARY KEY REFERENCES tenant (id),
    metric         text        NOT NULL CHECK (metric IN ('spend', 'points', 'visits')),
    window_type    text        NOT NULL CHECK (window_type IN ('lifetime', 'rolling_months', 'calendar_year')),
    window_months  int         NOT NULL CHECK (window_months BETWEEN 0 AND 120),
    grace_days     int         NOT NULL CHECK (grace_days BETWEEN 0 AND 365),
    version        bigint      NOT NULL CHECK (version >= 0),
    updated_at     timestamptz NOT NULL
);

-- A manual level (VIP) is exactly one without a threshold.
CREATE TABLE tier_level (
    tenant_id         uuid          NOT NULL REFERENCES tier_ladder (tenant_id),
    code              text          NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
    position          int           NOT NULL CHECK (position >= 0),
    name              text          NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    threshold         numeric(19,4) CHECK (threshold >= 0),
    manual            boolean       NOT NULL,
    earn_multiplier   numeric(9,4)  NOT NULL CHECK (earn_multiplier >= 1),
    discount_percent  numeric(5,2)  NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    perks             jsonb         NOT NULL,
    PRIMARY KEY (tenant_id, code),
    -- Deferred: reordering levels swaps positions within one transaction.
    UNIQUE (tenant_id, position) DEFERRABLE INITIALLY DEFERRED,
    CHECK (manual = (threshold IS NULL))
);

-- What qualifies members: one row per purchase (id = the purchase's id) and per return (id = the
-- return's id, negative amounts, dated at the purchase it returns). Windows are sums over occurred_at.
CREATE TABLE tier_activity (
    tenant_id    uuid          NOT NULL,
    id           uuid          NOT NULL,
    member_id    uuid          NOT NULL,
    purchase_id  uuid          NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    recorded_at  timestamptz   NOT NULL,
    spend        numeric(19,4) NOT NULL,
    points       bigint        NOT NULL,
    visits       int           NOT NULL CHECK (visits BETWEEN -1 AND 1),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX tier_activity_window ON tier_activity (tenant_id, member_id, occurred_at) INCLUDE (spend, points, visits);
CREATE INDEX tier_activity_purchase ON tier_activity (tenant_id, purchase_id);

-- A member's level. A member without a row is on the ladder's entry level (they never bought).
-- below_since: when a re-evaluation first found them under their level's threshold (grace starts).
CREATE TABLE member_tier (
    tenant_id    uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    level_code   text        NOT NULL,
    since        timestamptz NOT NULL,
    below_since  timestamptz,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id),
    FOREIGN KEY (tenant_id, level_code) REFERENCES tier_level (tenant_id, code)
);
CREATE INDEX member_tier_level ON member_tier (tenant_id, level_code);

-- Every change of level, with its reason. Append-only, like the ledger: it is the audit trail.
CREATE TABLE tier_change (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    from_code    text        NOT NULL,
    to_code      text        NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('qualified', 'grace_ended', 'assigned', 'level_removed')),
    note         text,
    actor        text        NOT NULL,
    purchase_id  uuid,
    at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX tier_change_history ON tier_change (tenant_id, member_id, at DESC, id DESC);

CREATE TRIGGER tier_change_append_only BEFORE UPDATE OR DELETE ON tier_change
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

