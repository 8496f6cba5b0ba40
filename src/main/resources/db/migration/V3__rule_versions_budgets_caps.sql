-- The version of a tenant's rule set: every change to a rule raises it (in the same transaction),
-- and each purchase records the version that priced it. Written only when rules change, never on
-- the purchase path.
CREATE TABLE rule_set (
    tenant_id   uuid        PRIMARY KEY REFERENCES tenant (id),
    version     bigint      NOT NULL CHECK (version > 0),
    updated_at  timestamptz NOT NULL
);

-- Every state a rule was ever in, by rule-set version: what priced a purchase can be read back.
CREATE TABLE rule_revision (
    tenant_id   uuid        NOT NULL,
    rule_id     uuid        NOT NULL,
    version     bigint      NOT NULL,
    definition  jsonb       NOT NULL,
    active      boolean     NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, rule_id, version),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES rule (tenant_id, id)
);

ALTER TABLE purchase ADD COLUMN rules_version bigint NOT NULL DEFAULT 0;

-- A rule's whole budget of points, spent atomically: never more than the budget, whatever the load.
-- Removing the budget keeps the row (budget NULL): what was spent is history, and a budget set
-- again later is counted against it.
CREATE TABLE rule_budget (
    tenant_id  uuid   NOT NULL,
    rule_id    uuid   NOT NULL,
    budget     bigint CHECK (budget > 0),
    spent      bigint NOT NULL DEFAULT 0 CHECK (spent >= 0 AND (budget IS NULL OR spent <= budget)),
    PRIMARY KEY (tenant_id, rule_id),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES rule (tenant_id, id)
);

-- Points a rule gave a member per day (the tenant's calendar): the base of per-member caps.
CREATE TABLE rule_member_points (
    tenant_id  uuid   NOT NULL,
    rule_id    uuid   NOT NULL,
    member_id  uuid   NOT NULL,
    day        date   NOT NULL,
    points     bigint NOT NULL CHECK (points >= 0),
    PRIMARY KEY (tenant_id, rule_id, member_id, day),
    FOREIGN KEY (tenant_id, rule_id) REFERENCES rule (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
