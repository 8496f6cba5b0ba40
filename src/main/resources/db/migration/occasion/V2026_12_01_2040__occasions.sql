-- How far each tenant's occasion jobs have got, in the tenant's own calendar. birthday_started is
-- written (and committed) before a day's members are read, birthday_done after the last of them:
-- a member who joins on a day whose run has started gets the gift at joining instead.
CREATE TABLE occasion_day (
    tenant_id         uuid        NOT NULL REFERENCES tenant (id),
    birthday_started  date,
    birthday_done     date,
    win_back_done     date,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- One row per gift of an occasion: the birthday of a year ('2026'), a win-back of a day
-- ('2026-12-01'). Written in the gift's transaction, under the member's lock: a day run twice, a run
-- that crashed half-way or two instances at once give nothing twice. Append-only.
CREATE TABLE occasion_gift (
    tenant_id    uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    occasion     text        NOT NULL CHECK (occasion IN ('birthday', 'win_back')),
    period       text        NOT NULL CHECK (length(period) BETWEEN 4 AND 10),
    points       bigint      NOT NULL CHECK (points >= 0),
    coupon_code  text,
    given_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id, occasion, period),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX occasion_gift_latest ON occasion_gift (tenant_id, member_id, occasion, given_at DESC);
CREATE TRIGGER occasion_gift_append_only BEFORE UPDATE OR DELETE ON occasion_gift
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
