package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.Notifications;
import io.kopilka.notification.SampleFacts;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Messages through real servers on 127.0.0.1 (GreenMail for SMTP, the JDK's HTTP server as an SMS gateway),
 * and what the dispatcher does with time. One context for all of them.
 */
class DeliveryIT extends IntegrationTest {
    static final GreenMail SMTP = start();
    static final Gateway SMS = new Gateway();

    @Autowired
    Notifications notifications;
    @Autowired
    Dispatcher dispatcher;

    static GreenMail start() {
        try (ServerSocket free = new ServerSocket(0)) {
            GreenMail mail = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            free.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("kopilka.smtp.host", () -> "127.0.0.1");
        registry.add("kopilka.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("kopilka.smtp.from", () -> "noreply@kopilka.test");
        registry.add("kopilka.smtp.tls", () -> "false");
        registry.add("kopilka.sms.url", () -> "http://127.0.0.1:" + SMS.server.getAddress().getPort() + "/send");
        registry.add("kopilka.sms.headers", () -> "Content-Type: application/json\nAuthorization: Bearer sms-test");
        registry.add("kopilka.sms.body",
                () -> "{\"phone\": \"{{toJson}}\", \"text\": \"{{textJson}}\", \"from\": \"{{senderJson}}\"}");
        registry.add("kopilka.sms.sender", () -> "BarberBro");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        SMS.server.stop(0);
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Override
    protected TestTenant newTenant() {
        TestTenant tenant = super.newTenant();
        // The welcome a member's joining sends by itself would be one more e-mail in each inbox here.
        Api.Response off = api.put(tenant.adminKey(), "/api/v1/notifications/settings",
                Map.of("disabledKinds", List.of("welcome")));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        return tenant;
    }

    private String member(TestTenant tenant, String email, Map<String, Object> consents, String locale) {
        return newMember(tenant, Map.of("email", email, "consents", consents, "locale", locale)).text("id");
    }

    private NoticeMessage notify(TestTenant tenant, String member, NoticeKind kind, String occasion) {
        return notifications.notify(new Notice(new TenantId(UUID.fromString(tenant.id())),
                new MemberId(UUID.fromString(member)), kind, occasion,
                SampleFacts.of(kind, Currency.getInstance("KZT"), clock.instant()), clock.instant()));
    }

    private Api.Response logEntry(TestTenant tenant, UUID id) {
        return api.get(tenant.adminKey(), "/api/v1/notifications/" + id);
    }

    private MimeMessage[] inbox(String to) {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(to);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void anEmailLeavesAtOnceWithTextAndHtmlTheTenantsNameAndOneClickUnsubscribe() throws Exception {
        TestTenant tenant = newTenant();
        String email = "aigerim-" + UUID.randomUUID() + "@example.kz";
        String member = member(tenant, email, Map.of("email", true), "ru");
        clock.set(Instant.parse("2026-11-22T06:00:00Z")); // 11:00 in Almaty: no quiet hours
        NoticeMessage queued = notify(tenant, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        assertThat(queued.status()).isEqualTo(NoticeStatus.QUEUED);

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(email).length == 1);
        MimeMessage mail = inbox(email)[0];
        String tenantName = jdbc.sql("SELECT name FROM tenant WHERE id = :id")
                .param("id", UUID.fromString(tenant.id())).query(String.class).single();
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo(tenantName);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@kopilka.test");
        assertThat(mail.getMessageID()).isEqualTo("<" + queued.id() + "@kopilka>");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:8080/u/[0-9a-f]{32}_\\w{22}>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getSubject()).isEqualTo(queued.subject());
        Multipart alternatives = alternatives(mail);
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(((String) alternatives.getBodyPart(0).getContent()).replace("\r\n", "\n").trim())
                .isEqualTo(queued.body().trim());

        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(logEntry(tenant, queued.id()).text("status")));
        Api.Response entry = logEntry(tenant, queued.id());
        assertThat(entry.text("to")).isEqualTo(email);
        assertThat(entry.text("channel")).isEqualTo("email");
        assertThat(entry.json().get("attempts").asInt()).isEqualTo(1);
        assertThat(entry.text("html")).contains("<p").contains("/u/");
        assertThat(entry.json().get("sentAt").isNull()).isFalse();
        Api.Response page = api.get(tenant.adminKey(), "/api/v1/notifications?memberId=" + member + "&status=sent");
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("items").get(0).get("html").isNull()).isTrue();

        assertThat(dispatcher.dispatchDue()).as("nothing is sent twice").isZero();
        assertThat(inbox(email)).hasSize(1);
    }

    @Test
    void theUnsubscribeLinkAsksThenWithdrawsTheEmailConsentAndTheNextMessageIsUndeliverable() throws Exception {
        TestTenant tenant = newTenant();
        String email = "bye-" + UUID.randomUUID() + "@example.kz";
        String member = member(tenant, email, Map.of("email", true, "marketing", true), "kk");
        clock.set(Instant.parse("2026-11-22T06:00:00Z"));
        notify(tenant, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(email).length == 1);
        String header = inbox(email)[0].getHeader("List-Unsubscribe")[0];
        String path = header.substring(header.indexOf("/u/"), header.length() - 1);
        String business = jdbc.sql("SELECT name FROM tenant WHERE id = :id")
                .param("id", UUID.fromString(tenant.id())).query(String.class).single();

        Api.Response ask = api.exchange("GET", path, HttpRequest.BodyPublishers.noBody(), Map.of());
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("lang=\"kk\"", business, "<form", "method=\"post\"");
        assertThat(api.get(tenant.adminKey(), "/api/v1/members/" + member).json().get("consents").get("email").asBoolean())
                .as("opening the link changes nothing").isTrue();

        // What a mail client's one-click sends (RFC 8058).
        Api.Response done = api.exchange("POST", path, HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains(business).doesNotContain("<form");
        var consents = api.get(tenant.adminKey(), "/api/v1/members/" + member).json().get("consents");
        assertThat(consents.get("email").asBoolean()).isFalse();
        assertThat(consents.get("marketing").asBoolean()).isTrue();
        assertThat(api.exchange("POST", path, HttpRequest.BodyPublishers.noBody(), Map.of()).status())
                .as("twice is fine").isEqualTo(200);
        // The history proves it: one withdrawal, through the link, from this address.
        var history = api.get(tenant.adminKey(), "/api/v1/members/" + member + "/consents").json().get("history");
        var byLink = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        history.forEach(row -> {
            if (row.get("source").asString().equals("unsubscribe_link")) {
                byLink.add(row);
            }
        });
        assertThat(byLink).as("the second POST withdrew nothing").singleElement().satisfies(row -> {
            assertThat(row.get("channel").asString()).isEqualTo("email");
            assertThat(row.get("granted").asBoolean()).isFalse();
            assertThat(row.get("detail").get("ip").asString()).isEqualTo("127.0.0.1");
        });

        NoticeMessage next = notify(tenant, member, NoticeKind.TIER_CHANGED, "tier:gold:1");
        assertThat(next.status()).isEqualTo(NoticeStatus.UNDELIVERABLE);
        assertThat(next.reason()).isEqualTo("no_consent");
    }

    @Test
    void anUnknownUnsubscribeTokenIsA404PageAndWritesNothing() {
        String wellFormed = "0".repeat(32) + "_" + "A".repeat(22);
        for (String token : List.of("nonsense", wellFormed)) {
            Api.Response get = api.exchange("GET", "/u/" + token, HttpRequest.BodyPublishers.noBody(), Map.of());
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.body()).doesNotContain("<form");
            assertThat(api.exchange("POST", "/u/" + token, HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"),
                    Map.of("Content-Type", "application/x-www-form-urlencoded")).status()).isEqualTo(404);
        }
    }

    private static Multipart alternatives(MimeMessage mail) throws Exception {
        Multipart content = (Multipart) mail.getContent();
        // MimeMessageHelper wraps the alternatives in a mixed/related part.
        while (!content.getContentType().startsWith("multipart/alternative")) {
            content = (Multipart) content.getBodyPart(0).getContent();
        }
        return content;
    }

    /** An SMS gateway that answers with the statuses it is told, in turn (then 200), and keeps what it got. */
    static final class Gateway {
        final HttpServer server;
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> auth = new CopyOnWriteArrayList<>();
        final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

        Gateway() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/send", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
                Integer status = answers.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.start();
        }
    }

    @Test
    void anSmsTheGatewayRefusedWithA503IsSentOnTheSecondAttempt() throws Exception {
        TestTenant tenant = newTenant();
        String phone = randomPhone();
        String member = newMember(tenant, Map.of("phone", phone, "consents", Map.of("sms", true))).text("id");
        clock.set(Instant.parse("2026-11-22T06:00:00Z"));
        SMS.answers.add(503);
        int before = SMS.bodies.size();
        NoticeMessage queued = notify(tenant, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        assertThat(queued.channel().code()).isEqualTo("sms");

        await().atMost(Duration.ofSeconds(20)).until(() -> logEntry(tenant, queued.id()).json().get("attempts").asInt() == 1
                && "gateway_http_503".equals(logEntry(tenant, queued.id()).text("reason")));
        Api.Response waiting = logEntry(tenant, queued.id());
        assertThat(waiting.text("status")).isEqualTo("queued");
        assertThat(OffsetDateTime.parse(waiting.text("scheduledFor")).toInstant())
                .isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS).plusSeconds(30));
        dispatcher.dispatchDue();
        assertThat(SMS.bodies).hasSize(before + 1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        Api.Response sent = logEntry(tenant, queued.id());
        assertThat(sent.text("status")).isEqualTo("sent");
        assertThat(sent.json().get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.json().get("reason").isNull()).isTrue();
        assertThat(SMS.bodies).hasSize(before + 2);
        JsonNode body = JsonMapper.builder().build().readTree(SMS.bodies.getLast());
        assertThat(body.get("phone").asText()).isEqualTo(phone);
        assertThat(body.get("text").asText()).isEqualTo(queued.body());
        assertThat(body.get("from").asText()).isEqualTo("BarberBro");
        assertThat(SMS.auth.getLast()).isEqualTo("Bearer sms-test");
    }

    @Test
    void aMessageDecidedAtTenInTheEveningInAlmatyLeavesAtNineNotBefore() {
        TestTenant tenant = newTenant();
        String email = "late-" + UUID.randomUUID() + "@example.kz";
        String member = member(tenant, email, Map.of("email", true), "ru");
        clock.set(Instant.parse("2026-11-22T17:00:00Z")); // 22:00 in Almaty (UTC+5)
        NoticeMessage queued = notify(tenant, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        assertThat(queued.scheduledFor()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
        assertThat(queued.reason()).isEqualTo("quiet_hours");

        clock.set(Instant.parse("2026-11-23T03:59:00Z"));
        dispatcher.dispatchDue();
        assertThat(inbox(email)).isEmpty();
        assertThat(logEntry(tenant, queued.id()).text("status")).isEqualTo("queued");

        clock.set(Instant.parse("2026-11-23T04:00:00Z"));
        dispatcher.dispatchDue();
        assertThat(inbox(email)).hasSize(1);
        assertThat(logEntry(tenant, queued.id()).text("status")).isEqualTo("sent");
    }

    @Test
    void theThirdMarketingMessageOfAWeekIsSuppressedWhileAServiceOneStillGoes() {
        TestTenant tenant = newTenant();
        String email = "cap-" + UUID.randomUUID() + "@example.kz";
        String member = member(tenant, email, Map.of("email", true, "marketing", true), "ru");
        clock.set(Instant.parse("2026-11-22T06:00:00Z"));
        assertThat(notify(tenant, member, NoticeKind.BALANCE, "balance:2026-11-22").status()).isEqualTo(NoticeStatus.QUEUED);
        clock.advance(Duration.ofDays(2));
        assertThat(notify(tenant, member, NoticeKind.WIN_BACK, "win-back:2026-11-24").status())
                .isEqualTo(NoticeStatus.QUEUED);
        clock.advance(Duration.ofDays(2));
        NoticeMessage third = notify(tenant, member, NoticeKind.BALANCE, "balance:2026-11-26");
        assertThat(third.status()).isEqualTo(NoticeStatus.SUPPRESSED);
        assertThat(third.reason()).isEqualTo("weekly_limit");
        NoticeMessage service = notify(tenant, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        assertThat(service.status()).isEqualTo(NoticeStatus.QUEUED);

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(email).length == 3);
        Api.Response suppressed = api.get(tenant.adminKey(), "/api/v1/notifications?memberId=" + member
                + "&status=suppressed&kind=balance");
        assertThat(suppressed.json().get("items")).hasSize(1);
        assertThat(suppressed.json().get("items").get(0).get("reason").asText()).isEqualTo("weekly_limit");
    }

    @Test
    void aKazakhSpeakingMemberIsWrittenToInKazakh() throws Exception {
        TestTenant tenant = newTenant();
        String email = "kk-" + UUID.randomUUID() + "@example.kz";
        String member = member(tenant, email, Map.of("email", true), "kk");
        clock.set(Instant.parse("2026-11-22T06:00:00Z"));
        NoticeMessage queued = notify(tenant, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        assertThat(queued.language().tag()).isEqualTo("kk");
        String russian = member(tenant, "ru-" + UUID.randomUUID() + "@example.kz", Map.of("email", true), "ru");
        assertThat(queued.subject()).isNotEqualTo(notify(tenant, russian, NoticeKind.COUPON_ISSUED, "coupon:1").subject());

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(email).length == 1);
        assertThat(inbox(email)[0].getSubject()).isEqualTo(queued.subject());
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/" + queued.id()).text("language")).isEqualTo("kk");
    }

    @Test
    void theLogRefusesUnknownFiltersPosKeysAndOtherTenantsMessages() {
        TestTenant tenant = newTenant();
        TestTenant other = newTenant();
        String member = member(other, "x-" + UUID.randomUUID() + "@example.kz", Map.of(), "ru");
        NoticeMessage theirs = notify(other, member, NoticeKind.COUPON_ISSUED, "coupon:1");
        assertThat(theirs.status()).isEqualTo(NoticeStatus.UNDELIVERABLE);
        assertThat(theirs.reason()).isEqualTo("no_consent");

        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications?kind=newsletter").status()).isEqualTo(422);
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications?status=lost").status()).isEqualTo(422);
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications?limit=0").status()).isEqualTo(422);
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications?memberId=" + member).status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/" + theirs.id()).status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/not-an-id").status()).isEqualTo(404);
        assertThat(api.get(newKey(tenant, "pos"), "/api/v1/notifications").status()).isEqualTo(403);
        assertThat(api.get(other.adminKey(), "/api/v1/notifications?kind=welcome").json().get("items")).hasSize(1);
    }
}
