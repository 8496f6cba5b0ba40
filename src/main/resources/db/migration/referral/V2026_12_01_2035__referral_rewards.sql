-- One row per referred member (a friend): the link to who invited them, and what came of it. The
-- primary key makes the reward once per friend; the purchase that qualified finds it for a return.
CREATE TABLE referral (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    friend_id        uuid        NOT NULL,
    referrer_id      uuid        NOT NULL,
    joined_at        timestamptz NOT NULL,
    status           text        NOT NULL DEFAULT 'joined'
                     CHECK (status IN ('joined', 'rewarded', 'capped', 'cancelled', 'self_referral')),
    purchase_id      uuid,
    decided_at       timestamptz,
    available_at     timestamptz,
    referrer_points  bigint      NOT NULL DEFAULT 0 CHECK (referrer_points >= 0),
    referee_points   bigint      NOT NULL DEFAULT 0 CHECK (referee_points >= 0),
    cancelled_at     timestamptz,
    PRIMARY KEY (tenant_id, friend_id),
    FOREIGN KEY (tenant_id, friend_id) REFERENCES member (tenant_id, id),
    FOREIGN KEY (tenant_id, referrer_id) REFERENCES member (tenant_id, id),
    CHECK ((status = 'joined') = (decided_at IS NULL))
);

-- A referrer's friends (the list) and their rewards this month (the cap).
CREATE INDEX referral_referrer ON referral (tenant_id, referrer_id, decided_at);
CREATE UNIQUE INDEX referral_purchase ON referral (tenant_id, purchase_id) WHERE purchase_id IS NOT NULL;

-- Members who joined with a code before this table: their links, not yet decided.
INSERT INTO referral (tenant_id, friend_id, referrer_id, joined_at)
SELECT tenant_id, id, referred_by, created_at FROM member WHERE referred_by IS NOT NULL;
