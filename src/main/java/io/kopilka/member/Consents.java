package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's consents to be written to, changed one key at a time by what is not an edit of the member
 * (a Telegram chat linked or blocked, an unsubscribe link), and their history. Every change of a member's
 * consents, by these methods or by {@link Members#join} and {@link Members#update}, is recorded in the
 * same transaction.
 */
public interface Consents {

    /**
     * Sets one key of the member's consents and records the change; publishes {@link MemberUpdated}.
     * Nothing happens (and false is answered) when the key already has this value or the member was erased.
     */
    boolean set(TenantId tenant, MemberId member, String key, boolean granted, ConsentSource source);

    /** The member's consent history, newest first, after the given (at, id) when they are not null. */
    List<ConsentChange> history(TenantId tenant, MemberId member, Instant afterAt, UUID afterId, int limit);
}
