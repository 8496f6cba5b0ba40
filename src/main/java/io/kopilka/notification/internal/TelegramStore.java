package io.kopilka.notification.internal;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Start links, linked chats and how far each tenant's bot was read: every look-up is by tenant. */
@Repository
class TelegramStore {
    private final JdbcClient jdbc;

    TelegramStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createLink(TenantId tenant, MemberId member, String token, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO telegram_link (tenant_id, token, member_id, created_at, expires_at)
                VALUES (:tenant, :token, :member, :now, :expires)""")
                .param("tenant", tenant.value()).param("token", token).param("member", member.value())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Marks a live, unused token used and names its member; empty for a token unknown, used or expired. */
    Optional<MemberId> useLink(TenantId tenant, String token, Instant now) {
        return jdbc.sql("""
                UPDATE telegram_link SET used_at = :now
                WHERE tenant_id = :tenant AND token = :token AND used_at IS NULL AND expires_at > :now
                RETURNING member_id""")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("token", token)
                .query((rs, i) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    /** Whether this token already linked this chat: an update read twice is answered as the first time. */
    boolean linkedBy(TenantId tenant, String token, long chatId) {
        return jdbc.sql("""
                SELECT count(*) FROM telegram_link l
                JOIN telegram_chat c ON c.tenant_id = l.tenant_id AND c.member_id = l.member_id
                WHERE l.tenant_id = :tenant AND l.token = :token AND l.used_at IS NOT NULL AND c.chat_id = :chat""")
                .param("tenant", tenant.value()).param("token", token).param("chat", chatId)
                .query(Long.class).single() > 0;
    }

    /** Links the chat to the member: the member's earlier chat is replaced, and the chat leaves any other member. */
    void linkChat(TenantId tenant, MemberId member, long chatId, Instant now) {
        jdbc.sql("DELETE FROM telegram_chat WHERE tenant_id = :tenant AND chat_id = :chat AND member_id <> :member")
                .param("tenant", tenant.value()).param("chat", chatId).param("member", member.value()).update();
        jdbc.sql("""
                INSERT INTO telegram_chat (tenant_id, member_id, chat_id, linked_at) VALUES (:tenant, :member, :chat, :now)
                ON CONFLICT (tenant_id, member_id) DO UPDATE SET chat_id = EXCLUDED.chat_id, linked_at = EXCLUDED.linked_at""")
                .param("tenant", tenant.value()).param("member", member.value()).param("chat", chatId)
                .param("now", Timestamp.from(now)).update();
    }

    Optional<Long> chatOf(TenantId tenant, MemberId member) {
        return jdbc.sql("SELECT chat_id FROM telegram_chat WHERE tenant_id = :tenant AND member_id = :member")
                .param("tenant", tenant.value()).param("member", member.value()).query(Long.class).optional();
    }

    Optional<MemberId> memberOf(TenantId tenant, long chatId) {
        return jdbc.sql("SELECT member_id FROM telegram_chat WHERE tenant_id = :tenant AND chat_id = :chat")
                .param("tenant", tenant.value()).param("chat", chatId)
                .query((rs, i) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    /** The {@code offset} of the next {@code getUpdates}: 0 before the first. */
    long offset(TenantId tenant) {
        return jdbc.sql("SELECT update_offset FROM telegram_bot WHERE tenant_id = :tenant")
                .param("tenant", tenant.value()).query(Long.class).optional().orElse(0L);
    }

    void saveOffset(TenantId tenant, long offset, Instant now) {
        jdbc.sql("""
                INSERT INTO telegram_bot (tenant_id, update_offset, polled_at) VALUES (:tenant, :offset, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET update_offset = GREATEST(telegram_bot.update_offset,
                    EXCLUDED.update_offset), polled_at = EXCLUDED.polled_at""")
                .param("tenant", tenant.value()).param("offset", offset).param("now", Timestamp.from(now)).update();
    }

    /** The tenants whose settings hold a bot (the poller's round); the settings' own table, in this module. */
    List<TenantId> tenantsWithBot() {
        return jdbc.sql("""
                SELECT tenant_id FROM notification_settings
                WHERE settings ->> 'telegramBotToken' IS NOT NULL ORDER BY tenant_id""")
                .query((rs, i) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }
}
