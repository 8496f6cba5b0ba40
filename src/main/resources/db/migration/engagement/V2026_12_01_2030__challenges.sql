-- Challenges (stamp cards: "every 6th haircut free"), what each member has counted toward them,
-- and what they completed. The document is kept as sent (checked again when it is read), as rules are.
CREATE TABLE challenge (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    id         uuid        NOT NULL,
    definition jsonb       NOT NULL,
    active     boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- The purchases counted toward a challenge, one row each: what a window needs to sum (amount is
-- what the challenge's metric counts of the purchase: 1 visit, units, or money). A whole return
-- marks its row returned; it then counts no more.
CREATE TABLE challenge_entry (
    tenant_id    uuid          NOT NULL,
    challenge_id uuid          NOT NULL,
    member_id    uuid          NOT NULL,
    purchase_id  uuid          NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    day          date          NOT NULL,
    amount       numeric(20,4) NOT NULL CHECK (amount > 0),
    units        numeric(20,4) NOT NULL,
    returned     boolean       NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, challenge_id, member_id, purchase_id),
    FOREIGN KEY (tenant_id, challenge_id) REFERENCES challenge (tenant_id, id)
);
-- A whole return finds its purchase's rows.
CREATE INDEX challenge_entry_purchase ON challenge_entry (tenant_id, purchase_id);

-- A challenge completed by a member's purchase, with the reward it gave; a whole return of that
-- purchase while its coupon was unused cancels it (cancelled_at), and the progress goes back.
CREATE TABLE challenge_completion (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    challenge_id uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    purchase_id  uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    points       bigint      NOT NULL DEFAULT 0 CHECK (points >= 0),
    coupon_id    uuid,
    coupon_code  text,
    badge        text,
    surprise     boolean     NOT NULL DEFAULT false,
    cancelled_at timestamptz,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, challenge_id) REFERENCES challenge (tenant_id, id)
);
CREATE INDEX challenge_completion_member ON challenge_completion (tenant_id, challenge_id, member_id)
    WHERE cancelled_at IS NULL;
CREATE INDEX challenge_completion_purchase ON challenge_completion (tenant_id, purchase_id);
-- Surprises given in a month, counted across members.
CREATE INDEX challenge_completion_month ON challenge_completion (tenant_id, challenge_id, occurred_at)
    WHERE surprise AND cancelled_at IS NULL;
