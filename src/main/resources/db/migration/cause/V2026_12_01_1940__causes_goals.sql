-- Causes a program supports ("plant a tree": 500 points a tree), and what was given to them.
-- total_points and donors are the sums of cause_contribution, kept on the row so that a list of
-- causes reads no contributions; every contribution changes them in its own transaction.
CREATE TABLE cause (
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    id              uuid        NOT NULL,
    name            text        NOT NULL,
    names           jsonb       NOT NULL,
    description     text,
    unit            jsonb       NOT NULL,
    unit_forms      jsonb       NOT NULL,
    verb            jsonb,
    points_per_unit bigint      NOT NULL CHECK (points_per_unit > 0),
    goal_units      bigint      CHECK (goal_units > 0),
    active          boolean     NOT NULL,
    total_points    bigint      NOT NULL DEFAULT 0 CHECK (total_points >= 0),
    donors          bigint      NOT NULL DEFAULT 0 CHECK (donors >= 0),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Append-only, like the ledger: a member's donation (source donation, with the member) or the
-- business's gift for a purchase (source rule, with the purchase and the rule); a whole return
-- takes the latter back with a negative row naming the return.
CREATE TABLE cause_contribution (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    cause_id    uuid        NOT NULL,
    source      text        NOT NULL CHECK (source IN ('donation', 'rule')),
    points      bigint      NOT NULL CHECK (points <> 0),
    member_id   uuid,
    purchase_id uuid,
    return_id   uuid,
    rule_id     uuid,
    actor       text,
    at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cause_id) REFERENCES cause (tenant_id, id),
    CHECK (source <> 'donation' OR (member_id IS NOT NULL AND points > 0))
);
-- Whether a member has donated to a cause before (the cause's donors).
CREATE INDEX cause_contribution_donor ON cause_contribution (tenant_id, cause_id, member_id)
    WHERE source = 'donation';
-- What a purchase gave, for its whole return.
CREATE INDEX cause_contribution_purchase ON cause_contribution (tenant_id, purchase_id)
    WHERE purchase_id IS NOT NULL;
CREATE TRIGGER cause_contribution_append_only BEFORE UPDATE OR DELETE ON cause_contribution
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
