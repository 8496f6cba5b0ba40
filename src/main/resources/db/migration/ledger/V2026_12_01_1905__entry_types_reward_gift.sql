-- Points spent on a reward of the catalog (reward) and points a staff member gave (gift). The check
-- stays, so a type the code does not know is refused by the database too.
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_type_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_type_check CHECK (type IN ('earn', 'redeem', 'expire', 'reverse',
    'refund', 'adjust', 'transfer_in', 'transfer_out', 'welcome', 'birthday', 'referral', 'donate', 'reward', 'gift'));
