package io.kopilka.webhook;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions' API in the shared context, where private addresses are refused (the default). Its
 * URLs are public address literals that nothing here ever calls: the tests do not run the dispatcher.
 */
class WebhookApiIT extends IntegrationTest {
    static final String PUBLIC_URL = "https://93.184.215.14/hooks";

    private long rows(TestTenant t, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(Long.class).single();
    }

    private void store(TestTenant t) {
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent",
                "percent", "5")).status()).isEqualTo(201);
    }

    private void buy(TestTenant t, String member) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void anAdminSubscribesSeesChangesAndDeletes() {
        TestTenant t = newTenant();
        Api.Response created = api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("purchase.created", "points.expiring"), "description", "CRM"), "wh-1");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("secret")).startsWith("whsec_");
        assertThat(created.text("status")).isEqualTo("active");
        assertThat(created.text("createdAt")).endsWith("+05:00");
        String id = created.text("id");
        assertThat(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("purchase.created", "points.expiring"), "description", "CRM"), "wh-1").status())
                .as("replayed").isEqualTo(200);
        assertThat(rows(t, "webhook_subscription")).isEqualTo(1);

        Api.Response got = api.get(t.adminKey(), "/api/v1/webhooks/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("secret").isNull()).as("the secret is shown at creation only").isTrue();
        assertThat(got.json().path("events").toString()).isEqualTo("[\"purchase.created\",\"points.expiring\"]");
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks").json().path("items").size()).isEqualTo(1);

        Api.Response disabled = api.patch(t.adminKey(), "/api/v1/webhooks/" + id, Map.of("enabled", false,
                "events", List.of("*")));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.text("status")).isEqualTo("disabled");
        assertThat(disabled.text("disabledReason")).isEqualTo("disabled by its owner");
        Api.Response enabled = api.patch(t.adminKey(), "/api/v1/webhooks/" + id, Map.of("enabled", true));
        assertThat(enabled.text("status")).isEqualTo("active");
        assertThat(enabled.json().path("disabledReason").isNull()).isTrue();

        Api.Response rotated = api.post(t.adminKey(), "/api/v1/webhooks/" + id + "/rotate-secret", null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(created.text("secret"));
        assertThat(rotated.text("previousSecretExpiresAt")).isNotBlank();
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items").size())
                .isZero();
        long audited = jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND object_type = 'webhook'")
                .param("t", UUID.fromString(t.id())).query(Long.class).single();
        assertThat(audited).isEqualTo(4);

        assertThat(api.delete(t.adminKey(), "/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertProblem(api.get(t.adminKey(), "/api/v1/webhooks/" + id), 404, "not_found");
        assertThat(rows(t, "webhook_subscription")).isZero();
    }

    @Test
    void aLoopbackOrPrivateUrlIsRefusedWithoutTheSetting() {
        TestTenant t = newTenant();
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
                "http://[::1]/", "http://169.254.169.254/latest/meta-data", "http://100.64.1.1/",
                "http://[::ffff:192.168.0.1]/")) {
            assertProblem(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", url,
                    "events", List.of("purchase.created"))), 422, "webhook_url_not_allowed");
        }
        String id = api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("*"))).text("id");
        assertProblem(api.patch(t.adminKey(), "/api/v1/webhooks/" + id, Map.of("url", "http://192.168.1.1/")),
                422, "webhook_url_not_allowed");
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks/" + id).text("url")).isEqualTo(PUBLIC_URL);
        assertThat(rows(t, "webhook_subscription")).isEqualTo(1);
    }

    @Test
    void badBodiesWriteNothing() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("purchase.made"))), "events");
        assertInvalid(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of())), "events");
        assertInvalid(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", "ftp://example.com/x",
                "events", List.of("*"))), "url");
        assertInvalid(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", "https://user:pw@93.184.215.14/",
                "events", List.of("*"))), "url");
        assertInvalid(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("events", List.of("*"))), "url");
        assertInvalid(api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", "/relative",
                "events", List.of("coupon.used", "coupon.used"))), "url", "events");
        assertThat(api.post(t.adminKey(), "/api/v1/webhooks", "{\"url\": ").status()).isEqualTo(400);
        assertThat(rows(t, "webhook_subscription")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND object_type = 'webhook'")
                .param("t", UUID.fromString(t.id())).query(Long.class).single()).isZero();
    }

    @Test
    void anotherTenantsWebhookIsNotFoundAndAPosKeyIsRefused() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String id = api.post(a.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("*"))).text("id");
        for (Api.Response r : List.of(api.get(b.adminKey(), "/api/v1/webhooks/" + id),
                api.patch(b.adminKey(), "/api/v1/webhooks/" + id, Map.of("enabled", false)),
                api.delete(b.adminKey(), "/api/v1/webhooks/" + id),
                api.post(b.adminKey(), "/api/v1/webhooks/" + id + "/rotate-secret", null),
                api.get(b.adminKey(), "/api/v1/webhooks/" + id + "/deliveries"),
                api.post(b.adminKey(), "/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry",
                        null))) {
            assertProblem(r, 404, "not_found");
        }
        assertThat(api.get(b.adminKey(), "/api/v1/webhooks").json().path("items").size()).isZero();
        String pos = newKey(a, "pos");
        assertProblem(api.post(pos, "/api/v1/webhooks", Map.of("url", PUBLIC_URL, "events", List.of("*"))),
                403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/webhooks"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/webhooks/" + id), 403, "forbidden");
        assertProblem(api.delete(pos, "/api/v1/webhooks/" + id), 403, "forbidden");
        assertThat(api.get(a.adminKey(), "/api/v1/webhooks/" + id).text("status")).isEqualTo("active");
    }

    @Test
    void aTenantWithoutSubscriptionsWritesNoDeliveryAndOneWithOneDoes() {
        TestTenant without = newTenant();
        store(without);
        buy(without, newMember(without));
        assertThat(rows(without, "webhook_delivery")).isZero();

        TestTenant with = newTenant();
        store(with);
        String member = newMember(with);
        String id = api.post(with.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("purchase.created", "points.earned"))).text("id");
        buy(with, member);
        assertThat(rows(with, "webhook_delivery")).as("purchase.created and points.earned").isEqualTo(2);
        var items = api.get(with.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("status").asString()).isEqualTo("pending");
        assertThat(items.get(0).path("eventId").asString()).startsWith("msg_");

        api.patch(with.adminKey(), "/api/v1/webhooks/" + id, Map.of("enabled", false));
        buy(with, member);
        assertThat(rows(with, "webhook_delivery")).as("a disabled subscription gets nothing").isEqualTo(2);
    }
}
