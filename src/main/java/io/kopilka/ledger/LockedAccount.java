package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member's account read under its row lock, with its live lots: what every write to the member's
 * points requires and plans from. Only the ledger makes one ({@link Ledger#lock}; ArchitectureTest
 * holds every other module to that), and every write returns the account after it, which the next
 * write in the same transaction takes.
 */
public record LockedAccount(Account account, List<Lot> lots) {

    public LockedAccount {
        lots = List.copyOf(lots);
    }

    /** An account opened in this transaction: nobody else can see it yet, so it needs no lock. */
    public static LockedAccount opened(MemberId member, Instant at) {
        return new LockedAccount(new Account(member, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, at), List.of());
    }

    /**
     * The account after expiry-after-inactivity moves every live lot to {@code newExpiry}; lots
     * already past their expiry stay expired.
     */
    public LockedAccount withExpiry(Instant newExpiry, Instant now) {
        return new LockedAccount(account, lots.stream().map(l -> l.live(now) ? l.expiringAt(newExpiry) : l).toList());
    }

    public MemberId member() {
        return account.member();
    }
}
