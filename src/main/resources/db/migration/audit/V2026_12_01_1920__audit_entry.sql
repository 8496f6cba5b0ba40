-- Who changed what, when, before and after, and why. Append-only, like the ledger: the trigger of
-- V2 refuses every UPDATE and DELETE. before/after are the objects as the API shows them.
CREATE TABLE audit_entry (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    at          timestamptz NOT NULL,
    actor_type  text        NOT NULL CHECK (actor_type IN ('api_key', 'staff', 'system')),
    actor_id    text,
    actor_name  text,
    action      text        NOT NULL,
    object_type text        NOT NULL,
    object_id   text,
    before      jsonb,
    after       jsonb,
    reason      text,
    PRIMARY KEY (tenant_id, id)
);
-- Pages newest first, for the whole tenant or one object (ids are time-ordered UUIDv7).
CREATE INDEX audit_entry_recent ON audit_entry (tenant_id, at DESC, id DESC);
CREATE INDEX audit_entry_object ON audit_entry (tenant_id, object_type, object_id, at DESC);
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
