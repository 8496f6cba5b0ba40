-- Every change of a member's consents: when, which key, given or withdrawn, how (source) and from where
-- (detail: the caller's IP, user agent, API key). What proves the consent a message was sent under, as
-- 152-ФЗ and the advertising laws ask; so it is append-only, and an erasure keeps the rows.
CREATE TABLE consent_change (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    member_id   uuid        NOT NULL,
    channel     text        NOT NULL CHECK (length(channel) BETWEEN 1 AND 40),
    granted     boolean     NOT NULL,
    at          timestamptz NOT NULL,
    source      text        NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
    detail      jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX consent_change_of_member ON consent_change (tenant_id, member_id, at DESC, id DESC);

-- Append-only, with one exception: an erasure empties the detail (the IP and user agent are personal
-- data) and changes nothing else, so what was agreed, when and how, stays proved.
CREATE TRIGGER consent_change_append_only BEFORE UPDATE ON consent_change
    FOR EACH ROW WHEN (NEW.detail <> '{}'::jsonb
        OR (NEW.tenant_id, NEW.id, NEW.member_id, NEW.channel, NEW.granted, NEW.at, NEW.source)
           IS DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.member_id, OLD.channel, OLD.granted, OLD.at, OLD.source))
    EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER consent_change_no_delete BEFORE DELETE ON consent_change
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER consent_change_no_truncate BEFORE TRUNCATE ON consent_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
