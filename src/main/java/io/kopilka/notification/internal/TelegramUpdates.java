package io.kopilka.notification.internal;

import io.kopilka.member.ConsentSource;
import io.kopilka.member.Consents;
import io.kopilka.member.Members;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What one update of a tenant's bot means: {@code /start <token>} links the chat to the token's member and
 * grants the {@code telegram} consent; the member blocking the bot ({@code my_chat_member}, {@code kicked})
 * withdraws it. Safe to handle twice: a token links once, and a consent already so is left alone.
 */
@Component
class TelegramUpdates {
    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
    private static final Set<String> LANGUAGES = Set.copyOf(Texts.LANGUAGES);

    private final TelegramStore store;
    private final Consents consents;
    private final Members members;
    private final Tenants tenants;
    private final TelegramBotApi api;
    private final TransactionTemplate tx;
    private final Clock clock;

    TelegramUpdates(TelegramStore store, Consents consents, Members members, Tenants tenants, TelegramBotApi api,
                    TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.members = members;
        this.tenants = tenants;
        this.api = api;
        this.tx = tx;
        this.clock = clock;
    }

    void handle(TenantId tenant, String botToken, JsonNode update) {
        if (update.has("message")) {
            onMessage(tenant, botToken, update.path("message"));
        } else if (update.has("my_chat_member")) {
            onMembership(tenant, update.path("my_chat_member"));
        }
    }

    private void onMessage(TenantId tenant, String botToken, JsonNode message) {
        JsonNode chat = message.path("chat");
        String text = message.path("text").asString("").trim();
        // Only a private chat is a member's own; a group's /start links nobody.
        if (!"private".equals(chat.path("type").asString("")) || !text.startsWith("/start")) {
            return;
        }
        long chatId = chat.path("id").asLong();
        String token = text.substring("/start".length()).trim();
        Tenant business = tenants.get(tenant);
        String senderLanguage = language(message.path("from").path("language_code").asString(""))
                .orElse(business.locale().tag());
        String reply;
        if (token.isEmpty()) {
            reply = text("telegram.start-without-link", business, senderLanguage);
        } else {
            Optional<MemberId> linked = tx.execute(status -> link(tenant, token, chatId));
            reply = linked.map(member -> text("telegram.linked", business, memberLanguage(tenant, member)))
                    .orElseGet(() -> text("telegram.link-expired", business, senderLanguage));
        }
        answer(tenant, botToken, chatId, reply);
    }

    /** The member linked by this token, now or by an earlier reading of the same update; empty when none. */
    private Optional<MemberId> link(TenantId tenant, String token, long chatId) {
        Instant now = Now.of(clock);
        Optional<MemberId> member = store.useLink(tenant, token, now);
        if (member.isEmpty()) {
            return store.linkedBy(tenant, token, chatId) ? store.memberOf(tenant, chatId) : Optional.empty();
        }
        store.linkChat(tenant, member.get(), chatId, now);
        consents.set(tenant, member.get(), "telegram", true, ConsentSource.telegram(chatId));
        return member;
    }

    private void onMembership(TenantId tenant, JsonNode change) {
        String status = change.path("new_chat_member").path("status").asString("");
        if (!"kicked".equals(status)) {
            return;
        }
        long chatId = change.path("chat").path("id").asLong();
        withdraw(tenant, chatId);
    }

    /** The member of this chat no longer wants the bot's messages (blocked it): the consent goes. */
    void withdraw(TenantId tenant, long chatId) {
        store.memberOf(tenant, chatId).ifPresent(member ->
                consents.set(tenant, member, "telegram", false, ConsentSource.telegram(chatId)));
    }

    private void answer(TenantId tenant, String botToken, long chatId, String text) {
        try {
            var answer = api.call(botToken, "sendMessage", Map.of("chat_id", chatId, "text", text));
            if (!answer.ok()) {
                log.warn("Tenant {}: the bot's answer was refused ({} {})", tenant, answer.status(), answer.description());
            }
        } catch (IOException e) {
            // The link stands; the member sees it work when the first message arrives.
            log.warn("Tenant {}: the bot's answer was not sent: {}", tenant, e.getMessage());
        }
    }

    private String memberLanguage(TenantId tenant, MemberId member) {
        return members.byId(tenant, member).map(m -> m.locale().tag()).orElse(tenants.get(tenant).locale().tag());
    }

    private static Optional<String> language(String code) {
        String primary = code.length() >= 2 ? code.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : "";
        return LANGUAGES.contains(primary) ? Optional.of(primary) : Optional.empty();
    }

    private static String text(String key, Tenant business, String language) {
        return Texts.messages().render(new Text(key, Map.of("business", business.name())), language);
    }
}
