package io.kopilka.notification;

import io.kopilka.shared.TenantId;

/**
 * Messages to members. Other modules do not call this for their events: this module listens to them.
 * It is here for what only a caller knows, such as a wallet's login code.
 */
public interface Notifications {

    /**
     * Decides what becomes of a notice and records it, in the caller's transaction or one of its own: a
     * message queued on the first channel of the tenant's order the member consented to and can be
     * reached on, in the member's language (after quiet hours when they apply); or one logged as
     * {@code suppressed} or {@code undeliverable} with the reason. Queued messages are sent within
     * seconds by the dispatcher, after this transaction commits. Idempotent by member, kind and
     * occasion: a notice seen before changes nothing and returns the first message.
     */
    NoticeMessage notify(Notice notice);

    NotificationSettings settings(TenantId tenant);

    /** Replaces the tenant's settings (validated by the caller), in the caller's transaction. */
    NotificationSettings replaceSettings(TenantId tenant, NotificationSettings settings);
}
