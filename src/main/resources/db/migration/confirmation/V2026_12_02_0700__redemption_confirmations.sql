-- A member's confirmation of a redemption at the till, above the program's redemptionConfirmationAbove.
-- redemption_secret: the member's TOTP key (RFC 6238) behind the code the wallet shows, made on first
-- use; last_step is the last 30-second step a code of it was accepted for, so a code is good once.
-- failures count wrong codes in a row; five lock confirmation for five minutes (locked_until), so six
-- digits cannot be guessed at the till.
CREATE TABLE redemption_secret (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    member_id    uuid        NOT NULL,
    secret       bytea       NOT NULL CHECK (length(secret) = 20),
    last_step    bigint      NOT NULL DEFAULT 0,
    failures     int         NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until timestamptz,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);

-- The code sent to the member's phone or e-mail instead: one outstanding per member (a new one
-- replaces it), kept as SHA-256, valid five minutes and five tries, spent when used.
CREATE TABLE redemption_code (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    member_id  uuid        NOT NULL,
    code_hash  text        NOT NULL,
    expires_at timestamptz NOT NULL,
    tries      int         NOT NULL DEFAULT 0 CHECK (tries >= 0),
    used_at    timestamptz,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
