-- A member's badges, each code once (the primary key is what makes "once" true under concurrency).
-- name and names: what the member reads, as the badge was named when it was earned.
CREATE TABLE member_badge (
    tenant_id uuid        NOT NULL,
    member_id uuid        NOT NULL,
    code      text        NOT NULL,
    name      text        NOT NULL,
    names     jsonb       NOT NULL,
    source    text        NOT NULL,
    earned_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id, code),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
