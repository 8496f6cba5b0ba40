package io.kopilka.member.web;

import io.kopilka.member.Member;
import io.kopilka.member.MemberLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/** A member as the API shows it; times in the tenant's zone. */
public record MemberView(String id, String phone, String email, String name, LocalDate birthDate, String locale,
                         String cardNumber, String referralCode, String referredBy, Object tier,
                         Map<String, Boolean> consents, Map<String, Object> attributes, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, boolean erased) {

    public static MemberView of(Member m, ZoneId zone) {
        return of(m, zone, null);
    }

    public static MemberView of(Member m, ZoneId zone, MemberLevel level) {
        return new MemberView(m.id().toString(), m.phone(), m.email(), m.name(), m.birthDate(), m.locale().tag(),
                m.cardNumber(), m.referralCode(), m.referredBy() == null ? null : m.referredBy().toString(), level,
                m.consents(), m.attributes(), m.createdAt().atZone(zone).toOffsetDateTime(),
                m.updatedAt().atZone(zone).toOffsetDateTime(), m.erased());
    }
}
