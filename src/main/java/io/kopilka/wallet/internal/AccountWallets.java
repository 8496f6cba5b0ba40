package io.kopilka.wallet.internal;

import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Ledger;
import io.kopilka.program.Programs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Tiers;
import io.kopilka.wallet.Goals;
import io.kopilka.wallet.WalletBalance;
import io.kopilka.wallet.Wallets;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Service;

@Service
class AccountWallets implements Wallets {
    private final Ledger ledger;
    private final Programs programs;
    private final Tenants tenants;
    private final Tiers tiers;
    private final Goals goals;

    AccountWallets(Ledger ledger, Programs programs, Tenants tenants, Tiers tiers, Goals goals) {
        this.goals = goals;
        this.ledger = ledger;
        this.programs = programs;
        this.tenants = tenants;
        this.tiers = tiers;
    }

    @Override
    public WalletBalance balance(TenantId tenant, MemberId member, Instant now) {
        Balance points = ledger.balance(tenant, member, now);
        Money value = Money.floor(programs.of(tenant).pointValue().multiply(BigDecimal.valueOf(points.available())),
                tenants.get(tenant).currency());
        return new WalletBalance(points.available(), points.pending(), value, points.expiring(),
                tiers.progress(tenant, member, now).orElse(null),
                goals.of(tenant, member).map(g -> g.progress(points.available())).orElse(null));
    }
}
