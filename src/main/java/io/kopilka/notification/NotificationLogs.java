package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read side of the notification log ({@code GET /api/v1/notifications}): what was told to whom. */
public interface NotificationLogs {

    /**
     * Newest first, after ({@code afterAt}, {@code afterId}) when given; each filter may be null.
     */
    List<NoticeMessage> page(TenantId tenant, MemberId member, NoticeKind kind, NoticeStatus status, Instant afterAt,
                             UUID afterId, int limit);

    Optional<NoticeMessage> byId(TenantId tenant, UUID id);

    /** The e-mail's HTML part as sent; empty for other channels. */
    Optional<String> html(TenantId tenant, UUID id);
}
