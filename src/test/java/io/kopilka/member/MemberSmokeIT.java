package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberSmokeIT extends IntegrationTest {
    @Test
    void createsAndFindsAMember() {
        TestTenant t = newTenant();
        var created = api.post(t.adminKey(), "/api/v1/members", Map.of("phone", "8 701 999 45 67"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("phone")).isEqualTo("+77019994567");
        var found = api.get(t.adminKey(), "/api/v1/members?phone=%2B77019994567");
        assertThat(found.text("id")).isEqualTo(created.text("id"));
    }
}
