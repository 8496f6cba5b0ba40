package io.kopilka.notification.internal;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kopilka.notification.Channel;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Telegram through a tenant's own bot, against a fake Bot API on 127.0.0.1: the start link, the poller
 * linking the chat and granting the consent, a message reaching the chat, expired and used links, the
 * member blocking the bot, and one tenant's bot never seeing another's links. A context of its own (the
 * API's address), so every Telegram test is here.
 */
class TelegramIT extends IntegrationTest {
    private static final FakeBotApi BOT_API;

    static {
        try {
            BOT_API = new FakeBotApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void botApi(DynamicPropertyRegistry registry) {
        registry.add("kopilka.telegram.api-url", BOT_API::url);
    }

    @AfterAll
    static void stop() {
        BOT_API.close();
    }

    @Autowired
    TelegramPolling polling;
    @Autowired
    TelegramSender sender;
    @Autowired
    Notifications notifications;

    /** A tenant with a bot of its own; its name and bot token. */
    record BotTenant(TestTenant tenant, String name, String botToken, String username) {
    }

    private BotTenant tenantWithBot() {
        TestTenant t = newTenant();
        String token = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L) + ":AA"
                + UUID.randomUUID().toString().replace("-", "");
        String username = "shop" + ThreadLocalRandom.current().nextInt(1000, 9999) + "_bot";
        Api.Response r = api.put(t.adminKey(), "/api/v1/notifications/settings",
                json("telegram", Map.of("username", username, "botToken", token)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String name = jdbc.sql("SELECT name FROM tenant WHERE id = :id").param("id", UUID.fromString(t.id()))
                .query(String.class).single();
        return new BotTenant(t, name, token, username);
    }

    private static long newChat() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 9_000_000_000L);
    }

    private String startToken(Api.Response link) {
        String url = link.text("url");
        return url.substring(url.indexOf("?start=") + "?start=".length());
    }

    private JsonNode consents(TestTenant t, String member) {
        return api.get(t.adminKey(), "/api/v1/members/" + member + "/consents").json();
    }

    private OutgoingMessage message(BotTenant b, String to, String text) {
        return new OutgoingMessage(new TenantId(UUID.fromString(b.tenant().id())), UUID.randomUUID(), to, null, text,
                null, null);
    }

    @Test
    void a_member_opens_the_link_the_bot_links_the_chat_and_a_message_reaches_it() throws Exception {
        BotTenant b = tenantWithBot();
        String member = newMember(b.tenant());
        Api.Response link = api.post(newKey(b.tenant(), "pos"), "/api/v1/members/" + member + "/telegram-link", null,
                "link-1");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(link.text("url")).matches("https://t\\.me/" + b.username() + "\\?start=[A-Za-z0-9_-]{32}");
        assertThat(OffsetDateTime.parse(link.text("expiresAt")).toInstant()).isEqualTo(START.plus(Duration.ofHours(24)));

        long chat = newChat();
        BOT_API.start(b.botToken(), chat, "/start " + startToken(link), "ru");
        assertThat(polling.pollOnce()).isGreaterThanOrEqualTo(1);

        assertThat(BOT_API.sentTo(chat)).singleElement().satisfies(s -> {
            assertThat(s.token()).isEqualTo(b.botToken());
            assertThat(s.text()).isEqualTo("Готово! Теперь " + b.name()
                    + " будет писать вам сюда: о баллах, купонах и подарках.");
        });
        JsonNode consents = consents(b.tenant(), member);
        assertThat(consents.path("consents").path("telegram").asBoolean()).isTrue();
        assertThat(consents.path("history").get(0).path("source").asString()).isEqualTo("telegram");
        assertThat(consents.path("history").get(0).path("detail").path("chatId").asString())
                .isEqualTo(Long.toString(chat));

        // The next round asks from after the update read: nothing is read, or answered, twice.
        polling.pollOnce();
        assertThat(BOT_API.offsetsAsked(b.botToken()).getLast()).isGreaterThan(BOT_API.offsetsAsked(b.botToken()).getFirst());
        assertThat(BOT_API.sentTo(chat)).hasSize(1);

        TenantId tenant = new TenantId(UUID.fromString(b.tenant().id()));
        assertThat(sender.unavailableFor(tenant)).isEmpty();
        // Telegram is first in the default order: the core routes the member's next message to the chat.
        var routed = notifications.notify(new Notice(tenant, new MemberId(UUID.fromString(member)),
                NoticeKind.LOGIN_CODE, "code-1", Map.of("code", "4821", "validMinutes", 10L), clock.instant()));
        assertThat(routed.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(routed.to()).isEqualTo(Long.toString(chat));
        // The dispatcher sends it after the commit, through the tenant's bot, to the member's chat.
        await().atMost(Duration.ofSeconds(20)).until(() -> BOT_API.sentTo(chat).size() == 2);
        assertThat(BOT_API.sentTo(chat).getLast().text()).contains("4821");
        assertThat(BOT_API.sentTo(chat).getLast().token()).isEqualTo(b.botToken());
        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(jdbc.sql(
                "SELECT status FROM notification WHERE tenant_id = :t AND id = :id").param("t", tenant.value())
                .param("id", routed.id()).query(String.class).single()));
        sender.send(message(b, Long.toString(chat), "120 из ваших 540 баллов сгорят 14 марта"));
        assertThat(BOT_API.sentTo(chat)).hasSize(3);
        assertThat(BOT_API.sentTo(chat).getLast().text()).isEqualTo("120 из ваших 540 баллов сгорят 14 марта");
        assertThat(BOT_API.sentTo(chat).getLast().body().path("disable_web_page_preview").asBoolean(true)).isFalse();

        // A till that retries with the same key shows the same link.
        Api.Response again = api.post(b.tenant().adminKey(), "/api/v1/members/" + member + "/telegram-link", null,
                "link-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("url")).isEqualTo(link.text("url"));
    }

    @Test
    void an_expired_or_used_link_links_nothing_and_gets_a_polite_answer() {
        BotTenant b = tenantWithBot();
        String member = newMember(b.tenant());
        Api.Response link = api.post(b.tenant().adminKey(), "/api/v1/members/" + member + "/telegram-link", null);
        assertThat(link.status()).isEqualTo(201);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        long chat = newChat();
        BOT_API.start(b.botToken(), chat, "/start " + startToken(link), "kk");
        polling.pollOnce();
        assertThat(BOT_API.sentTo(chat)).singleElement().satisfies(s -> assertThat(s.text())
                .isEqualTo("Бұл сілтеме енді жұмыс істемейді: ол бір рет қана ашылады және бір тәулік жарамды. "
                        + b.name() + " картасынан жаңасын ашыңыз немесе кассадан сұраңыз."));
        assertThat(consents(b.tenant(), member).path("consents").has("telegram")).isFalse();
        assertThat(chatRows(b)).isZero();

        // A live link works once: a second chat opening it is refused, the first keeps it.
        Api.Response fresh = api.post(b.tenant().adminKey(), "/api/v1/members/" + member + "/telegram-link", null);
        long first = newChat();
        long second = newChat();
        BOT_API.start(b.botToken(), first, "/start " + startToken(fresh), "en");
        BOT_API.start(b.botToken(), second, "/start " + startToken(fresh), "en");
        polling.pollOnce();
        assertThat(BOT_API.sentTo(first).getFirst().text()).startsWith("Готово!");
        assertThat(BOT_API.sentTo(second).getFirst().text()).startsWith("This link no longer works");
        assertThat(jdbc.sql("SELECT chat_id FROM telegram_chat WHERE tenant_id = :t")
                .param("t", UUID.fromString(b.tenant().id())).query(Long.class).list()).containsExactly(first);

        // /start with no link: how to get one.
        long stranger = newChat();
        BOT_API.start(b.botToken(), stranger, "/start", "en");
        polling.pollOnce();
        assertThat(BOT_API.sentTo(stranger).getFirst().text()).isEqualTo("Hello! To get messages from " + b.name()
                + ", open the link from your card or ask for it at the till.");
    }

    @Test
    void blocking_the_bot_withdraws_the_consent_and_a_refused_send_does_too() {
        BotTenant b = tenantWithBot();
        String member = newMember(b.tenant());
        long chat = link(b, member);
        BOT_API.kicked(b.botToken(), chat);
        polling.pollOnce();
        JsonNode consents = consents(b.tenant(), member);
        assertThat(consents.path("consents").path("telegram").asBoolean(true)).isFalse();
        assertThat(consents.path("history").get(0).path("granted").asBoolean(true)).isFalse();
        assertThat(consents.path("history").get(0).path("source").asString()).isEqualTo("telegram");

        // Linked again, then blocked while a message is on its way: 403, not retried, and the consent goes.
        String other = newMember(b.tenant());
        long otherChat = link(b, other);
        BOT_API.answerSendMessageWith(403);
        try {
            assertThatThrownBy(() -> sender.send(message(b, Long.toString(otherChat), "Привет")))
                    .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo("telegram_chat_blocked");
                        assertThat(f.retryable()).isFalse();
                    });
            assertThat(consents(b.tenant(), other).path("consents").path("telegram").asBoolean(true)).isFalse();
            BOT_API.answerSendMessageWith(429);
            assertThatThrownBy(() -> sender.send(message(b, Long.toString(otherChat), "Привет")))
                    .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.retryable()).isTrue());
            BOT_API.answerSendMessageWith(502);
            assertThatThrownBy(() -> sender.send(message(b, Long.toString(otherChat), "Привет")))
                    .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo("telegram_http_502");
                        assertThat(f.retryable()).isTrue();
                    });
            BOT_API.answerSendMessageWith(400);
            assertThatThrownBy(() -> sender.send(message(b, Long.toString(otherChat), "Привет")))
                    .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.retryable()).isFalse());
        } finally {
            BOT_API.answerSendMessageWith(200);
        }
    }

    @Test
    void another_tenants_bot_never_sees_this_tenants_links_and_its_members_are_not_found() {
        BotTenant a = tenantWithBot();
        BotTenant other = tenantWithBot();
        String member = newMember(a.tenant());
        Api.Response link = api.post(a.tenant().adminKey(), "/api/v1/members/" + member + "/telegram-link", null);
        long chat = newChat();
        BOT_API.start(other.botToken(), chat, "/start " + startToken(link), "ru");
        polling.pollOnce();
        assertThat(BOT_API.sentTo(chat).getFirst().text()).startsWith("Эта ссылка уже не работает");
        assertThat(chatRows(a)).isZero();
        assertThat(chatRows(other)).isZero();
        // The link is still good for its own bot.
        BOT_API.start(a.botToken(), chat, "/start " + startToken(link), "ru");
        polling.pollOnce();
        assertThat(chatRows(a)).isEqualTo(1);

        assertProblem(api.post(other.tenant().adminKey(), "/api/v1/members/" + member + "/telegram-link", null),
                404, "not_found");
    }

    @Test
    void without_a_bot_there_is_no_link_and_the_channel_says_why() {
        TestTenant t = newTenant();
        String member = newMember(t);
        assertProblem(api.post(t.adminKey(), "/api/v1/members/" + member + "/telegram-link", null), 409,
                "telegram_not_configured");
        assertThat(jdbc.sql("SELECT count(*) FROM telegram_link WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(Long.class).single()).isZero();
        assertThat(sender.unavailableFor(new TenantId(UUID.fromString(t.id())))).contains("telegram_not_configured");
    }

    private long link(BotTenant b, String member) {
        Api.Response link = api.post(b.tenant().adminKey(), "/api/v1/members/" + member + "/telegram-link", null);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        long chat = newChat();
        BOT_API.start(b.botToken(), chat, "/start " + startToken(link), "ru");
        polling.pollOnce();
        assertThat(consents(b.tenant(), member).path("consents").path("telegram").asBoolean()).isTrue();
        return chat;
    }

    private long chatRows(BotTenant b) {
        return jdbc.sql("SELECT count(*) FROM telegram_chat WHERE tenant_id = :t")
                .param("t", UUID.fromString(b.tenant().id())).query(Long.class).single();
    }
}
