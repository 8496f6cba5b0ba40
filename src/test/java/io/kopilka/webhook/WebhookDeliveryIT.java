package io.kopilka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.webhook.internal.WebhookDispatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries to a real receiver on 127.0.0.1, which only a server run with allow-private may call (a
 * context of its own). The test drives time and the dispatcher; nothing waits.
 */
@TestPropertySource(properties = "kopilka.webhooks.allow-private=true")
class WebhookDeliveryIT extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String id, String timestamp, String signature, String userAgent, String body) {
    }

    @Autowired
    WebhookDispatcher dispatcher;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;

    @BeforeEach
    void receive() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), h.getFirst("user-agent"), body));
            Integer answer = answers.poll();
            exchange.sendResponseHeaders(answer == null ? otherwise : answer, -1);
            exchange.close();
        });
        receiver.start();
        dispatcher.deliverDue(); // whatever an earlier test left due
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private TestTenant shop() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent",
                "percent", "5")).status()).isEqualTo(201);
        return t;
    }

    private Api.Response subscribe(TestTenant t, String... events) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", url(), "events", List.of(events)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private String buy(TestTenant t, String member) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    /** What a receiver does: recompute each signature from the secret and find one that matches. */
    private static boolean verifies(Received r, String secret) {
        String expected = WebhookSignature.sign(secret, r.id(), Long.parseLong(r.timestamp()), r.body());
        return List.of(r.signature().split(" ")).contains(expected);
    }

    private static String independentSignature(String secret, String id, String timestamp, String body)
            throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring(6)),
                "HmacSHA256"));
        return "v1," + java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgainUntilItAnswers() throws Exception {
        TestTenant t = shop();
        String member = newMember(t);
        String secret = subscribe(t, "purchase.created").text("secret");
        String purchase = buy(t, member);
        answers.addAll(List.of(500, 500));

        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(dispatcher.deliverDue()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(4));
        assertThat(dispatcher.deliverDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(dispatcher.deliverDue()).as("delivered: nothing more").isZero();

        assertThat(received).hasSize(3);
        assertThat(received).extracting(Received::id).containsOnly(received.getFirst().id());
        assertThat(received.getFirst().id()).startsWith("msg_");
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo(independentSignature(secret, r.id(), r.timestamp(), r.body()));
            assertThat(r.userAgent()).isEqualTo("Kopilka-Webhooks/1");
        }
        assertThat(Long.parseLong(received.get(2).timestamp()) - Long.parseLong(received.get(0).timestamp()))
                .isEqualTo(Duration.ofMinutes(5).plusSeconds(5).toSeconds());
        JsonNode body = JSON.readTree(received.getFirst().body());
        assertThat(body.path("type").asString()).isEqualTo("purchase.created");
        assertThat(body.path("id").asString()).isEqualTo(received.getFirst().id());
        assertThat(body.path("tenantId").asString()).isEqualTo(t.id());
        assertThat(body.path("occurredAt").asString()).endsWith("+05:00");
        assertThat(body.path("data").path("purchaseId").asString()).isEqualTo(purchase);
        assertThat(body.path("data").path("memberId").asString()).isEqualTo(member);
        assertThat(body.path("data").path("paid").asString()).isEqualTo("1000.00");
        assertThat(body.path("data").path("pointsEarned").asLong()).isEqualTo(50);

        String id = api.get(t.adminKey(), "/api/v1/webhooks").json().path("items").get(0).path("id").asString();
        JsonNode delivery = api.get(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("delivered");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks/" + id).json().path("failingSince").isNull()).isTrue();
    }

    @Test
    void aSubscriptionFailingForADayIsDisabledAndARetryQueuesItsDeliveryAgain() {
        TestTenant t = shop();
        String member = newMember(t);
        String id = subscribe(t, "points.earned").text("id");
        buy(t, member);
        otherwise = 503;
        for (int hour = 0; hour <= 25; hour++) {
            dispatcher.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(received).hasSize(8);
        Api.Response webhook = api.get(t.adminKey(), "/api/v1/webhooks/" + id);
        assertThat(webhook.text("status")).isEqualTo("disabled");
        assertThat(webhook.text("disabledReason")).contains("24 hours");
        assertThat(webhook.text("failingSince")).isNotBlank();
        JsonNode delivery = api.get(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("failed");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(8);
        assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(503);
        buy(t, member);
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items").size())
                .as("disabled: no new deliveries").isEqualTo(1);

        otherwise = 200;
        assertThat(api.patch(t.adminKey(), "/api/v1/webhooks/" + id, Map.of("enabled", true)).json()
                .path("failingSince").isNull()).isTrue();
        Api.Response retried = api.post(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries/"
                + delivery.path("id").asString() + "/retry", null, "retry-1");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.text("status")).isEqualTo("pending");
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(received.getLast().id()).isEqualTo(delivery.path("eventId").asString());
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items").get(0)
                .path("status").asString()).isEqualTo("delivered");
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterADayOnlyTheNewOne() {
        TestTenant t = shop();
        String member = newMember(t);
        Api.Response created = subscribe(t, "*");
        String old = created.text("secret");
        String fresh = api.post(t.adminKey(), "/api/v1/webhooks/" + created.text("id") + "/rotate-secret", null)
                .text("secret");
        buy(t, member);
        dispatcher.deliverDue();
        assertThat(received).isNotEmpty();
        for (Received r : received) {
            assertThat(verifies(r, old)).isTrue();
            assertThat(verifies(r, fresh)).isTrue();
            assertThat(r.signature().split(" ")).hasSize(2);
        }
        assertThat(received).extracting(r -> JSON.readTree(r.body()).path("type").asString())
                .containsExactlyInAnyOrder("purchase.created", "points.earned");

        received.clear();
        clock.advance(Duration.ofHours(25));
        buy(t, member);
        dispatcher.deliverDue();
        assertThat(received).isNotEmpty().allSatisfy(r -> {
            assertThat(verifies(r, fresh)).isTrue();
            assertThat(verifies(r, old)).isFalse();
        });
    }
}
