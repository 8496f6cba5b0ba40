package io.kopilka.member;

import io.kopilka.shared.MemberId;
import io.kopilka.tenant.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A customer in a tenant's program. After erasure only the id, the referral code and the dates
 * remain: the ledger history stays, anonymous.
 */
public record Member(MemberId id, String phone, String email, String name, LocalDate birthDate, Language locale,
                     String cardNumber, String referralCode, MemberId referredBy, Map<String, Boolean> consents,
                     Map<String, Object> attributes, Instant createdAt, Instant updatedAt, Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }
}
