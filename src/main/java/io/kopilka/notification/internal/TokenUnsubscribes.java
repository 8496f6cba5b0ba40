package io.kopilka.notification.internal;

import io.kopilka.member.ConsentSource;
import io.kopilka.member.Members;
import io.kopilka.notification.Channel;
import io.kopilka.notification.Unsubscribes;
import io.kopilka.notification.UnsubscribeTokens;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenants;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Unsubscribe links, found by the token each e-mail's row keeps. */
@Service
class TokenUnsubscribes implements Unsubscribes {
    private final JdbcClient jdbc;
    private final Members members;
    private final Tenants tenants;

    TokenUnsubscribes(JdbcClient jdbc, Members members, Tenants tenants) {
        this.jdbc = jdbc;
        this.members = members;
        this.tenants = tenants;
    }

    private record Sent(TenantId tenant, MemberId member, Language language) {
    }

    @Override
    public Optional<Link> find(String token) {
        return sent(token).map(this::link);
    }

    @Override
    @Transactional
    public Optional<Link> confirm(String token, String ip, String userAgent) {
        Optional<Sent> sent = sent(token);
        // Already withdrawn, or the member erased since: the page says the same, nothing is written.
        sent.ifPresent(s -> members.withdrawConsent(s.tenant(), s.member(), Channel.EMAIL.code(),
                ConsentSource.unsubscribeLink(ip, userAgent)));
        return sent.map(this::link);
    }

    private Optional<Sent> sent(String token) {
        return UnsubscribeTokens.tenantOf(token).flatMap(tenant -> jdbc.sql("""
                        SELECT member_id, language FROM notification
                        WHERE tenant_id = :tenant AND unsubscribe_token = :token""")
                .param("tenant", tenant.value()).param("token", token)
                .query((rs, n) -> new Sent(tenant, new MemberId(rs.getObject("member_id", UUID.class)),
                        Language.fromTag(rs.getString("language")).orElseThrow()))
                .optional());
    }

    private Link link(Sent sent) {
        return new Link(tenants.get(sent.tenant()).name(), sent.language());
    }
}
