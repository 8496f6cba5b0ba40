package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A member's record was changed by a {@code PATCH}: {@code fields} names what the caller sent (phone,
 * email, name, birthDate, locale, consents, attributes). Published inside the update's transaction.
 */
public record MemberUpdated(TenantId tenant, MemberId member, List<String> fields, Instant at) {

    public MemberUpdated {
        fields = List.copyOf(fields);
    }
}
