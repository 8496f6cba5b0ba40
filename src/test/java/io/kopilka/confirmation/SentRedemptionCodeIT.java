package io.kopilka.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Role;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The code sent to a member who has no wallet at hand, through the notification module's in-app mailbox
 * (so e-mail counts as configured): five minutes, five tries, good once, and a new one replaces the old.
 */
@TestPropertySource(properties = "kopilka.notifications.mailbox=true")
class SentRedemptionCodeIT extends IntegrationTest {
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b([0-9]{6})\\b");
    @Autowired
    RedemptionConfirmations confirmations;

    private record Who(TenantId tenant, MemberId member, Caller cashier) {
    }

    private Who member() {
        TestTenant t = newTenant();
        String id = newMember(t, Map.of("email", "m-" + UUID.randomUUID() + "@example.test",
                "consents", Map.of("email", true))).text("id");
        TenantId tenant = new TenantId(UUID.fromString(t.id()));
        return new Who(tenant, new MemberId(UUID.fromString(id)),
                new Caller(tenant, Role.POS, null, null, "till", UUID.randomUUID()));
    }

    private String lastCode(Who w) {
        List<String> bodies = jdbc.sql("""
                SELECT body FROM notification WHERE tenant_id = :t AND member_id = :m AND kind = 'login_code'
                ORDER BY created_at DESC, id DESC""")
                .param("t", w.tenant().value()).param("m", w.member().value()).query(String.class).list();
        assertThat(bodies).isNotEmpty();
        Matcher m = SIX_DIGITS.matcher(bodies.getFirst());
        assertThat(m.find()).as(bodies.getFirst()).isTrue();
        return m.group(1);
    }

    @Test
    void aSentCodeIsGoodOnceWithinFiveMinutesAndANewOneReplacesIt() {
        Who w = member();
        confirmations.sendCode(w.cashier(), w.member());
        String first = lastCode(w);
        clock.advance(Duration.ofSeconds(1));
        confirmations.sendCode(w.cashier(), w.member());
        String second = lastCode(w);
        if (!first.equals(second)) {
            assertThat(confirmations.confirm(w.tenant(), w.member(), first, clock.instant())).as("replaced").isFalse();
        }
        assertThat(confirmations.confirm(w.tenant(), w.member(), second, clock.instant())).isTrue();
        assertThat(confirmations.confirm(w.tenant(), w.member(), second, clock.instant())).as("good once").isFalse();

        clock.advance(Duration.ofSeconds(1));
        confirmations.sendCode(w.cashier(), w.member());
        String late = lastCode(w);
        clock.advance(Duration.ofMinutes(5));
        assertThat(confirmations.confirm(w.tenant(), w.member(), late, clock.instant())).as("expired").isFalse();
    }

    @Test
    void aMemberWithoutAReachableChannelGetsNoCode() {
        TestTenant t = newTenant();
        TenantId tenant = new TenantId(UUID.fromString(t.id()));
        MemberId member = new MemberId(UUID.fromString(newMember(t)));
        assertThatThrownBy(() -> confirmations.sendCode(new Caller(tenant, Role.POS, null, null, "till",
                UUID.randomUUID()), member)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("code_undeliverable"));
    }
}
