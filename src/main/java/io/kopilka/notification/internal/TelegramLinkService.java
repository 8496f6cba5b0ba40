package io.kopilka.notification.internal;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.notification.TelegramLinks;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TelegramLinkService implements TelegramLinks {
    private static final int TOKEN_BYTES = 24;

    private final TelegramStore store;
    private final SettingsStore settings;
    private final Members members;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TelegramLinkService(TelegramStore store, SettingsStore settings, Members members, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StartLink create(TenantId tenant, MemberId id) {
        Member member = members.byId(tenant, id).orElseThrow(() -> ApiProblem.notFound("Member"));
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "This member's personal data was erased");
        }
        NotificationSettings.Telegram bot = settings.of(tenant).telegram();
        if (bot == null || bot.username() == null || bot.username().isBlank()) {
            throw ApiProblem.conflict("telegram_not_configured",
                    "The tenant has no Telegram bot: save its username and token in the notification settings");
        }
        // 32 characters of [A-Za-z0-9_-]: what a start parameter may hold (at most 64).
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Now.of(clock);
        Instant expiresAt = now.plus(VALID_FOR);
        store.createLink(tenant, id, token, now, expiresAt);
        String username = bot.username().startsWith("@") ? bot.username().substring(1) : bot.username();
        return new StartLink("https://t.me/" + username + "?start=" + token, expiresAt);
    }
}
