package io.kopilka.web.till.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /till/offline/purchases}, the purchases a till kept while offline: recorded once per
 * externalId at the cashier's own store, answered the same when sent again, refused without a session
 * or a CSRF token, never spending points or coupons, and blind to another business's cards.
 */
class OfflinePurchaseIT extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/till/offline/purchases";

    private TestTenant tenant;
    private String memberId;
    private String card;
    private Screens cashier;

    @BeforeEach
    void aCashierAtOneStoreAndAMemberWithACard() {
        tenant = newTenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "dostyk", "name", "Dostyk")).status())
                .isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/rules", Map.of("name", "10% back", "kind", "points_percent",
                "percent", "10")).status()).isEqualTo(201);
        Api.Response member = newMember(tenant, Map.of("phone", randomPhone()));
        memberId = member.text("id");
        card = member.text("cardNumber");
        cashier = Screens.signedIn(port, tenant.adminKey(), "cashier", List.of("dostyk"));
        // A page with the session's CSRF token, as the till's page has (the sign-in form shows it when asked with
        // a parameter, even to someone signed in).
        cashier.get("/login?lang=ru");
    }

    private static String body(Object... keysAndValues) {
        return JSON.writeValueAsString(json(keysAndValues));
    }

    private String purchase(String externalId, Object amount) {
        return body("externalId", externalId, "card", card, "amount", amount, "createdAt", "2026-11-22T13:30:00+05:00");
    }

    private long purchases(TestTenant owner) {
        return jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :tenant")
                .param("tenant", UUID.fromString(owner.id())).query(Long.class).single();
    }

    private static JsonNode json(Screens.Page page) {
        return JSON.readTree(page.body());
    }

    @Test
    void aQueuedPurchaseIsRecordedAtTheCashiersStoreAndASecondSendingAnswersTheSameWithoutRecordingAgain() {
        String externalId = "till-" + UUID.randomUUID();
        var first = cashier.postJson(PATH, purchase(externalId, "4500.50"), true);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(json(first).path("externalId").asString()).isEqualTo(externalId);
        assertThat(json(first).path("payable").asString()).isEqualTo("4500.50");
        assertThat(json(first).path("pointsEarned").asLong()).isEqualTo(450);
        assertThat(json(first).path("balance").path("available").asLong()).isEqualTo(450);

        var again = cashier.postJson(PATH, purchase(externalId, "4500.50"), true);
        assertThat(again.status()).isEqualTo(200);
        assertThat(json(again)).isEqualTo(json(first));

        assertThat(purchases(tenant)).isEqualTo(1);
        JsonNode history = api.get(tenant.adminKey(), "/api/v1/members/" + memberId + "/history").json().path("items");
        assertThat(history.findValuesAsString("type")).containsExactly("earn");
        assertThat(jdbc.sql("SELECT store_code FROM purchase WHERE tenant_id = :tenant")
                .param("tenant", UUID.fromString(tenant.id())).query(String.class).single()).isEqualTo("dostyk");
        // It happened when the cashier took it, not when it was sent.
        assertThat(jdbc.sql("SELECT occurred_at = TIMESTAMPTZ '2026-11-22T13:30:00+05:00' FROM purchase "
                + "WHERE tenant_id = :tenant").param("tenant", UUID.fromString(tenant.id())).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void anAmountSentAsAJsonNumberIsTakenAsWell() {
        var sent = cashier.postJson(PATH, purchase("till-" + UUID.randomUUID(), 1200), true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(json(sent).path("pointsEarned").asLong()).isEqualTo(120);
    }

    @Test
    void anUnknownCardIsRefusedAndNothingIsWritten() {
        var sent = cashier.postJson(PATH, body("externalId", "till-" + UUID.randomUUID(), "card", "99999999999",
                "amount", "100"), true);
        // Not a card number at all (its check digit is wrong) is 422, as in the API; a real one nobody has, 404.
        assertThat(sent.status()).as(sent.body()).isIn(404, 422);
        assertThat(sent.header("Content-Type")).startsWith("application/problem+json");
        assertThat(purchases(tenant)).isZero();
    }

    @Test
    void anotherBusinesssCardIsNotFoundThere() {
        TestTenant other = newTenant();
        String theirCard = newMember(other, Map.of("phone", randomPhone())).text("cardNumber");
        var sent = cashier.postJson(PATH, body("externalId", "till-" + UUID.randomUUID(), "card", theirCard,
                "amount", "100"), true);
        assertThat(sent.status()).isEqualTo(404);
        assertThat(json(sent).path("code").asString()).isEqualTo("not_found");
        assertThat(purchases(tenant)).isZero();
        assertThat(purchases(other)).isZero();
    }

    @Test
    void pointsAndCouponsAreNeverSpentOnThisPath() {
        var redeem = cashier.postJson(PATH, body("externalId", "till-" + UUID.randomUUID(), "card", card,
                "amount", "1000", "redeemPoints", 100), true);
        assertThat(redeem.status()).isEqualTo(422);
        assertThat(json(redeem).path("code").asString()).isEqualTo("needs_network");
        var coupon = cashier.postJson(PATH, body("externalId", "till-" + UUID.randomUUID(), "card", card,
                "amount", "1000", "couponCodes", List.of("K7M2-9QXD-4T")), true);
        assertThat(coupon.status()).isEqualTo(422);
        assertThat(purchases(tenant)).isZero();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        for (String bad : List.of(purchase("till-" + UUID.randomUUID(), "-5"),
                purchase("till-" + UUID.randomUUID(), "0"),
                purchase("till-" + UUID.randomUUID(), "lots"),
                purchase("", "100"),
                body("externalId", "till-" + UUID.randomUUID(), "amount", "100"),
                body("externalId", "till-" + UUID.randomUUID(), "card", card),
                "{not json", "[]")) {
            var sent = cashier.postJson(PATH, bad, true);
            assertThat(sent.status()).as(bad + " → " + sent.body()).isIn(400, 422);
            assertThat(sent.header("Content-Type")).as(bad).startsWith("application/problem+json");
        }
        assertThat(purchases(tenant)).isZero();
    }

    @Test
    void aPurchaseKeptAtAnotherStoreIsRefusedHere() {
        // The queue outlives a sign-out: a cashier of another store signing in on the device sends it.
        var sent = cashier.postJson(PATH, body("externalId", "till-" + UUID.randomUUID(), "card", card, "amount", "100",
                "storeCode", "abaya"), true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(422);
        assertThat(json(sent).path("code").asString()).isEqualTo("other_store");
        var here = cashier.postJson(PATH, body("externalId", "till-" + UUID.randomUUID(), "card", card, "amount", "100",
                "storeCode", "dostyk"), true);
        assertThat(here.status()).as(here.body()).isEqualTo(201);
        assertThat(purchases(tenant)).isEqualTo(1);
    }

    @Test
    void anAccountNotFixedToOneStoreHasNoStoreToRecordAt() {
        // An owner may open the till too, but works at every store: which one sold is not known.
        Screens owner = Screens.signedIn(port, tenant.adminKey(), "owner", null);
        owner.get("/login?lang=ru");
        var sent = owner.postJson(PATH, purchase("till-" + UUID.randomUUID(), "100"), true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(422);
        assertThat(json(sent).path("code").asString()).isEqualTo("no_home_store");
        assertThat(purchases(tenant)).isZero();
    }

    @Test
    void withoutTheCsrfTokenItIsRefused() {
        var sent = cashier.postJson(PATH, purchase("till-" + UUID.randomUUID(), "100"), false);
        assertThat(sent.status()).isEqualTo(403);
        assertThat(purchases(tenant)).isZero();
    }

    @Test
    void withoutAStaffSessionItIsRefused() {
        var stranger = new Screens(port);
        stranger.get("/login?lang=ru");
        var sent = stranger.postJson(PATH, purchase("till-" + UUID.randomUUID(), "100"), true);
        assertThat(sent.status()).isIn(302, 401, 403);
        if (sent.status() == 302) {
            assertThat(sent.location()).contains("/login");
        }
        // A till's API key is no session either: this path is the screens'.
        var withKey = api.send("POST", newKey(tenant, "pos"), PATH, json("externalId", "till-" + UUID.randomUUID(),
                "card", card, "amount", "100"), Map.of());
        assertThat(withKey.status()).isIn(302, 401, 403);
        assertThat(purchases(tenant)).isZero();
    }

    @Test
    void theWorkerAndTheManifestAreServedToEveryoneWithWhatAnInstalledTillNeeds() {
        var stranger = new Screens(port);
        var worker = stranger.get(TillAppFiles.WORKER);
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.header("Content-Type")).startsWith("text/javascript");
        assertThat(worker.header("Service-Worker-Allowed")).isEqualTo("/till");
        assertThat(worker.body()).contains("addEventListener(\"fetch\"");

        var manifest = stranger.get(TillAppFiles.MANIFEST + "?lang=ru");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
        JsonNode app = json(manifest);
        assertThat(app.path("start_url").asString()).isEqualTo("/till");
        assertThat(app.path("display").asString()).isEqualTo("standalone");
        assertThat(app.path("theme_color").asString()).isEqualTo("#0b6e4f");
        assertThat(app.path("short_name").asString()).isEqualTo("Касса");
        for (JsonNode icon : app.path("icons")) {
            assertThat(stranger.get(icon.path("src").asString()).status()).as(icon.toString()).isEqualTo(200);
        }
        assertThat(stranger.get("/vendor/zxing/zxing-library-0.23.0.min.js").status()).isEqualTo(200);
    }
}
