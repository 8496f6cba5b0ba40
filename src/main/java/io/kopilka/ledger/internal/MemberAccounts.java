package io.kopilka.ledger.internal;

import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.member.MemberJoined;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.tenant.Tenants;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens a member's account as they join, in the same transaction, and gives the welcome bonus when
 * the program has one: an earning like any other, with a lot, an entry and an expiry date.
 */
@Component
class MemberAccounts {
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Programs programs;
    private final Tenants tenants;

    MemberAccounts(JdbcClient jdbc, Ledger ledger, Programs programs, Tenants tenants) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.programs = programs;
        this.tenants = tenants;
    }

    // A plain, synchronous @EventListener, not an @ApplicationModuleListener: the account must exist
    // when the joining transaction commits (a purchase may follow at once), and a failure here must
    // roll the member back too. So no publication is stored for this listener; it cannot be owed.
    // First of the join's listeners: others (a birthday on the day of joining) write to this account.
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(MemberJoined joined) {
        jdbc.sql("""
                INSERT INTO points_account (tenant_id, member_id, balance, last_activity_at)
                VALUES (:tenant, :member, 0, :at)""")
                .param("tenant", joined.tenant().value()).param("member", joined.member().value())
                .param("at", Timestamp.from(joined.at())).update();
        Program program = programs.of(joined.tenant());
        if (program.welcomePoints() > 0) {
            var zone = tenants.get(joined.tenant()).timezone();
            // The account was opened just now, in this transaction: nobody else can see it to lock it.
            ledger.credit(joined.tenant(), LockedAccount.opened(joined.member(), joined.at()),
                    Credit.welcome(program.welcomePoints(), joined.at(),
                            program.expiry().expiresAt(joined.at(), zone).orElse(null)), joined.at());
        }
    }
}
