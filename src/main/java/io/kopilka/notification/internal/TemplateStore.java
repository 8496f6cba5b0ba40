package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import io.kopilka.tenant.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tenants' own texts ({@code notification_template}). Every message reads them, so each tenant's (at most
 * 78 rows) are held in a {@link TenantCache} and dropped on every instance when one changes.
 */
@Repository
class TemplateStore {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantCache<Map<Key, TemplateText>> cache;

    TemplateStore(JdbcClient jdbc, Clock clock, ChangeNotifications changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = new TenantCache<>("notification-templates", changes);
    }

    /** The tenant's own text of a kind, language and channel (Telegram: the SMS one). */
    Optional<TemplateText> find(TenantId tenant, NoticeKind kind, Language language, Channel channel) {
        return Optional.ofNullable(cache.get(tenant, this::load)
                .get(new Key(kind, language, TemplateText.templateChannel(channel))));
    }

    /** In the caller's transaction; the caches drop the tenant's texts when it commits. */
    void save(TenantId tenant, NoticeKind kind, Language language, Channel channel, TemplateText text) {
        jdbc.sql("""
                INSERT INTO notification_template (tenant_id, kind, locale, channel, subject, body, updated_at)
                VALUES (:tenant, :kind, :locale, :channel, :subject, :body, :now)
                ON CONFLICT (tenant_id, kind, locale, channel)
                DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at""")
                .param("tenant", tenant.value()).param("kind", kind.code()).param("locale", language.tag())
                .param("channel", channel.code()).param("subject", text.subject()).param("body", text.body())
                .param("now", Timestamp.from(Now.of(clock))).update();
        cache.changed(tenant);
    }

    /** Whether there was one to remove. */
    boolean delete(TenantId tenant, NoticeKind kind, Language language, Channel channel) {
        int removed = jdbc.sql("""
                DELETE FROM notification_template
                WHERE tenant_id = :tenant AND kind = :kind AND locale = :locale AND channel = :channel""")
                .param("tenant", tenant.value()).param("kind", kind.code()).param("locale", language.tag())
                .param("channel", channel.code()).update();
        if (removed > 0) {
            cache.changed(tenant);
        }
        return removed > 0;
    }

    private Map<Key, TemplateText> load(TenantId tenant) {
        return jdbc.sql("SELECT kind, locale, channel, subject, body FROM notification_template WHERE tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query((rs, n) -> Map.entry(
                        // A kind this version no longer has is skipped rather than failing every message.
                        new Key(NoticeKind.fromCode(rs.getString("kind")).orElse(null),
                                Language.fromTag(rs.getString("locale")).orElseThrow(),
                                Channel.fromCode(rs.getString("channel")).orElseThrow()),
                        new TemplateText(rs.getString("subject"), rs.getString("body"))))
                .list().stream().filter(entry -> entry.getKey().kind() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private record Key(NoticeKind kind, Language language, Channel channel) {
    }
}
