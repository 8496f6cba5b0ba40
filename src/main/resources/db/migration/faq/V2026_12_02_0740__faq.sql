-- A tenant's own questions and answers, one list per language. A row in faq_list says the owner has
-- written that language's list (maybe empty: "no questions"); without one, customers read the defaults.
CREATE TABLE faq_list (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    locale     text        NOT NULL CHECK (locale IN ('ru', 'kk', 'en')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, locale)
);

CREATE TABLE faq_item (
    tenant_id uuid    NOT NULL,
    locale    text    NOT NULL,
    position  integer NOT NULL CHECK (position >= 0 AND position < 30),
    question  text    NOT NULL CHECK (length(question) BETWEEN 1 AND 200),
    answer    text    NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
    PRIMARY KEY (tenant_id, locale, position),
    FOREIGN KEY (tenant_id, locale) REFERENCES faq_list (tenant_id, locale) ON DELETE CASCADE
);
