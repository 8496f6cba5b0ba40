package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * A member joined, referred by {@code referredBy} (null when nobody referred them). Published inside
 * the joining transaction, so that a welcome bonus is written with the member or not at all, and so
 * that the publications of listeners that run later are stored with the member.
 */
public record MemberJoined(TenantId tenant, MemberId member, MemberId referredBy, Instant at) {
}
