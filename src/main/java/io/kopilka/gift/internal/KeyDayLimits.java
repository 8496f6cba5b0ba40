package io.kopilka.gift.internal;

import io.kopilka.gift.GiftLimits;
import io.kopilka.program.Programs;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The daily limit in table {@code gift_key_day}: one counter per pos key and day of the tenant's zone. */
@Component
class KeyDayLimits implements GiftLimits {
    private final JdbcClient jdbc;
    private final Programs programs;
    private final Tenants tenants;

    KeyDayLimits(JdbcClient jdbc, Programs programs, Tenants tenants) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.tenants = tenants;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(Caller caller, long points, Instant now) {
        // A till key's limit is the key's, a cashier's is the cashier's own (the two ids never meet).
        UUID giver = caller.keyId() != null ? caller.keyId() : caller.staffId();
        if (caller.isAdmin() || giver == null) {
            return;
        }
        long limit = programs.of(caller.tenant()).staffGifts().pointsPerKeyPerDay();
        LocalDate day = LocalDate.ofInstant(now, tenants.get(caller.tenant()).timezone());
        // The check and the raise are one statement: the row's lock orders concurrent gifts of the
        // key, and each sees the sum the one before it left.
        int raised = points > limit ? 0 : jdbc.sql("""
                INSERT INTO gift_key_day AS g (tenant_id, key_id, day, given) VALUES (:tenant, :key, :day, :points)
                ON CONFLICT (tenant_id, key_id, day) DO UPDATE SET given = g.given + EXCLUDED.given
                WHERE g.given + EXCLUDED.given <= :limit""")
                .param("tenant", caller.tenant().value()).param("key", giver).param("day", day)
                .param("points", points).param("limit", limit).update();
        if (raised == 0) {
            long given = jdbc.sql("""
                    SELECT COALESCE(MAX(given), 0) FROM gift_key_day
                    WHERE tenant_id = :tenant AND key_id = :key AND day = :day""")
                    .param("tenant", caller.tenant().value()).param("key", giver).param("day", day)
                    .query(Long.class).single();
            long remaining = Math.max(0, limit - given);
            throw new ApiProblem(403, "gift_limit_exceeded", "This key may give " + remaining + " more points today"
                    + " (its daily limit is " + limit + ")", List.of(),
                    Map.of("remaining", remaining, "limit", limit));
        }
    }
}
