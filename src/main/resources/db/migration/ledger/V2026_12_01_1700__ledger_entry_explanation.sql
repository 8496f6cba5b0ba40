-- Why a purchase earned its points, as data (message keys and their arguments, see shared.TextJson),
-- so that history is rendered in the reader's language. Entries written before it keep only their
-- note, the same sentence as text in the member's language of then, and read as that.
ALTER TABLE ledger_entry ADD COLUMN explanation jsonb;
