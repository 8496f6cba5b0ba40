package io.kopilka.member.internal;

import io.kopilka.member.CardNumbers;
import io.kopilka.member.ConsentSource;
import io.kopilka.member.Member;
import io.kopilka.member.MemberErased;
import io.kopilka.member.MemberJoined;
import io.kopilka.member.MemberRef;
import io.kopilka.member.MemberUpdated;
import io.kopilka.member.Members;
import io.kopilka.member.PhoneNumbers;
import io.kopilka.member.ReferralCodes;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcMembers implements Members {
    private static final int MAX_CODE_ATTEMPTS = 8;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Boolean>> FLAGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ConsentLog consentLog;
    private final SecureRandom random = new SecureRandom();

    JdbcMembers(JdbcClient jdbc, Tenants tenants, JsonMapper json, Clock clock, ApplicationEventPublisher events,
                ConsentLog consentLog) {
        this.consentLog = consentLog;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Member join(TenantId tenantId, NewMember request) {
        return join(tenantId, request, ConsentSource.system());
    }

    @Override
    @Transactional
    public Member join(TenantId tenantId, NewMember request, ConsentSource source) {
        Tenant tenant = tenants.get(tenantId);
        Instant now = Now.of(clock);
        MemberValidation v = new MemberValidation();
        String phone = null;
        if (request.phone() != null) {
            phone = PhoneNumbers.normalize(request.phone(), tenant.country()).orElse(null);
            if (phone == null) {
                v.reject("phone", "is not a phone number; write it as +7 701 123 45 67 or 8 701 123 45 67");
            }
        }
        String email = v.email(request.email());
        if (request.phone() == null && request.email() == null) {
            v.reject("phone", "a phone or an e-mail is required");
        }
        String name = v.name(request.name());
        LocalDate birthDate = v.birthDate(request.birthDate(), LocalDate.now(clock.withZone(tenant.timezone())));
        Language locale = v.locale(request.locale(), tenant.locale());
        Map<String, Boolean> consents = v.consents(request.consents(), Map.of());
        Map<String, Object> attributes = v.attributes(request.attributes(), Map.of(), false);
        String attributesJson = json.writeValueAsString(attributes);
        v.attributesSize(attributesJson);
        MemberId referrer = null;
        if (request.referralCode() != null && !request.referralCode().isBlank()) {
            referrer = byReferralCode(tenantId, ReferralCodes.clean(request.referralCode())).orElse(null);
            if (referrer == null) {
                v.reject("referralCode", "no member has this referral code");
            }
        }
        v.throwIfInvalid();

        MemberId id = new MemberId(Ids.next());
        String card = reserveCard(tenantId, id, now);
        for (int attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
            String referralCode = ReferralCodes.generate(random);
            int inserted = jdbc.sql("""
                    INSERT INTO member (tenant_id, id, phone, email, name, birth_date, locale, card_number,
                                        referral_code, referred_by, consents, attributes, created_at, updated_at)
                    VALUES (:tenant, :id, :phone, :email, :name, :birthDate, :locale, :card, :code, :referrer,
                            CAST(:consents AS jsonb), CAST(:attributes AS jsonb), :now, :now)
                    ON CONFLICT DO NOTHING""")
                    .param("tenant", tenantId.value()).param("id", id.value()).param("phone", phone)
                    .param("email", email).param("name", name).param("birthDate", birthDate)
                    .param("locale", locale.tag()).param("card", card).param("code", referralCode)
                    .param("referrer", referrer == null ? null : referrer.value())
                    .param("consents", json.writeValueAsString(consents)).param("attributes", attributesJson)
                    .param("now", Timestamp.from(now))
                    .update();
            if (inserted == 1) {
                consentLog.record(tenantId, id, Map.of(), consents, source, now);
                events.publishEvent(new MemberJoined(tenantId, id, referrer, now));
                return new Member(id, phone, email, name, birthDate, locale, card, referralCode, referrer, consents,
                        attributes, now, now, null);
            }
            if (phone != null) {
                Optional<MemberId> existing = idByPhone(tenantId, phone);
                if (existing.isPresent()) {
                    throw new ApiProblem(409, "member_exists", "A member with this phone already exists",
                            List.of(), Map.of("memberId", existing.get().toString()));
                }
            }
            // Otherwise the random referral code collided: draw another.
        }
        throw new IllegalStateException("Could not find a free referral code");
    }

    /**
     * Takes a card number that was never issued in this tenant. The member_card row goes first (its
     * foreign key is checked at commit), so a number retired by a reissue is never handed out again.
     */
    private String reserveCard(TenantId tenant, MemberId member, Instant now) {
        for (int attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
            String card = CardNumbers.generate(random);
            int inserted = jdbc.sql("""
                    INSERT INTO member_card (tenant_id, card_number, member_id, issued_at)
                    VALUES (:tenant, :card, :member, :now) ON CONFLICT DO NOTHING""")
                    .param("tenant", tenant.value()).param("card", card).param("member", member.value())
                    .param("now", Timestamp.from(now)).update();
            if (inserted == 1) {
                return card;
            }
        }
        throw new IllegalStateException("Could not find a free card number");
    }

    @Override
    public Optional<Member> byId(TenantId tenant, MemberId id) {
        return jdbc.sql("SELECT * FROM member WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id.value()).query(this::map).optional();
    }

    @Override
    public Optional<Member> byPhone(TenantId tenant, String phone) {
        String normalized = PhoneNumbers.normalize(phone, tenants.get(tenant).country())
                .orElseThrow(() -> ApiProblem.invalid("phone", "is not a phone number"));
        return jdbc.sql("SELECT * FROM member WHERE tenant_id = :tenant AND phone = :phone")
                .param("tenant", tenant.value()).param("phone", normalized).query(this::map).optional();
    }

    @Override
    public Optional<Member> byCard(TenantId tenant, String card) {
        String cleaned = CardNumbers.clean(card);
        if (!CardNumbers.isValid(cleaned)) {
            throw ApiProblem.invalid("card", "is not a card number (12 digits with a check digit)");
        }
        return jdbc.sql("SELECT * FROM member WHERE tenant_id = :tenant AND card_number = :card")
                .param("tenant", tenant.value()).param("card", cleaned).query(this::map).optional();
    }

    @Override
    public Member resolve(TenantId tenant, MemberRef ref) {
        int given = (ref.id() == null ? 0 : 1) + (ref.phone() == null ? 0 : 1) + (ref.card() == null ? 0 : 1);
        if (given != 1) {
            throw ApiProblem.invalid("member", "name the member by exactly one of id, phone or card");
        }
        Optional<Member> found;
        if (ref.id() != null) {
            found = Ids.parse(ref.id()).flatMap(id -> byId(tenant, new MemberId(id)));
        } else if (ref.phone() != null) {
            found = byPhone(tenant, ref.phone());
        } else {
            found = byCard(tenant, ref.card());
        }
        return found.filter(m -> !m.erased()).orElseThrow(() -> ApiProblem.notFound("Member"));
    }

    @Override
    public List<Member> page(TenantId tenant, MemberId after, int limit) {
        return jdbc.sql("""
                SELECT * FROM member WHERE tenant_id = :tenant AND (CAST(:after AS uuid) IS NULL OR id > :after)
                ORDER BY id LIMIT :limit""")
                .param("tenant", tenant.value()).param("after", after == null ? null : after.value())
                .param("limit", limit).query(this::map).list();
    }

    @Override
    public List<Member> bornOn(TenantId tenant, List<String> days, MemberId after, int limit) {
        return jdbc.sql("""
                SELECT * FROM member WHERE tenant_id = :tenant AND erased_at IS NULL AND birth_date IS NOT NULL
                  AND to_char(birth_date, 'MM-DD') = ANY (CAST(:days AS text[]))
                  AND (CAST(:after AS uuid) IS NULL OR id > :after)
                ORDER BY id LIMIT :limit""")
                .param("tenant", tenant.value()).param("days", days.toArray(String[]::new))
                .param("after", after == null ? null : after.value()).param("limit", limit)
                .query(this::map).list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Member lock(TenantId tenant, MemberId id) {
        return byIdForUpdate(tenant, id).orElseThrow(() -> ApiProblem.notFound("Member"));
    }

    @Override
    @Transactional
    public Member update(TenantId tenantId, MemberId id, MemberChanges changes) {
        return update(tenantId, id, changes, ConsentSource.system());
    }

    @Override
    @Transactional
    public Member update(TenantId tenantId, MemberId id, MemberChanges changes, ConsentSource source) {
        Tenant tenant = tenants.get(tenantId);
        Member current = lockLive(tenantId, id);
        Map<String, Object> f = changes.fields();
        MemberValidation v = new MemberValidation();
        String phone = current.phone();
        if (f.containsKey("phone")) {
            Object raw = f.get("phone");
            phone = raw == null ? null
                    : raw instanceof String s ? PhoneNumbers.normalize(s, tenant.country()).orElse(null) : null;
            if (raw != null && phone == null) {
                v.reject("phone", "is not a phone number");
            }
        }
        String email = f.containsKey("email") ? v.email(f.get("email")) : current.email();
        if (phone == null && email == null) {
            v.reject("phone", "a member keeps a phone or an e-mail");
        }
        String name = f.containsKey("name") ? v.name(f.get("name")) : current.name();
        LocalDate birthDate = f.containsKey("birthDate")
                ? v.birthDate(f.get("birthDate"), LocalDate.now(clock.withZone(tenant.timezone())))
                : current.birthDate();
        Language locale = f.containsKey("locale") ? v.locale(f.get("locale"), current.locale()) : current.locale();
        Map<String, Boolean> consents = v.consents(f.get("consents"), current.consents());
        Map<String, Object> attributes = v.attributes(f.get("attributes"), current.attributes(), true);
        String attributesJson = json.writeValueAsString(attributes);
        v.attributesSize(attributesJson);
        for (String key : f.keySet()) {
            if (!List.of("phone", "email", "name", "birthDate", "locale", "consents", "attributes").contains(key)) {
                v.reject(key, "cannot be changed");
            }
        }
        v.throwIfInvalid();
        if (phone != null && !phone.equals(current.phone())) {
            Optional<MemberId> other = idByPhone(tenantId, phone);
            if (other.isPresent()) {
                throw new ApiProblem(409, "member_exists", "Another member has this phone", List.of(),
                        Map.of("memberId", other.get().toString()));
            }
        }
        Instant now = Now.of(clock);
        int updated = jdbc.sql("""
                UPDATE member SET phone = :phone, email = :email, name = :name, birth_date = :birthDate,
                       locale = :locale, consents = CAST(:consents AS jsonb), attributes = CAST(:attributes AS jsonb),
                       updated_at = :now
                WHERE tenant_id = :tenant AND id = :id AND NOT EXISTS (
                       SELECT 1 FROM member o WHERE o.tenant_id = :tenant AND o.phone = :phone AND o.id <> :id)""")
                .param("phone", phone).param("email", email).param("name", name).param("birthDate", birthDate)
                .param("locale", locale.tag()).param("consents", json.writeValueAsString(consents))
                .param("attributes", attributesJson).param("now", Timestamp.from(now))
                .param("tenant", tenantId.value()).param("id", id.value())
                .update();
        if (updated == 0) {
            throw ApiProblem.conflict("member_exists", "Another member has this phone");
        }
        consentLog.record(tenantId, id, current.consents(), consents, source, now);
        events.publishEvent(new MemberUpdated(tenantId, id, List.copyOf(new TreeSet<>(f.keySet())), now));
        return byId(tenantId, id).orElseThrow();
    }

    @Override
    @Transactional
    public Member reissueCard(TenantId tenant, MemberId id) {
        Member current = lockLive(tenant, id);
        Instant now = Now.of(clock);
        retireCard(tenant, current, now);
        String card = reserveCard(tenant, id, now);
        jdbc.sql("UPDATE member SET card_number = :card, updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("card", card).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).param("id", id.value()).update();
        return byId(tenant, id).orElseThrow();
    }

    @Override
    @Transactional
    public boolean withdrawConsent(TenantId tenant, MemberId id, String channel, String source) {
        return withdrawConsent(tenant, id, channel, new ConsentSource(source, Map.of()));
    }

    @Override
    @Transactional
    public boolean withdrawConsent(TenantId tenant, MemberId id, String channel, ConsentSource source) {
        Instant now = Now.of(clock);
        boolean changed = jdbc.sql("""
                UPDATE member SET consents = consents || jsonb_build_object(CAST(:channel AS text), false),
                       updated_at = :now
                WHERE tenant_id = :tenant AND id = :id AND erased_at IS NULL
                  AND coalesce(consents ->> CAST(:channel AS text), 'false') <> 'false'""")
                .param("channel", channel).param("now", Timestamp.from(now)).param("tenant", tenant.value())
                .param("id", id.value()).update() == 1;
        if (changed) {
            // Only a consent that was true is withdrawn (the statement's condition), so that is what was before.
            consentLog.record(tenant, id, Map.of(channel, true), Map.of(channel, false), source, now);
            events.publishEvent(new MemberUpdated(tenant, id, List.of("consents"), now));
        }
        return changed;
    }

    @Override
    @Transactional
    public void erase(TenantId tenant, MemberId id) {
        Member current = byIdForUpdate(tenant, id).orElseThrow(() -> ApiProblem.notFound("Member"));
        if (current.erased()) {
            return;
        }
        Instant now = Now.of(clock);
        retireCard(tenant, current, now);
        jdbc.sql("""
                UPDATE member SET phone = NULL, email = NULL, name = NULL, birth_date = NULL, card_number = NULL,
                       consents = '{}', attributes = '{}', updated_at = :now, erased_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id.value()).update();
        // The consents are gone with the data: the history says so, and keeps what was agreed before.
        consentLog.record(tenant, id, current.consents(), Map.of(), new ConsentSource("erasure", Map.of()), now);
        consentLog.forgetDetail(tenant, id);
        events.publishEvent(new MemberErased(tenant, id, now));
    }

    private void retireCard(TenantId tenant, Member member, Instant now) {
        if (member.cardNumber() != null) {
            jdbc.sql("""
                    UPDATE member_card SET retired_at = :now
                    WHERE tenant_id = :tenant AND card_number = :card AND retired_at IS NULL""")
                    .param("now", Timestamp.from(now)).param("tenant", tenant.value())
                    .param("card", member.cardNumber()).update();
        }
    }

    private Member lockLive(TenantId tenant, MemberId id) {
        Member member = byIdForUpdate(tenant, id).orElseThrow(() -> ApiProblem.notFound("Member"));
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "This member's personal data was erased");
        }
        return member;
    }

    private Optional<Member> byIdForUpdate(TenantId tenant, MemberId id) {
        return jdbc.sql("SELECT * FROM member WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", id.value()).query(this::map).optional();
    }

    private Optional<MemberId> idByPhone(TenantId tenant, String phone) {
        return jdbc.sql("SELECT id FROM member WHERE tenant_id = :tenant AND phone = :phone")
                .param("tenant", tenant.value()).param("phone", phone)
                .query((rs, i) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    private Optional<MemberId> byReferralCode(TenantId tenant, String code) {
        return jdbc.sql("SELECT id FROM member WHERE tenant_id = :tenant AND referral_code = :code AND erased_at IS NULL")
                .param("tenant", tenant.value()).param("code", code)
                .query((rs, i) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    /** Package-private: the search reads the same rows. */
    Member map(ResultSet rs, int row) throws SQLException {
        UUID referredBy = rs.getObject("referred_by", UUID.class);
        Timestamp erased = rs.getTimestamp("erased_at");
        java.sql.Date birth = rs.getDate("birth_date");
        return new Member(new MemberId(rs.getObject("id", UUID.class)), rs.getString("phone"), rs.getString("email"),
                rs.getString("name"), birth == null ? null : birth.toLocalDate(),
                Language.fromTag(rs.getString("locale")).orElse(Language.RU), rs.getString("card_number"),
                rs.getString("referral_code"), referredBy == null ? null : new MemberId(referredBy),
                new LinkedHashMap<>(json.readValue(rs.getString("consents"), FLAGS)),
                new LinkedHashMap<>(json.readValue(rs.getString("attributes"), OBJECT)),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                erased == null ? null : erased.toInstant());
    }
}
