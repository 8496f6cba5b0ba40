package io.kopilka.ledger.internal;

import io.kopilka.ledger.PendingPoints;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Pending points from the account's live lots, read as the balance reads them (no lock). */
@Service
class LotPendingPoints implements PendingPoints {
    private final AccountReader accounts;

    LotPendingPoints(AccountReader accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Pending> of(TenantId tenant, MemberId member, Instant now) {
        return accounts.read(tenant, member, now).map(a -> Pending.of(a.lots(), now)).orElse(List.of());
    }
}
