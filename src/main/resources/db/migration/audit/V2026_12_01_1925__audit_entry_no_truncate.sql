-- The row trigger of the table's migration refuses UPDATE and DELETE; TRUNCATE fires no row
-- trigger, so without this one statement could still empty the log.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
