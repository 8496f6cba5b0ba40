package io.kopilka.notification.internal;

import io.kopilka.member.Member;
import io.kopilka.notification.Channel;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.shared.TenantId;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Messages through the tenant's own bot ({@code sendMessage}) to the chat the member linked. */
@Component
class TelegramSender implements ChannelSender {
    private final SettingsStore settings;
    private final TelegramStore store;
    private final TelegramBotApi api;
    private final TelegramUpdates updates;

    TelegramSender(SettingsStore settings, TelegramStore store, TelegramBotApi api, TelegramUpdates updates) {
        this.settings = settings;
        this.store = store;
        this.api = api;
        this.updates = updates;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Optional<String> unavailableFor(TenantId tenant) {
        return bot(tenant).isPresent() ? Optional.empty() : Optional.of("telegram_not_configured");
    }

    @Override
    public Optional<String> addressOf(TenantId tenant, Member member) {
        return store.chatOf(tenant, member.id()).map(String::valueOf);
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        String token = bot(message.tenant()).map(NotificationSettings.Telegram::botToken)
                .orElseThrow(() -> new DeliveryFailure("telegram_not_configured", false,
                        "the tenant's bot was removed after the message was queued", null));
        long chatId;
        try {
            chatId = Long.parseLong(message.to());
        } catch (NumberFormatException e) {
            throw new DeliveryFailure("telegram_bad_chat", false, "not a chat id", null);
        }
        TelegramBotApi.Answer answer;
        try {
            answer = api.call(token, "sendMessage",
                    Map.of("chat_id", chatId, "text", message.text(), "disable_web_page_preview", false));
        } catch (IOException e) {
            throw new DeliveryFailure("telegram_unavailable", true, e.getMessage(), null);
        }
        int status = answer.status();
        if (answer.ok()) {
            return;
        }
        if (status == 403) {
            // The member blocked the bot (or deleted the chat): they said no, so the consent goes with it.
            updates.withdraw(message.tenant(), chatId);
            throw new DeliveryFailure("telegram_chat_blocked", false, answer.description(), null);
        }
        boolean retryable = status == 429 || status >= 500 || status / 100 == 2;
        throw new DeliveryFailure("telegram_http_" + status, retryable, answer.description(), null);
    }

    private Optional<NotificationSettings.Telegram> bot(TenantId tenant) {
        return Optional.ofNullable(settings.of(tenant).telegram())
                .filter(bot -> bot.botToken() != null && !bot.botToken().isBlank());
    }
}
