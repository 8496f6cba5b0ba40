-- The rewards catalog and the coupons issued of it.
--
-- A reward's terms are its API document (reward.internal.StoredReward) in definition; the columns
-- beside it are what statements test or change: the stock left (taken one at a time by a
-- conditional UPDATE, so it is never oversold) and whether it is archived.
CREATE TABLE reward (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    id         uuid        NOT NULL,
    definition jsonb       NOT NULL,
    stock_left bigint      CHECK (stock_left >= 0),
    status     text        NOT NULL CHECK (status IN ('active', 'archived')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- A coupon keeps the terms of its reward as they were when it was issued (terms), so that editing
-- the reward later does not change what a coupon already in a member's hands is worth. code is the
-- canonical form (upper case, no dashes). cost_points: what the member paid for it (redemption),
-- given back on a cancel, and on expiry when refund_on_expiry.
CREATE TABLE coupon (
    tenant_id             uuid        NOT NULL REFERENCES tenant (id),
    id                    uuid        NOT NULL,
    code                  text        NOT NULL,
    reward_id             uuid        NOT NULL,
    member_id             uuid        NOT NULL,
    source                text        NOT NULL CHECK (source IN ('redemption', 'rule', 'challenge', 'referral',
                                                                 'gift', 'birthday', 'win_back', 'welcome')),
    status                text        NOT NULL CHECK (status IN ('active', 'used', 'expired', 'cancelled')),
    terms                 jsonb       NOT NULL,
    cost_points           bigint      CHECK (cost_points > 0),
    refund_on_expiry      boolean     NOT NULL,
    note                  text,
    issued_at             timestamptz NOT NULL,
    expires_at            timestamptz,
    used_at               timestamptz,
    used_in_purchase_id   uuid,
    issued_by_purchase_id uuid,
    closed_at             timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code),
    FOREIGN KEY (tenant_id, reward_id) REFERENCES reward (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX coupon_member ON coupon (tenant_id, member_id, issued_at DESC, id DESC);
CREATE INDEX coupon_reward_member ON coupon (tenant_id, reward_id, member_id);
CREATE INDEX coupon_used_in ON coupon (tenant_id, used_in_purchase_id) WHERE used_in_purchase_id IS NOT NULL;
CREATE INDEX coupon_issued_by ON coupon (tenant_id, issued_by_purchase_id) WHERE issued_by_purchase_id IS NOT NULL;
-- The expiry job's only query across tenants, like points_lot_expiring.
CREATE INDEX coupon_expiring ON coupon (expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;
