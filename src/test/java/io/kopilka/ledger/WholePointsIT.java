package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Points are JSON integers: a number with a fraction is a wrong type, refused, and nothing is written. */
class WholePointsIT extends IntegrationTest {

    @Test
    void textWhereANumberBelongsIsRefused() {
        TestTenant t = newTenant();
        String key = t.adminKey();
        String member = newMember(t);
        String other = newMember(t);
        assertThat(api.post(key, "/api/v1/members/" + member + "/adjustments", "{\"points\": \"ten\", \"reason\": \"x\"}")
                .status()).isEqualTo(400);
        assertThat(api.post(key, "/api/v1/transfers",
                "{\"fromMemberId\": \"" + member + "\", \"toMemberId\": \"" + other + "\", \"points\": \"ten\"}").status())
                .isEqualTo(400);
        assertThat(api.get(key, "/api/v1/members/" + member + "/history").json().path("items").size()).isZero();
    }

    @Test
    void aFractionOfAPointIsRefusedNotTruncated() {
        TestTenant t = newTenant();
        String key = t.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        String member = newMember(t);
        String other = newMember(t);
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 100, "reason", "seed"));

        Api.Response adjust = api.post(key, "/api/v1/members/" + member + "/adjustments",
                "{\"points\": 10.7, \"reason\": \"x\"}");
        Api.Response transfer = api.post(key, "/api/v1/transfers",
                "{\"fromMemberId\": \"" + member + "\", \"toMemberId\": \"" + other + "\", \"points\": 5.9}");
        Api.Response purchase = api.post(key, "/api/v1/purchases", "{\"externalId\": \"p1\", \"storeCode\": \"main\", "
                + "\"member\": {\"id\": \"" + member + "\"}, \"redeemPoints\": 20.5, "
                + "\"items\": [{\"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"1000\"}]}");

        assertThat(List.of(adjust, transfer, purchase)).allSatisfy(r ->
                assertThat(r.status()).as(r.toString()).isIn(400, 422));
        assertThat(api.get(key, "/api/v1/members/" + member + "/balance").json().path("available").asLong())
                .isEqualTo(100);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }
}
