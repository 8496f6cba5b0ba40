-- What a member saves for: a reward of the catalog (reward_id; name and target as they were when it
-- was set, shown if the reward is archived later) or a goal of their own. One per member.
CREATE TABLE member_goal (
    tenant_id     uuid        NOT NULL,
    member_id     uuid        NOT NULL,
    reward_id     text,
    name          text        NOT NULL,
    target_points bigint      NOT NULL CHECK (target_points > 0),
    set_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
