package io.kopilka.member.internal;

import io.kopilka.member.ConsentChange;
import io.kopilka.member.ConsentSource;
import io.kopilka.member.Consents;
import io.kopilka.member.Member;
import io.kopilka.member.MemberUpdated;
import io.kopilka.member.Members;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class ConsentService implements Consents {
    private final JdbcClient jdbc;
    private final Members members;
    private final ConsentLog log;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConsentService(JdbcClient jdbc, Members members, ConsentLog log, JsonMapper json, Clock clock,
                   ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.members = members;
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public boolean set(TenantId tenant, MemberId id, String key, boolean granted, ConsentSource source) {
        Member member = members.lock(tenant, id);
        if (member.erased() || Boolean.valueOf(granted).equals(member.consents().get(key))) {
            return false;
        }
        Map<String, Boolean> after = new LinkedHashMap<>(member.consents());
        after.put(key, granted);
        Instant now = Now.of(clock);
        jdbc.sql("""
                UPDATE member SET consents = CAST(:consents AS jsonb), updated_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("consents", json.writeValueAsString(after)).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).param("id", id.value()).update();
        log.record(tenant, id, member.consents(), after, source, now);
        events.publishEvent(new MemberUpdated(tenant, id, List.of("consents"), now));
        return true;
    }

    @Override
    public List<ConsentChange> history(TenantId tenant, MemberId member, Instant afterAt, UUID afterId, int limit) {
        return log.page(tenant, member, afterAt, afterId, limit);
    }
}
