-- Every table carries tenant_id and every key starts with it, so that one tenant's rows can be
-- proven isolated and the schema can be distributed by tenant (Citus) unchanged.

CREATE TABLE tenant (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency    char(3)     NOT NULL,
    timezone    text        NOT NULL,
    locale      text        NOT NULL,
    country     char(2)     NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The platform key may only create tenants. Only its hash is kept.
CREATE TABLE platform_key (
    key_hash    text PRIMARY KEY,
    created_at  timestamptz NOT NULL
);

CREATE TABLE store (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    code        text        NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE api_key (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('admin', 'pos')),
    store_code  text,
    key_hash    text        NOT NULL,
    hint        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key_hash),
    FOREIGN KEY (tenant_id, store_code) REFERENCES store (tenant_id, code)
);

CREATE TABLE idempotency_key (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    scope         text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    response      jsonb,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, scope, key)
);

CREATE TABLE member (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    id             uuid        NOT NULL,
    phone          text,
    email          text,
    name           text,
    birth_date     date,
    locale         text        NOT NULL,
    card_number    text,
    referral_code  text        NOT NULL,
    referred_by    uuid,
    consents       jsonb       NOT NULL DEFAULT '{}',
    attributes     jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    erased_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, referral_code),
    FOREIGN KEY (tenant_id, referred_by) REFERENCES member (tenant_id, id)
);
CREATE UNIQUE INDEX member_phone_key ON member (tenant_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX member_card_number_key ON member (tenant_id, card_number) WHERE card_number IS NOT NULL;

-- Every card number ever issued, so that a reissued (retired) number is never handed out again.
CREATE TABLE member_card (
    tenant_id    uuid        NOT NULL,
    card_number  text        NOT NULL,
    member_id    uuid        NOT NULL,
    issued_at    timestamptz NOT NULL,
    retired_at   timestamptz,
    PRIMARY KEY (tenant_id, card_number),
    -- Checked at commit: the number is reserved before the member row is written.
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);
