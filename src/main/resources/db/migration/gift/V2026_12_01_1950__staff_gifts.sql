-- What each pos key has given by hand (gifts and positive adjustments) on each calendar day of the
-- tenant's time zone: the counter the daily limit is checked against. One row per key and day,
-- raised by a conditional upsert in the gift's own transaction, so concurrent gifts of one key wait
-- on the row and never pass the limit together. The gifts themselves are ledger entries and coupons.
CREATE TABLE gift_key_day (
    tenant_id uuid   NOT NULL REFERENCES tenant (id),
    key_id    uuid   NOT NULL,
    day       date   NOT NULL,
    given     bigint NOT NULL CHECK (given >= 0),
    PRIMARY KEY (tenant_id, key_id, day)
);
