package io.kopilka.confirmation.internal;

import io.kopilka.confirmation.RedemptionConfirmations;
import io.kopilka.confirmation.TotpCodes;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.Notifications;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The member's secret and sent code in {@code redemption_secret} and {@code redemption_code}. */
@Service
class JdbcRedemptionConfirmations implements RedemptionConfirmations {
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(5);
    private static final int SECRET_BYTES = 20; // 160 bits, what RFC 4226 recommends for HMAC-SHA1
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Members members;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    JdbcRedemptionConfirmations(JdbcClient jdbc, Members members, Notifications notifications, TransactionTemplate tx,
                                Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    private record Secret(byte[] secret, long lastStep, int failures, Instant lockedUntil) {
    }

    @Override
    public String currentCode(TenantId tenant, MemberId member, Instant now) {
        existing(tenant, member);
        return tx.execute(s -> TotpCodes.code(secret(tenant, member, now, false).secret(), TotpCodes.step(now)));
    }

    @Override
    public void sendCode(Caller caller, MemberId id) {
        Member member = existing(caller.tenant(), id);
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "The member was erased");
        }
        Instant now = Now.of(clock);
        String code = String.format("%06d", random.nextInt(1_000_000));
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO redemption_code (tenant_id, member_id, code_hash, expires_at, tries, used_at, created_at)
                    VALUES (:tenant, :member, :hash, :expires, 0, NULL, :now)
                    ON CONFLICT (tenant_id, member_id) DO UPDATE SET code_hash = EXCLUDED.code_hash,
                        expires_at = EXCLUDED.expires_at, tries = 0, used_at = NULL, created_at = EXCLUDED.created_at""")
                    .param("tenant", caller.tenant().value()).param("member", id.value()).param("hash", hash(id, code))
                    .param("expires", Timestamp.from(now.plus(Duration.ofMinutes(SENT_CODE_MINUTES))))
                    .param("now", Timestamp.from(now)).update();
            NoticeMessage sent = notifications.notify(new Notice(caller.tenant(), id, NoticeKind.LOGIN_CODE,
                    "redemption:" + Ids.next(), Map.of("code", code, "validMinutes", (long) SENT_CODE_MINUTES), now));
            if (sent.status() == NoticeStatus.UNDELIVERABLE || sent.status() == NoticeStatus.SUPPRESSED) {
                // Rolled back with the code: a code nobody can receive must not wait to be guessed.
                throw new ApiProblem(422, "code_undeliverable", "The member cannot be reached ("
                        + sent.reason() + "): ask for the code their wallet shows", java.util.List.of(),
                        Map.of("reason", String.valueOf(sent.reason())));
            }
        });
    }

    @Override
    public boolean confirm(TenantId tenant, MemberId member, String typed, Instant now) {
        if (members.byId(tenant, member).filter(m -> !m.erased()).isEmpty()) {
            return false;
        }
        String code = TotpCodes.clean(typed);
        return Boolean.TRUE.equals(tx.execute(s -> {
            Secret secret = secret(tenant, member, now, true);
            if (secret.lockedUntil() != null && now.isBefore(secret.lockedUntil())) {
                return false;
            }
            if (code != null && (walletCode(tenant, member, secret, code, now) || sentCode(tenant, member, code, now))) {
                jdbc.sql("UPDATE redemption_secret SET failures = 0 WHERE tenant_id = :tenant AND member_id = :member")
                        .param("tenant", tenant.value()).param("member", member.value()).update();
                return true;
            }
            int failures = secret.failures() + 1;
            boolean lock = failures >= MAX_FAILURES;
            jdbc.sql("""
                    UPDATE redemption_secret SET failures = :failures, locked_until = CAST(:locked AS timestamptz)
                    WHERE tenant_id = :tenant AND member_id = :member""")
                    .param("failures", lock ? 0 : failures)
                    .param("locked", lock ? Timestamp.from(now.plus(LOCK)) : null)
                    .param("tenant", tenant.value()).param("member", member.value()).update();
            return false;
        }));
    }

    /** This step's code or the one before (the member read it out as it turned), each step once. */
    private boolean walletCode(TenantId tenant, MemberId member, Secret secret, String code, Instant now) {
        long step = TotpCodes.step(now);
        for (long s = step; s >= step - 1; s--) {
            if (s > secret.lastStep() && MessageDigest.isEqual(TotpCodes.code(secret.secret(), s)
                    .getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                jdbc.sql("UPDATE redemption_secret SET last_step = :step WHERE tenant_id = :tenant AND member_id = :member")
                        .param("step", s).param("tenant", tenant.value()).param("member", member.value()).update();
                return true;
            }
        }
        return false;
    }

    private boolean sentCode(TenantId tenant, MemberId member, String code, Instant now) {
        record Sent(String hash, Instant expiresAt, int tries, Instant usedAt) {
        }
        var sent = jdbc.sql("""
                SELECT code_hash, expires_at, tries, used_at FROM redemption_code
                WHERE tenant_id = :tenant AND member_id = :member FOR UPDATE""")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> new Sent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
        if (sent.isEmpty() || sent.get().usedAt() != null || !now.isBefore(sent.get().expiresAt())
                || sent.get().tries() >= MAX_FAILURES) {
            return false;
        }
        boolean good = MessageDigest.isEqual(sent.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash(member, code).getBytes(StandardCharsets.US_ASCII));
        jdbc.sql("""
                UPDATE redemption_code SET tries = tries + CASE WHEN :good THEN 0 ELSE 1 END,
                    used_at = CASE WHEN :good THEN CAST(:now AS timestamptz) ELSE NULL END
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("good", good).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).param("member", member.value()).update();
        return good;
    }

    /** The member's secret, made on first use (two tills asking at once make one: the insert's conflict). */
    private Secret secret(TenantId tenant, MemberId member, Instant now, boolean lock) {
        byte[] fresh = new byte[SECRET_BYTES];
        random.nextBytes(fresh);
        jdbc.sql("""
                INSERT INTO redemption_secret (tenant_id, member_id, secret, created_at) VALUES (:tenant, :member, :secret, :now)
                ON CONFLICT (tenant_id, member_id) DO NOTHING""")
                .param("tenant", tenant.value()).param("member", member.value()).param("secret", fresh)
                .param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT secret, last_step, failures, locked_until FROM redemption_secret "
                        + "WHERE tenant_id = :tenant AND member_id = :member" + (lock ? " FOR UPDATE" : ""))
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> new Secret(rs.getBytes(1), rs.getLong(2), rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .single();
    }

    private Member existing(TenantId tenant, MemberId member) {
        return members.byId(tenant, member).orElseThrow(() -> ApiProblem.notFound("Member"));
    }

    private static String hash(MemberId member, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((member.value() + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
