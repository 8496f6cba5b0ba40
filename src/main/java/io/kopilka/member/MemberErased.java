package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * A member's personal data was erased (the id, the account and the history stay, anonymous).
 * Published in the erasing transaction, once: erasing an erased member again publishes nothing.
 * A listener that keeps personal data of its own (a notification address, a webhook's copy) drops
 * it here.
 */
public record MemberErased(TenantId tenant, MemberId member, Instant at) {
}
