-- One-time start links (https://t.me/<bot>?start=<token>): a member opens one and presses Start, the bot
-- reads "/start <token>" and links that chat to the member. 24 hours, used once.
CREATE TABLE telegram_link (
    tenant_id   uuid        NOT NULL,
    token       text        NOT NULL CHECK (token ~ '^[A-Za-z0-9_-]{16,64}$'),
    member_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (tenant_id, token),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);

-- A member's chat with the tenant's bot: one per member, and a chat belongs to one member (linked again
-- from another member's link, it moves).
CREATE TABLE telegram_chat (
    tenant_id   uuid        NOT NULL,
    member_id   uuid        NOT NULL,
    chat_id     bigint      NOT NULL,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    UNIQUE (tenant_id, chat_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);

-- How far the poller has read each tenant's bot (getUpdates' offset: the last update id + 1), so a
-- restart reads nothing twice.
CREATE TABLE telegram_bot (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    update_offset  bigint      NOT NULL DEFAULT 0,
    polled_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);
