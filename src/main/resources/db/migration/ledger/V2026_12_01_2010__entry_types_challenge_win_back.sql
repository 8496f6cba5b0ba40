-- A completed challenge's points (challenge) and the points that call back a member who stopped
-- coming (win_back).
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_type_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_type_check CHECK (type IN ('earn', 'redeem', 'expire', 'reverse',
    'refund', 'adjust', 'transfer_in', 'transfer_out', 'welcome', 'birthday', 'referral', 'donate', 'reward', 'gift',
    'challenge', 'win_back'));
