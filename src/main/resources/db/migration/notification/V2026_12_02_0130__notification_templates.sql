-- A tenant's own text of one message (kind, language, channel); no row: the default from the class path.
-- Telegram has no row of its own: it reads the SMS text.
CREATE TABLE notification_template (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    kind        text        NOT NULL,
    locale      text        NOT NULL CHECK (locale IN ('ru', 'kk', 'en')),
    channel     text        NOT NULL CHECK (channel IN ('email', 'sms')),
    subject     text        CHECK (length(subject) <= 200),
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind, locale, channel),
    CHECK ((channel = 'email') = (subject IS NOT NULL))
);
