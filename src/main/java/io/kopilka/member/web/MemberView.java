package io.kopilka.member.web;

import io.kopilka.member.Member;
import io.kopilka.member.MemberLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A member as the API shows it; times in the tenant's zone. */
public record MemberView(String id, @Nullable @Schema(description = "E.164", example = "+77011234567") String phone,
                         @Nullable String email, @Nullable String name, @Nullable LocalDate birthDate, String locale,
                         @Nullable @Schema(description = "12 digits, the last a check digit; null once erased",
                                 example = "401234567897") String cardNumber,
                         String referralCode,
                         @Nullable @Schema(description = "The id of the member who referred this one")
                         String referredBy,
                         @Nullable @Schema(implementation = MemberLevel.class,
                                 description = "The member's level; null without a tier ladder") Object tier,
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
