package io.kopilka.tenant;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The access matrix: who may call what. 401 without a valid key, 403 without the right. */
class AccessControlIT extends IntegrationTest {

    record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Api.Response call(String key, Call c) {
        return api.send(c.method(), key, c.path(), c.body(), Map.of());
    }

    /** One call of every kind the API has today (and PUT /program, which comes later). */
    private List<Call> everyEndpoint(String memberId, String keyId) {
        return List.of(
                new Call("POST", "/api/v1/tenants", Map.of("name", "X", "currency", "KZT", "timezone", "Asia/Almaty")),
                new Call("POST", "/api/v1/api-keys", Map.of("name", "k", "role", "pos")),
                new Call("GET", "/api/v1/api-keys", null),
                new Call("DELETE", "/api/v1/api-keys/" + keyId, null),
                new Call("POST", "/api/v1/stores", Map.of("code", "s" + UUID.randomUUID().toString().substring(0, 8))),
                new Call("GET", "/api/v1/stores", null),
                new Call("GET", "/api/v1/audit", null),
                new Call("GET", "/api/v1/notifications", null),
                new Call("GET", "/api/v1/notifications/" + UUID.randomUUID(), null),
                new Call("GET", "/api/v1/notifications/templates", null),
                new Call("PUT", "/api/v1/notifications/templates/welcome/ru/sms", Map.of("body", "{{cardNumber}}")),
                new Call("DELETE", "/api/v1/notifications/templates/welcome/ru/sms", null),
                new Call("POST", "/api/v1/notifications/templates/welcome/ru/sms/preview", Map.of()),
                new Call("PUT", "/api/v1/program", Map.of("welcomePoints", 100)),
                new Call("POST", "/api/v1/members", Map.of("phone", randomPhone())),
                new Call("GET", "/api/v1/members", null),
                new Call("GET", "/api/v1/members/" + memberId, null),
                new Call("GET", "/api/v1/members?phone=%2B77010000000", null),
                new Call("PATCH", "/api/v1/members/" + memberId, Map.of("name", "Changed")),
                new Call("POST", "/api/v1/members/" + memberId + "/card/reissue", null),
                new Call("POST", "/api/v1/transfers", Map.of("fromMemberId", memberId, "toMemberId", memberId,
                        "points", 1)),
                new Call("POST", "/api/v1/rewards", Map.of("name", "Gift", "kind", "gift")),
                new Call("GET", "/api/v1/rewards", null),
                new Call("GET", "/api/v1/rewards/" + UUID.randomUUID(), null),
                new Call("PUT", "/api/v1/rewards/" + UUID.randomUUID(), Map.of("name", "Gift", "kind", "gift")),
                new Call("DELETE", "/api/v1/rewards/" + UUID.randomUUID(), null),
                new Call("POST", "/api/v1/members/" + memberId + "/redemptions", Map.of("rewardId", keyId)),
                new Call("GET", "/api/v1/members/" + memberId + "/coupons", null),
                new Call("GET", "/api/v1/coupons/K7M2-9QXD-4TRW", null),
                new Call("POST", "/api/v1/coupons/K7M2-9QXD-4TRW/use", null),
                new Call("POST", "/api/v1/coupons/K7M2-9QXD-4TRW/cancel", null),
                new Call("POST", "/api/v1/causes", Map.of("name", "Trees", "unit",
                        Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "pointsPerUnit", 500)),
                new Call("GET", "/api/v1/causes", null),
                new Call("GET", "/api/v1/causes/" + UUID.randomUUID(), null),
                new Call("PUT", "/api/v1/causes/" + UUID.randomUUID(), Map.of("name", "Trees")),
                new Call("DELETE", "/api/v1/causes/" + UUID.randomUUID(), null),
                new Call("POST", "/api/v1/members/" + memberId + "/donations",
                        Map.of("causeId", UUID.randomUUID().toString(), "points", 1)),
                new Call("POST", "/api/v1/challenges", Map.of("name", "Stamps", "metric", "visits", "target", 6,
                        "reward", Map.of("points", 100))),
                new Call("GET", "/api/v1/challenges", null),
                new Call("GET", "/api/v1/challenges/" + UUID.randomUUID(), null),
                new Call("PUT", "/api/v1/challenges/" + UUID.randomUUID(), Map.of("name", "Stamps")),
                new Call("DELETE", "/api/v1/challenges/" + UUID.randomUUID(), null),
                new Call("GET", "/api/v1/members/" + memberId + "/challenges", null),
                new Call("GET", "/api/v1/members/" + memberId + "/consents", null),
                new Call("POST", "/api/v1/members/" + memberId + "/telegram-link", null),
                new Call("POST", "/api/v1/webhooks", Map.of("url", "https://93.184.215.14/hooks",
                        "events", List.of("purchase.created"))),
                new Call("GET", "/api/v1/webhooks", null),
                new Call("GET", "/api/v1/webhooks/" + UUID.randomUUID(), null),
                new Call("PATCH", "/api/v1/webhooks/" + UUID.randomUUID(), Map.of("enabled", false)),
                new Call("DELETE", "/api/v1/webhooks/" + UUID.randomUUID(), null),
                new Call("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/rotate-secret", null),
                new Call("GET", "/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries", null),
                new Call("POST", "/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries/" + UUID.randomUUID()
                        + "/retry", null),
                new Call("DELETE", "/api/v1/members/" + memberId, null));
    }

    @Test
    void posKeyReadsChallengesButCannotWriteThem() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        Map<String, Object> card = Map.of("name", "Stamps", "metric", "visits", "target", 6,
                "reward", Map.of("points", 100));
        Api.Response created = api.post(t.adminKey(), "/api/v1/challenges", card);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.get(pos, "/api/v1/challenges").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/challenges/" + id).status()).isEqualTo(200);
        assertProblem(api.post(pos, "/api/v1/challenges", card), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/challenges/" + id, card), 403, "forbidden");
        assertProblem(api.delete(pos, "/api/v1/challenges/" + id), 403, "forbidden");
        assertThat(api.get(t.adminKey(), "/api/v1/challenges/" + id).json().path("challenge").path("active")
                .asBoolean()).isTrue();
    }

    @Test
    void posKeyReadsTheCatalogAndServesCouponsButChangesNothingOfTheAdmins() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        String reward = api.post(t.adminKey(), "/api/v1/rewards", Map.of("name", "Gift", "kind", "gift",
                "costPoints", 10)).text("id");
        String member = newMember(t);
        api.post(t.adminKey(), "/api/v1/members/" + member + "/adjustments", Map.of("points", 100, "reason", "seed"));
        assertThat(api.get(pos, "/api/v1/rewards").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/rewards/" + reward).status()).isEqualTo(200);
        assertProblem(api.post(pos, "/api/v1/rewards", Map.of("name", "Mine", "kind", "gift")), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/rewards/" + reward, Map.of("name", "Mine", "kind", "gift")), 403,
                "forbidden");
        assertProblem(api.delete(pos, "/api/v1/rewards/" + reward), 403, "forbidden");
        Api.Response bought = api.post(pos, "/api/v1/members/" + member + "/redemptions", Map.of("rewardId", reward));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        String code = bought.json().path("coupon").path("code").asString();
        assertThat(api.get(pos, "/api/v1/members/" + member + "/coupons").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/coupons/" + code).status()).isEqualTo(200);
        assertProblem(api.post(pos, "/api/v1/coupons/" + code + "/cancel", null), 403, "forbidden");
        assertThat(api.post(pos, "/api/v1/coupons/" + code + "/use", null).status()).isEqualTo(200);
        assertThat(api.get(t.adminKey(), "/api/v1/rewards/" + reward).text("name")).isEqualTo("Gift");
    }

    @Test
    void onlyAnAdminMayEraseAMember() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        String member = newMember(t);
        assertProblem(api.delete(pos, "/api/v1/members/" + member), 403, "forbidden");
        assertThat(api.get(pos, "/api/v1/members/" + member).json().path("erased").asBoolean()).isFalse();
        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + member).status()).isEqualTo(204);
    }

    @Test
    void posKeyCannotManageKeysStoresOrTheProgram() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        String otherKeyId = api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "spare", "role", "pos")).text("id");

        assertProblem(api.post(pos, "/api/v1/api-keys", Map.of("name", "mine", "role", "admin")), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/api-keys", Map.of("name", "mine", "role", "pos")), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/api-keys"), 403, "forbidden");
        assertProblem(api.delete(pos, "/api/v1/api-keys/" + otherKeyId), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/stores", Map.of("code", "main")), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/program", Map.of("welcomePoints", 100)), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/program"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/audit"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/notifications"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/notifications/" + UUID.randomUUID()), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/notifications/templates/welcome/ru/sms", Map.of("body", "{{cardNumber}}")),
                403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/notifications/templates/welcome/ru/sms/preview", Map.of()), 403,
                "forbidden");
        assertProblem(api.get(pos, "/api/v1/engagement/at-risk"), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/webhooks", Map.of("url", "https://93.184.215.14/hooks",
                "events", List.of("*"))), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/webhooks"), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/jobs/birthday/run", Map.of()), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/jobs/nightly/run", Map.of()), 403, "forbidden");

        // Nothing of it happened: the spare key still works, no store, no extra key.
        Api.Response keys = api.get(t.adminKey(), "/api/v1/api-keys");
        assertThat(keys.json().path("items")).hasSize(3);
        keys.json().path("items").forEach(k -> assertThat(k.path("revokedAt").isNull()).isTrue());
        assertThat(api.get(t.adminKey(), "/api/v1/stores").json().path("items")).isEmpty();
        assertThat(api.get(t.adminKey(), "/api/v1/audit?objectType=store").json().path("items")).isEmpty();
    }

    @Test
    void posKeyServesTheTill() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        Api.Response created = api.post(pos, "/api/v1/members", Map.of("phone", randomPhone()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.get(pos, "/api/v1/members/" + id).status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/members?phone=" + enc(created.text("phone"))).text("id")).isEqualTo(id);
        assertThat(api.get(pos, "/api/v1/members?card=" + created.text("cardNumber")).text("id")).isEqualTo(id);
        // Look-ups are the till's; the list of every member's phone and e-mail is not.
        assertProblem(api.get(pos, "/api/v1/members"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/members?limit=10"), 403, "forbidden");
        assertThat(api.get(t.adminKey(), "/api/v1/members").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/members/" + id + "/balance").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/members/" + id + "/history").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/members/" + id + "/badges").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/members/" + id + "/referrals").status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/stores").status()).isEqualTo(200);
        // The till shows a Telegram start link (this tenant has no bot: 409, not 403); the consent history is the admin's.
        assertProblem(api.post(pos, "/api/v1/members/" + id + "/telegram-link", null), 409, "telegram_not_configured");
        assertProblem(api.get(pos, "/api/v1/members/" + id + "/consents"), 403, "forbidden");
    }

    /**
     * Regression (defect 9, ApiSecurityConfiguration): a pos key could change a member's phone or
     * e-mail, reissue the card and move points between any two members, so a leaked till key could
     * take over an account and drain points into one it controls. The contract gives pos none of
     * this: 403 forbidden, nothing written, and an admin key still does all three.
     */
    @Test
    void posKeyCannotEditMembersReissueCardsOrTransferPoints() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        Api.Response victim = newMember(t, Map.of("phone", randomPhone(), "email", "victim@example.kz"));
        String alice = victim.text("id");
        String bob = newMember(t);
        assertThat(api.post(t.adminKey(), "/api/v1/members/" + alice + "/adjustments",
                Map.of("points", 500, "reason", "seed")).status()).isEqualTo(201);
        Api.Response before = api.get(t.adminKey(), "/api/v1/members/" + alice);

        assertProblem(api.patch(pos, "/api/v1/members/" + alice, Map.of("phone", randomPhone())), 403, "forbidden");
        assertProblem(api.patch(pos, "/api/v1/members/" + alice, Map.of("email", "thief@example.kz")), 403,
                "forbidden");
        assertProblem(api.patch(pos, "/api/v1/members/" + alice, Map.of("name", "Changed")), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/members/" + alice + "/card/reissue", null), 403, "forbidden");
        assertProblem(api.send("POST", pos, "/api/v1/members/" + alice + "/card/reissue", null,
                Map.of("Idempotency-Key", "steal-card")), 403, "forbidden");
        Map<String, Object> drain = Map.of("fromMemberId", alice, "toMemberId", bob, "points", 500);
        assertProblem(api.post(pos, "/api/v1/transfers", drain), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/transfers", drain, "drain-1"), 403, "forbidden");
        assertProblem(api.post(pos, "/api/v1/members/" + alice + "/adjustments", Map.of("points", -500,
                "reason", "drain")), 403, "forbidden");
        // Giving is the till's only within its key's daily gift limit, which the program sets (0 here).
        assertProblem(api.post(pos, "/api/v1/members/" + bob + "/gifts", Map.of("points", 500, "reason", "x")), 403,
                "gift_limit_exceeded");
        assertProblem(api.post(pos, "/api/v1/members/" + bob + "/adjustments", Map.of("points", 500,
                "reason", "x")), 403, "gift_limit_exceeded");

        // Nothing of it happened: the same member (phone, e-mail, card), the points where they were.
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + alice).json()).isEqualTo(before.json());
        assertThat(api.get(t.adminKey(), "/api/v1/members?card=" + before.text("cardNumber")).text("id"))
                .isEqualTo(alice);
        assertThat(available(t, alice)).isEqualTo(500);
        assertThat(available(t, bob)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM transfer WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM member_card WHERE tenant_id = :t AND member_id = :m")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(alice)).query(Long.class).single())
                .isEqualTo(1);

        // The admin key still does all three.
        String phone = randomPhone();
        Api.Response patched = api.patch(t.adminKey(), "/api/v1/members/" + alice,
                Map.of("phone", phone, "email", "new@example.kz"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("phone")).isEqualTo(phone);
        assertThat(patched.text("email")).isEqualTo("new@example.kz");
        Api.Response reissued = api.post(t.adminKey(), "/api/v1/members/" + alice + "/card/reissue", null);
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(200);
        assertThat(reissued.text("cardNumber")).isNotEqualTo(before.text("cardNumber"));
        Api.Response moved = api.post(t.adminKey(), "/api/v1/transfers",
                Map.of("fromMemberId", alice, "toMemberId", bob, "points", 200));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        assertThat(available(t, alice)).isEqualTo(300);
        assertThat(available(t, bob)).isEqualTo(200);
    }

    private long available(TestTenant t, String member) {
        return api.get(t.adminKey(), "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    @Test
    void platformKeyMayOnlyCreateTenants() {
        TestTenant t = newTenant();
        String memberId = newMember(t);
        String keyId = api.get(t.adminKey(), "/api/v1/api-keys").json().path("items").get(0).path("id").asString();

        for (Call c : everyEndpoint(memberId, keyId)) {
            Api.Response r = call(PLATFORM_KEY, c);
            if (c.path().equals("/api/v1/tenants")) {
                assertThat(r.status()).as(c + " -> " + r).isEqualTo(201);
            } else {
                assertProblem(r, 403, "forbidden");
            }
        }
        // The tenant's member was neither changed nor erased by the refused calls.
        Api.Response member = api.get(t.adminKey(), "/api/v1/members/" + memberId);
        assertThat(member.json().path("name").isNull()).isTrue();
        assertThat(member.json().path("erased").asBoolean()).isFalse();
    }

    @Test
    void adminKeyCannotCreateTenants() {
        TestTenant t = newTenant();
        assertProblem(api.post(t.adminKey(), "/api/v1/tenants",
                Map.of("name", "Sneaky", "currency", "KZT", "timezone", "Asia/Almaty")), 403, "forbidden");
        String pos = newKey(t, "pos");
        assertProblem(api.post(pos, "/api/v1/tenants",
                Map.of("name", "Sneaky", "currency", "KZT", "timezone", "Asia/Almaty")), 403, "forbidden");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant WHERE name = 'Sneaky'").query(Long.class).single()).isZero();
    }

    @Test
    void noKeyIsUnauthorizedEverywhere() {
        TestTenant t = newTenant();
        String memberId = newMember(t);
        for (Call c : everyEndpoint(memberId, UUID.randomUUID().toString())) {
            assertProblem(call(null, c), 401, "unauthorized");
        }
        assertProblem(api.get(null, "/api/v1/no-such-thing"), 401, "unauthorized");
    }

    @Test
    void wrongKeysAreUnauthorized() {
        TestTenant t = newTenant();
        TestTenant other = newTenant();
        String memberId = newMember(t);
        String hex = t.id().replace("-", "");
        String otherHex = other.id().replace("-", "");
        List<String> wrong = List.of(
                "nonsense",
                "kp_" + hex + "_" + "A".repeat(32),                        // right tenant, made-up secret
                t.adminKey() + "x",                                        // one character too many
                t.adminKey().substring(0, t.adminKey().length() - 1),      // one too few
                t.adminKey().replace(hex, otherHex),                       // the secret under another tenant
                PLATFORM_KEY + "x",
                "kpp_" + "A".repeat(40));
        for (String key : wrong) {
            assertProblem(api.get(key, "/api/v1/members/" + memberId), 401, "unauthorized");
            assertProblem(api.post(key, "/api/v1/tenants",
                    Map.of("name", "X", "currency", "KZT", "timezone", "Asia/Almaty")), 401, "unauthorized");
        }
        // Not a bearer token at all.
        assertProblem(api.send("GET", null, "/api/v1/members", null,
                Map.of("Authorization", "Basic " + t.adminKey())), 401, "unauthorized");
        assertProblem(api.send("GET", null, "/api/v1/members", null,
                Map.of("Authorization", t.adminKey())), 401, "unauthorized");
        // The right key still works, so the 401s above were about the keys.
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + memberId).status()).isEqualTo(200);
    }

    @Test
    void revokedKeyIsUnauthorizedAtOnce() {
        TestTenant t = newTenant();
        Api.Response issued = api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos"));
        String pos = issued.text("key");
        assertThat(api.get(pos, "/api/v1/stores").status()).isEqualTo(200); // now cached as valid

        assertThat(api.delete(t.adminKey(), "/api/v1/api-keys/" + issued.text("id")).status()).isEqualTo(204);

        assertProblem(api.get(pos, "/api/v1/members"), 401, "unauthorized");
        assertProblem(api.post(pos, "/api/v1/members", Map.of("phone", randomPhone())), 401, "unauthorized");
        assertThat(memberRows(t)).isZero();
    }

    @Test
    void revokedAdminKeyLosesItsPowersToo() {
        TestTenant t = newTenant();
        String secondAdmin = newKey(t, "admin");
        String firstId = api.get(t.adminKey(), "/api/v1/api-keys").json().path("items").get(0).path("id").asString();
        assertThat(api.delete(secondAdmin, "/api/v1/api-keys/" + firstId).status()).isEqualTo(204);
        assertProblem(api.get(t.adminKey(), "/api/v1/api-keys"), 401, "unauthorized");
        assertThat(api.get(secondAdmin, "/api/v1/api-keys").status()).isEqualTo(200);
    }
}
