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
 * the autumn promotion's bonus, given weeks ago for a limited time, as a business really would. The
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
     * Aigerim's 300 bonus points, given 21 days ago, expire in 6 days: her 7-day reminder is due (in
     * Kazakh). Daniyar's 800, given 40 days ago, expire in 20 days: the 30-day reminder came due 10 days
     * after he got them (in Russian). Maksim's 200 expire in 5 days, but he agreed to SMS only, and the
     * demo has no SMS gateway: his reminder is logged as undeliverable, with the reason.
     */
    void seed(Caller owner, List<Member> seeded) {
        Instant now = Now.of(clock);
        promo(owner, seeded.get(0), 300, now.minus(Duration.ofDays(21)), now.plus(Duration.ofDays(6)), now);
        promo(owner, seeded.get(1), 800, now.minus(Duration.ofDays(40)), now.plus(Duration.ofDays(20)), now);
        promo(owner, seeded.get(2), 200, now.minus(Duration.ofDays(25)), now.plus(Duration.ofDays(5)), now);
    }

    private void promo(Caller owner, Member member, long points, Instant given, Instant expires, Instant now) {
        tx.executeWithoutResult(status -> ledger.credit(owner.tenant(), ledger.lock(owner.tenant(), member.id(), now),
                Credit.gift(points, given, expires, PROMO, null, "demo",
                        new Text("history.gift", Map.of("reason", PROMO))), now));
    }
}
