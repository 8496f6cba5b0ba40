package io.kopilka.memberaccess.internal;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.memberaccess.WalletAccess;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Codes, links and sessions in tables {@code wallet_code} and {@code wallet_session}. */
@Component
class JdbcWalletAccess implements WalletAccess {
    private static final Duration LINK_LIFETIME = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Members members;
    private final Notifications notifications;
    private final Clock clock;
    private final CodeLimits limits;

    JdbcWalletAccess(JdbcClient jdbc, Members members, Notifications notifications, Clock clock,
                     @Value("${kopilka.wallet.codes-per-address-hour:20}") int perAddressHour) {
        this.limits = CodeLimits.STANDARD.withPerAddressHour(perAddressHour);
        this.jdbc = jdbc;
        this.members = members;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CodeRequest requestCode(TenantId tenant, String phone, String address) {
        Instant now = Now.of(clock);
        Optional<Member> member = members.byPhone(tenant, phone).filter(m -> !m.erased());
        // The member's row lock makes the count and the insert one step: two requests at once
        // cannot both slip under the limit.
        member.ifPresent(m -> members.lock(tenant, m.id()));
        int memberShort = member.map(m -> sentTo(tenant, m.id(), now.minus(limits.shortWindow()))).orElse(0);
        int memberDay = member.map(m -> sentTo(tenant, m.id(), now.minus(Duration.ofDays(1)))).orElse(0);
        int addressHour = jdbc.sql("""
                SELECT count(*) FROM wallet_code WHERE tenant_id = :tenant AND address = :address AND created_at > :since""")
                .param("tenant", tenant.value()).param("address", address).param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
                .query(Integer.class).single();
        if (!limits.allows(memberShort, memberDay, addressHour)) {
            return CodeRequest.TOO_MANY;
        }
        UUID id = Ids.next();
        String code = WalletTokens.code();
        // A phone nobody has is counted against the address too (a row without a member or a code).
        jdbc.sql("""
                INSERT INTO wallet_code (tenant_id, id, member_id, address, code_hash, purpose, created_at,
                                         expires_at, tries_left)
                VALUES (:tenant, :id, :member, :address, :hash, 'code', :now, :expires, :tries)""")
                .param("tenant", tenant.value()).param("id", id)
                .param("member", member.map(m -> m.id().value()).orElse(null)).param("address", address)
                .param("hash", member.isPresent() ? WalletTokens.hash(id + ":" + code) : null)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(limits.lifetime())))
                .param("tries", member.isPresent() ? limits.tries() : 0).update();
        member.ifPresent(m -> notifications.notify(new Notice(tenant, m.id(), NoticeKind.LOGIN_CODE, "code:" + id,
                Map.of("code", code, "validMinutes", limits.lifetime().toMinutes()), now)));
        return CodeRequest.SENT;
    }

    private int sentTo(TenantId tenant, MemberId member, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM wallet_code
                WHERE tenant_id = :tenant AND member_id = :member AND purpose = 'code' AND created_at > :since""")
                .param("tenant", tenant.value()).param("member", member.value()).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    @Override
    @Transactional
    public Optional<String> signIn(TenantId tenant, String phone, String code) {
        Optional<Member> member = members.byPhone(tenant, phone).filter(m -> !m.erased());
        if (member.isEmpty() || code == null) {
            return Optional.empty();
        }
        Instant now = Now.of(clock);
        record Live(UUID id, String codeHash) {
        }
        List<Live> codes = jdbc.sql("""
                SELECT id, code_hash FROM wallet_code
                WHERE tenant_id = :tenant AND member_id = :member AND purpose = 'code' AND used_at IS NULL
                  AND tries_left > 0 AND expires_at > :now
                ORDER BY created_at FOR UPDATE""")
                .param("tenant", tenant.value()).param("member", member.get().id().value())
                .param("now", Timestamp.from(now)).query(Live.class).list();
        List<UUID> live = codes.stream().map(Live::id).toList();
        String typed = code.replaceAll("\\s", "");
        boolean matching = codes.stream().anyMatch(c -> WalletTokens.hash(c.id() + ":" + typed).equals(c.codeHash()));
        if (!matching) {
            // A wrong try costs every live code one of its tries: asking for more codes buys no more guesses.
            if (!live.isEmpty()) {
                jdbc.sql("UPDATE wallet_code SET tries_left = tries_left - 1 WHERE tenant_id = :tenant AND id IN (:ids)")
                        .param("tenant", tenant.value()).param("ids", live).update();
            }
            return Optional.empty();
        }
        // One code signs in once; the others sent before it are spent with it.
        jdbc.sql("UPDATE wallet_code SET used_at = :now WHERE tenant_id = :tenant AND id IN (:ids)")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("ids", live).update();
        return Optional.of(newSession(tenant, member.get().id(), now));
    }

    @Override
    @Transactional
    public String startSession(TenantId tenant, MemberId member) {
        members.byId(tenant, member).filter(m -> !m.erased()).orElseThrow(() -> new IllegalArgumentException(
                "no member " + member + " to start a session for"));
        return newSession(tenant, member, Now.of(clock));
    }

    private String newSession(TenantId tenant, MemberId member, Instant now) {
        String token = WalletTokens.token();
        jdbc.sql("""
                INSERT INTO wallet_session (token_hash, tenant_id, member_id, created_at, expires_at)
                VALUES (:hash, :tenant, :member, :now, :expires)""")
                .param("hash", WalletTokens.hash(token)).param("tenant", tenant.value())
                .param("member", member.value()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(SESSION_LIFETIME))).update();
        return token;
    }

    @Override
    @Transactional
    public String signInLink(TenantId tenant, MemberId member) {
        Instant now = Now.of(clock);
        String token = WalletTokens.token();
        jdbc.sql("""
                INSERT INTO wallet_code (tenant_id, id, member_id, address, code_hash, purpose, created_at,
                                         expires_at, tries_left)
                VALUES (:tenant, :id, :member, 'link', :hash, 'link', :now, :expires, 1)""")
                .param("tenant", tenant.value()).param("id", Ids.next()).param("member", member.value())
                .param("hash", WalletTokens.hash(token)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LINK_LIFETIME))).update();
        return token;
    }

    @Override
    @Transactional
    public Optional<String> useLink(TenantId tenant, String linkToken) {
        Instant now = Now.of(clock);
        Optional<UUID> member = jdbc.sql("""
                UPDATE wallet_code SET used_at = :now, tries_left = 0
                WHERE code_hash = :hash AND purpose = 'link' AND tenant_id = :tenant AND used_at IS NULL
                  AND expires_at > :now
                RETURNING member_id""")
                .param("now", Timestamp.from(now)).param("hash", WalletTokens.hash(linkToken))
                .param("tenant", tenant.value()).query(UUID.class).optional();
        return member.map(MemberId::new)
                .filter(id -> members.byId(tenant, id).filter(m -> !m.erased()).isPresent())
                .map(id -> newSession(tenant, id, now));
    }

    @Override
    public Optional<MemberId> session(TenantId tenant, String token) {
        return jdbc.sql("""
                SELECT member_id FROM wallet_session
                WHERE token_hash = :hash AND tenant_id = :tenant AND revoked_at IS NULL AND expires_at > :now""")
                .param("hash", WalletTokens.hash(token)).param("tenant", tenant.value())
                .param("now", Timestamp.from(clock.instant())).query(UUID.class).optional().map(MemberId::new);
    }

    @Override
    @Transactional
    public void signOut(TenantId tenant, String token) {
        jdbc.sql("""
                UPDATE wallet_session SET revoked_at = :now
                WHERE token_hash = :hash AND tenant_id = :tenant AND revoked_at IS NULL""")
                .param("now", Timestamp.from(Now.of(clock))).param("hash", WalletTokens.hash(token))
                .param("tenant", tenant.value()).update();
    }

    /** An erased member's devices are signed out, and the codes that named them go (the address is personal data). */
    void forget(TenantId tenant, MemberId member) {
        jdbc.sql("UPDATE wallet_session SET revoked_at = :now WHERE tenant_id = :tenant AND member_id = :member "
                        + "AND revoked_at IS NULL")
                .param("now", Timestamp.from(Now.of(clock))).param("tenant", tenant.value())
                .param("member", member.value()).update();
        jdbc.sql("DELETE FROM wallet_code WHERE tenant_id = :tenant AND member_id = :member")
                .param("tenant", tenant.value()).param("member", member.value()).update();
    }
}
