-- The customer's wallet: members sign in with their phone and a one-time code, and stay signed in
-- on their phone for months (a session row per device, found by its cookie's hash), so that a
-- restart of the service or a second instance signs nobody out and costs no new SMS.

-- One-time codes sent to a member (6 digits, 5 minutes, 5 tries). Only a hash of the code is kept;
-- the rows also count the codes asked for, per member and per client address (the rate limits).
CREATE TABLE wallet_code (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    member_id    uuid,
    address      text        NOT NULL,
    code_hash    text,
    purpose      text        NOT NULL CHECK (purpose IN ('code', 'link')),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    tries_left   integer     NOT NULL CHECK (tries_left >= 0),
    used_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX wallet_code_member ON wallet_code (tenant_id, member_id, created_at);
CREATE INDEX wallet_code_address ON wallet_code (address, created_at);
CREATE UNIQUE INDEX wallet_code_link ON wallet_code (code_hash) WHERE purpose = 'link';

-- A signed-in device. The cookie holds 256 random bits; only their SHA-256 is kept.
CREATE TABLE wallet_session (
    token_hash   text        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX wallet_session_member ON wallet_session (tenant_id, member_id);
