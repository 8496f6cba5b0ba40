-- People who sign in to the screens: owners and managers to the console, cashiers to the till.
-- An e-mail signs in to one tenant only (unique across tenants), so the sign-in form asks for
-- nothing but the e-mail and the password. The password is kept as a slow hash (bcrypt) only.
CREATE TABLE staff (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    email            text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role             text        NOT NULL CHECK (role IN ('owner', 'manager', 'cashier')),
    stores           text[]      NOT NULL DEFAULT '{}',
    language         text        CHECK (language IN ('ru', 'kk', 'en')),
    password_hash    text,
    -- Raised by "sign out everywhere", a password change and a deactivation: a session made
    -- before carries the old number and is refused on its next request.
    session_epoch    integer     NOT NULL DEFAULT 0,
    failed_attempts  integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL,
    last_sign_in_at  timestamptz,
    deactivated_at   timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX staff_email ON staff (email);

-- One-time links that set a password: the invitation and the reset. Only the token's hash is kept.
CREATE TABLE staff_token (
    tenant_id   uuid        NOT NULL,
    token_hash  text        NOT NULL,
    staff_id    uuid        NOT NULL,
    purpose     text        NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (token_hash),
    FOREIGN KEY (tenant_id, staff_id) REFERENCES staff (tenant_id, id)
);
CREATE INDEX staff_token_staff ON staff_token (tenant_id, staff_id);
