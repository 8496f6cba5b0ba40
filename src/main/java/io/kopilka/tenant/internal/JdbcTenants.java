package io.kopilka.tenant.internal;

import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem.FieldError;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.DefaultCountry;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Role;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcTenants implements Tenants {
    private final JdbcClient jdbc;
    private final ApiKeys keys;
    private final Clock clock;
    // Tenants never change after creation (yet), so a plain cache is exact, not a guess.
    private final Map<TenantId, Tenant> cache = new ConcurrentHashMap<>();
    // A slug is the tenant's for good (unique, never reassigned), so a found one is kept too: every wallet
    // page asks for its business by slug more than once (the frame's model, the page). Only found slugs are
    // kept, so made-up addresses cannot grow it past the number of tenants.
    private final Map<String, TenantId> idsBySlug = new ConcurrentHashMap<>();

    private final SlugAssignment slugs;

    JdbcTenants(JdbcClient jdbc, ApiKeys keys, Clock clock, SlugAssignment slugs) {
        this.slugs = slugs;
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Created create(NewTenant request) {
        Tenant validated = validate(request);
        jdbc.sql("""
                INSERT INTO tenant (id, name, currency, timezone, locale, country, created_at)
                VALUES (:id, :name, :currency, :timezone, :locale, :country, :createdAt)""")
                .param("id", validated.id().value()).param("name", validated.name())
                .param("currency", validated.currency().getCurrencyCode()).param("timezone", validated.timezone().getId())
                .param("locale", validated.locale().tag()).param("country", validated.country())
                .param("createdAt", Timestamp.from(validated.createdAt()))
                .update();
        Tenant tenant = slugs.assign(validated);
        ApiKeys.Issued admin = keys.issue(Caller.system(tenant.id()), "admin", Role.ADMIN, null);
        return new Created(tenant, admin.secret());
    }

    private Tenant validate(NewTenant request) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(String.valueOf(request.currency()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as KZT, RUB or USD"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(String.valueOf(request.timezone()));
        } catch (DateTimeException e) {
            errors.add(new FieldError("timezone", "must be an IANA time zone such as Asia/Almaty"));
        }
        Optional<Language> language = request.locale() == null ? Optional.of(Language.RU)
                : Language.fromTag(request.locale());
        if (language.isEmpty()) {
            errors.add(new FieldError("locale", "must be one of ru, kk, en"));
        }
        if (request.country() != null && !DefaultCountry.isKnownCountry(request.country())) {
            errors.add(new FieldError("country", "must be an ISO 3166 two-letter code such as KZ"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The request has invalid fields", errors, Map.of());
        }
        String country = DefaultCountry.of(Optional.ofNullable(request.country()), currency, zone, language.get());
        return new Tenant(new TenantId(Ids.next()), name, currency, zone, language.get(), country, Now.of(clock), null);
    }

    @Override
    public Optional<Tenant> byId(TenantId id) {
        Tenant cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = jdbc.sql("SELECT * FROM tenant WHERE id = :id")
                .param("id", id.value()).query(JdbcTenants::map).optional();
        found.ifPresent(t -> cache.put(id, t));
        return found;
    }

    @Override
    public Optional<Tenant> byName(String name) {
        return jdbc.sql("SELECT * FROM tenant WHERE name = :name ORDER BY created_at, id LIMIT 1")
                .param("name", name).query(JdbcTenants::map).optional();
    }

    @Override
    public Optional<Tenant> bySlug(String slug) {
        // Slugs are unique (tenant_slug); the id it names is then read through the cache.
        TenantId known = idsBySlug.get(slug);
        if (known != null) {
            return byId(known);
        }
        Optional<TenantId> found = jdbc.sql("SELECT id FROM tenant WHERE slug = :slug").param("slug", slug)
                .query((rs, n) -> new TenantId(rs.getObject("id", java.util.UUID.class))).optional();
        found.ifPresent(id -> idsBySlug.put(slug, id));
        return found.flatMap(this::byId);
    }

    @Override
    public List<TenantId> ids() {
        return jdbc.sql("SELECT id FROM tenant ORDER BY id").query((rs, i) -> new TenantId(rs.getObject(1, UUID.class)))
                .list();
    }

    @Override
    public Tenant get(TenantId id) {
        return byId(id).orElseThrow(() -> ApiProblem.notFound("Tenant"));
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(new TenantId(rs.getObject("id", UUID.class)), rs.getString("name"),
                Currency.getInstance(rs.getString("currency")), ZoneId.of(rs.getString("timezone")),
                Language.fromTag(rs.getString("locale")).orElse(Language.RU), rs.getString("country"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("slug"));
    }

}
