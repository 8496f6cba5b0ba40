package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/** Published inside the joining transaction, so that a welcome bonus is written with the member or not at all. */
public record MemberJoined(TenantId tenant, MemberId member, MemberId referredBy, Instant at) {
}
