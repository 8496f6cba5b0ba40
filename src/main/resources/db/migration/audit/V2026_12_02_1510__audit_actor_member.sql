-- A member acting in their own wallet (an exchange of points, a donation) is an actor of their own:
-- 'member', with the member's id and no name (a name would be personal data kept past an erasure).
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_actor_type_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_actor_type_check
    CHECK (actor_type IN ('api_key', 'staff', 'member', 'system'));
