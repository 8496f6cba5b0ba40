package io.kopilka.demo;

import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.shared.Now;
import io.kopilka.shared.Text;
import io.kopilka.tenant.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points about to expire, so that the expiry-reminder job has something to say the day the demo starts:
 * the autumn promotion's bonus, given for a limited time, as a business really would. The
 * program's own points live 12 months and would give the reminder nothing to do for a year.
 */
@Component
class DemoNotifications {
    private static final String PROMO = "осенняя акция";

    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoNotifications(Ledger ledger, PlatformTransactionManager transactions, Clock clock) {
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The bonus expires within a week, so each member's 7-day reminder is due the day the demo starts:
     * Aigerim (in Kazakh) has two batches, 150 points in 3 days and 300 in 6; Daniyar (in Russian) 800 in
     * 4 days; Maksim 200 in 5 days, but he agreed to SMS only and the demo has no SMS gateway, so his
     * reminder is logged as undeliverable, with the reason.
     */
    void seed(Caller owner, List<Member> seeded) {
        Instant now = Now.of(clock);
        promo(owner, seeded.get(0), 150, now.plus(Duration.ofDays(3)), now);
        promo(owner, seeded.get(0), 300, now.plus(Duration.ofDays(6)), now);
        promo(owner, seeded.get(1), 800, now.plus(Duration.ofDays(4)), now);
        promo(owner, seeded.get(2), 200, now.plus(Duration.ofDays(5)), now);
    }

    private void promo(Caller owner, Member member, long points, Instant expires, Instant now) {
        tx.executeWithoutResult(status -> ledger.credit(owner.tenant(), ledger.lock(owner.tenant(), member.id(), now),
                Credit.gift(points, now, expires, PROMO, null, "demo",
                        new Text("history.gift", Map.of("reason", PROMO))), now));
    }
}
