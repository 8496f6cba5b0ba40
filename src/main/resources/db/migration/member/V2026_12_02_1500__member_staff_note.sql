-- The staff's note on a member ("prefers Aidos", "allergic to the mint shampoo"), shown at the till.
-- One row per member, rewritten in place: a note is the staff's memo, not a record to keep; who wrote
-- it last is kept for the till to show. An erasure deletes the row (the text is personal data).
CREATE TABLE member_staff_note (
    tenant_id   uuid        NOT NULL,
    member_id   uuid        NOT NULL,
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    written_by  text        NOT NULL CHECK (length(written_by) BETWEEN 1 AND 200),
    written_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
